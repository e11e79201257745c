/**
 * Applies what the worker says to the store: a `loaded` message resets the simulation slice, a
 * `frame` appends its events (log lines to the ring, firings) and sampled depths, and replaces the
 * current state. Series are bounded (SERIES_CAP), the log by its ring. Applying a frame costs in
 * proportion to the frame (and each bounded series copied once), never to the history per event:
 * a frame of thousands of timer firings once copied a timer's 4,000 firings per firing.
 */
import type { AgentRow } from "../../protocol/agents.js";
import type { FromWorker } from "../../protocol/messages.js";
import { EMPTY_COUNTERS, SERIES_CAP, type TimerFiring, useStore } from "./store.js";

function capped<T>(list: T[], cap = SERIES_CAP): T[] {
  return list.length > cap ? list.slice(list.length - cap) : list;
}

export function applyLoaded(msg: FromWorker & { type: "loaded" }): void {
  const s = useStore.getState();
  s.log.clear();
  s.ladder.clear();
  useStore.setState({
    status: msg.ok ? "ready" : "error",
    t: 0,
    processes: msg.processes,
    queues: msg.queues,
    timers: msg.timers,
    streams: msg.streams,
    counters: EMPTY_COUNTERS,
    busy: [],
    rxQueued: 0,
    pike: [],
    queueSeries: Object.fromEntries(msg.queues.map((q) => [q.name, [{ t: 0, v: 0 }]])),
    queueDepth: {},
    queueItems: [],
    firings: Object.fromEntries(msg.timers.map((t) => [t.name, []])),
    timerFirings: {},
    busySeries: [],
    rxSeries: [],
    blocked: {},
    pikeSettings: msg.pike,
    queueDrops: {},
    busyTime: [],
    registrations: undefined,
    transactions: undefined,
    agents: msg.agents ?? [],
    logVersion: s.logVersion + 1,
    ladderVersion: s.ladder.version,
    selectedLine: undefined,
  });
}

function addCounts(a: Record<string, number>, b: Record<string, number>): Record<string, number> {
  if (Object.keys(b).length === 0) return a;
  const out = { ...a };
  for (const [k, n] of Object.entries(b)) out[k] = (out[k] ?? 0) + n;
  return out;
}

export function applyFrame(msg: FromWorker & { type: "frame" }): void {
  const s = useStore.getState();
  // Each timer's list is copied once per frame, the first time the frame names it.
  const touched = new Map<string, TimerFiring[]>();
  let blocked = s.blocked;
  const newItems = [];
  let logged = false;
  for (const e of msg.events) {
    if (e.kind === "log") {
      s.log.push(e);
      logged = true;
    } else if (e.kind === "mq") {
      newItems.push(e);
    } else if (e.kind === "timer") {
      let list = touched.get(e.timer);
      if (!list) {
        list = [...(s.firings[e.timer] ?? [])];
        touched.set(e.timer, list);
      }
      if (e.phase === "fired") list.push({ t: e.t, proc: e.proc });
      else {
        const last = list[list.length - 1];
        if (last && last.duration === undefined) list[list.length - 1] = { ...last, duration: e.duration };
      }
    } else if (e.kind === "pike") {
      if (e.op === "blocked") {
        if (blocked === s.blocked) blocked = { ...blocked };
        blocked[e.ip] = e.t;
      }
    }
  }
  let firings = s.firings;
  if (touched.size) {
    firings = { ...firings };
    for (const [timer, list] of touched) firings[timer] = capped(list);
  }
  // Depths come sampled in virtual time by the worker (the chart draws the last one on to "now").
  let queueSeries = s.queueSeries;
  const sampled = Object.entries(msg.queuePoints);
  if (sampled.length) {
    queueSeries = { ...queueSeries };
    for (const [q, list] of sampled) queueSeries[q] = capped((queueSeries[q] ?? []).concat(list));
  }
  const items = newItems.length ? capped(s.queueItems.concat(newItems), 200) : s.queueItems;
  if (msg.ladder) s.ladder.apply(msg.ladder);
  useStore.setState({
    t: msg.t,
    status: msg.running ? "running" : msg.ended ? "ended" : s.status === "running" ? "paused" : s.status,
    counters: msg.counters,
    busy: msg.busy,
    rxQueued: msg.rxQueued,
    pike: msg.pike,
    queueSeries,
    queueDepth: msg.queues,
    ...(msg.routesRan.length ? { routesRan: msg.routesRan } : {}),
    queueItems: items,
    firings,
    timerFirings: msg.timerFirings,
    blocked,
    busySeries: capped([...s.busySeries, { t: msg.t, busy: msg.busy }]),
    busyTime: capped([...s.busyTime, { t: msg.t, dt: Math.max(0, msg.t - s.t), busyUs: msg.busyUs }]),
    queueDrops: addCounts(s.queueDrops, msg.queueDrops),
    rxSeries: capped([...s.rxSeries, { t: msg.t, v: msg.rxQueued }]),
    logVersion: logged ? s.logVersion + 1 : s.logVersion,
    ladderVersion: s.ladder.version,
    // Sent only when they changed: a frame without them leaves the last ones (and their identity).
    ...(msg.registrations ? { registrations: msg.registrations } : {}),
    ...(msg.transactions ? { transactions: msg.transactions } : {}),
    ...(msg.agents ? { agents: withRows(s.agents, msg.agents) } : {}),
  });
}

/** The agents with the changed rows in place (by their index); unchanged rows keep their identity. */
function withRows(agents: readonly AgentRow[], changed: readonly AgentRow[]): AgentRow[] {
  const out = [...agents];
  for (const r of changed) out[r.index] = r;
  return out;
}
