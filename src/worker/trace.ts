/**
 * The trace of one message, on demand (docs/trace.md). The engine is deterministic, so the worker
 * does not record anything while the live run goes: when the page asks for message N, it replays
 * the same config, traffic (with the streams and actions the user added: the run's saved traffic
 * file) and seed, the rate slider moves at the virtual times they were made, in a second
 * Simulation that wants the trace's events — `step`, `cfgt`, `route`, `request` — and keeps those
 * of that one request, stopping once its worker is done with it. The live run is untouched.
 *
 * Asking for `cfgt` makes sl build its replies to addresses nobody listens at (cfgt lists them
 * in sip_out), which the live run leaves unbuilt: the network's message ids may differ between
 * the runs, so a Ladder arrow is found by its text and arrival time, never by its id. The
 * proxy's request ids do not depend on that and are the same in both runs.
 */
import {
  type CfgtValue,
  type CompiledConfig,
  createSimulation,
  NO_EVENTS,
  type SimEvent,
  type StepEvent,
  type TmEvent,
  type TrafficPlan,
} from "../engine/index.js";
import type { MessageTrace, TraceEntry, TraceTarget, TraceVar } from "../protocol/trace.js";

/** A rate slider move of the live run, replayed at its virtual time. */
export interface RateChange {
  t: number;
  stream: number;
  rate: number;
}

export interface TraceRun {
  config: CompiledConfig;
  plan: TrafficPlan;
  seed: number | undefined;
  rates: readonly RateChange[];
}

/** Virtual µs the replay advances at a time once past the target's time. */
const CHUNK_US = 1000;
/** How far past the run's end the replay may go to see a message's handling end. */
const AFTER_END_US = 10_000_000;

function valueText(v: CfgtValue): string {
  return typeof v === "string" ? v : typeof v === "number" ? String(v) : JSON.stringify(v);
}

/** cfgt's first line of a message: `SIP/2.0 200 OK` or `INVITE sip:… SIP/2.0`. */
function headerOf(text: string, name: string): string {
  const m = new RegExp(`^${name}[ \\t]*:[ \\t]*(.*)$`, "im").exec(text);
  return m ? (m[1] as string).trim() : "";
}

/** Replays `run` up to the end of the handling of `target`; undefined when the replay never handles it. */
export function traceMessage(run: TraceRun, target: TraceTarget, now: () => number): MessageTrace | undefined {
  const t0 = now();
  /**
   * The text request `id` came as: cfgt's sip_in (saved at its script's end, before its worker is
   * done), else the simulation's (a traffic stream's request, rebuilt).
   */
  const received = (id: number): string | undefined => {
    for (let i = kept.length - 1; i >= 0; i--) {
      const e = kept[i] as SimEvent;
      if (e.kind === "cfgt" && e.req === id && e.sipIn[0] !== undefined) return e.sipIn[0];
    }
    return sim.requestText(id);
  };
  if ("msg" in target) throw new Error("traceMessage: a Ladder row's text first (trace-source.ts)");
  let req = "req" in target ? target.req : undefined;
  /** Ladder target: requests that arrived at its time (one of them is its datagram). */
  const arrivedThen = new Set<number>();
  /** Events of the processes handling a candidate, in order. */
  const kept: SimEvent[] = [];
  /** Each candidate's handling: its worker and where its events lie in `kept`. */
  const spans = new Map<number, { t: number; proc: number; from: number; to?: number; done?: number }>();
  /** Which candidate each SIP worker is handling now. */
  const active = new Map<number, number>();
  /** tm's transactions: the request that created each, and when (`tm` `new`). */
  const created = new Map<string, { req: number; t: number }>();
  const replies = new Set<number>();
  let done: number | undefined;
  const sim = createSimulation(run.config, run.plan, {
    seed: run.seed,
    wants: { ...NO_EVENTS, step: true, cfgt: true, route: true, request: true, tm: true },
    sipUnheard: false,
    onEvent: (e) => {
      if (e.kind === "tm" && e.op === "new" && e.req !== undefined) created.set(e.tid, { req: e.req, t: e.t });
      if (e.kind !== "request") {
        // A worker runs one message at a time: what its process does while it handles a
        // candidate is the candidate's — tm's failure_route included, which runs on the
        // transaction's request (its `req`).
        if ("proc" in e && e.proc !== undefined && active.has(e.proc)) kept.push(e);
        return;
      }
      // A Ladder target: every request that arrived at its time is followed until its text,
      // known once its script has run, says which one it is.
      if (req === undefined && "text" in target && e.phase === "arrived" && e.t === target.at) arrivedThen.add(e.req);
      if (e.req !== req && !arrivedThen.has(e.req)) return;
      const proc = e.proc ?? 0;
      if (e.phase === "started") {
        spans.set(e.req, { t: e.t, proc, from: kept.length });
        active.set(proc, e.req);
        return;
      }
      if (e.phase === "reply") replies.add(e.req);
      if (e.phase !== "done" && e.phase !== "dropped" && e.phase !== "rejected") return;
      const span = spans.get(e.req);
      if (span) {
        span.to = kept.length;
        span.done = e.t;
        active.delete(span.proc);
      }
      arrivedThen.delete(e.req);
      if (req === undefined && "text" in target && received(e.req) === target.text) req = e.req;
      if (e.req === req) done = e.t;
    },
  });
  const rates = [...run.rates].sort((a, b) => a.t - b.t);
  let r = 0;
  const runTo = (t: number) => {
    for (; r < rates.length && (rates[r] as RateChange).t <= t; r++) {
      const c = rates[r] as RateChange;
      sim.runUntil(c.t);
      sim.setRate(c.stream, c.rate);
    }
    sim.runUntil(t);
  };
  runTo(Math.max(0, target.at - 1));
  // A Ladder target none of whose candidates was it (dropped on a full queue: never handled)
  // ends the replay as soon as they are all settled, rather than at the end of the run.
  const gaveUp = () => "text" in target && req === undefined && sim.now >= target.at && arrivedThen.size === 0;
  // A message taken just before the run's end is handled just after it: the replay may go on a
  // little (the live run's Ladder and Log show it arrive, and the worker at it).
  const end = run.plan.duration + AFTER_END_US;
  while (done === undefined && !gaveUp() && sim.now < end) runTo(Math.min(end, sim.now + CHUNK_US));
  const span = req === undefined ? undefined : spans.get(req);
  if (req === undefined || span === undefined || done === undefined) return undefined;
  const mine = kept.slice(span.from, span.to).filter((e) => "proc" in e && e.proc === span.proc);
  // A reply's transaction: the request that created it, for its own trace.
  const reply = mine.find((e): e is TmEvent => e.kind === "tm" && e.op === "reply");
  const tx = reply ? created.get(reply.tid) : undefined;
  return buildTrace(mine, {
    req,
    proc: span.proc,
    t: span.t,
    done,
    sipIn: received(req) ?? "",
    reply: replies.has(req),
    ms: now() - t0,
    ...(tx && tx.req !== req ? { transaction: tx } : {}),
  });
}

/** The trace from the replay's events of one request. */
export function buildTrace(
  events: readonly SimEvent[],
  head: {
    req: number;
    proc: number;
    t: number;
    done: number;
    sipIn: string;
    reply: boolean;
    ms: number;
    transaction?: { req: number; t: number };
  },
): MessageTrace {
  const entries: TraceEntry[] = [];
  const lines = new Set<number>();
  const routeLines: Record<string, Set<number>> = {};
  let depth = 0;
  let lastAction: StepEvent | undefined;
  let flow: MessageTrace["flow"] = [];
  let sent: string[] = [];
  let pending: string[] = [];
  let pendingText: string | undefined;
  for (const e of events) {
    if (e.kind === "route") {
      if (e.phase === "enter") {
        entries.push({ kind: "enter", route: e.route, depth });
        depth++;
      } else {
        depth = Math.max(0, depth - 1);
        const w = lastAction?.route === e.route ? lastAction.what : undefined;
        const how = w === "exit" || w === "drop" || w === "return" ? w : "end";
        entries.push({ kind: "exit", route: e.route, depth, how, ...(e.rc !== undefined ? { rc: e.rc } : {}) });
      }
    } else if (e.kind === "step") {
      if (e.op === "end") {
        pending = e.pending ?? [];
        pendingText = e.text;
        continue;
      }
      const file = e.file ?? "";
      const line = e.line ?? 0;
      if (file === "kamailio.cfg") {
        lines.add(line);
        routeLines[e.route] ??= new Set();
        routeLines[e.route]?.add(line);
      }
      if (e.op === "action") {
        lastAction = e;
        entries.push({ kind: "action", route: e.route, depth, file, line, what: e.what ?? "" });
      } else {
        entries.push({
          kind: "call",
          route: e.route,
          depth,
          file,
          line,
          fn: e.fn ?? "",
          args: e.args ?? [],
          values: e.values ?? [],
          result: e.result ?? 0,
          standIn: e.standIn === true,
        });
      }
    } else if (e.kind === "cfgt") {
      // Its own report's first save, at the script's end (a later one adds what the process
      // sent afterwards; the process's previous report is saved again when this message starts).
      if (flow.length > 0 || e.req !== head.req) continue;
      flow = markCarried(
        e.flow.map((f) => ({
          key: f.key,
          vars: Object.entries(f.vars).map(([name, v]) => ({ name, value: valueText(v) })),
        })),
      );
      sent = e.sipOut.slice();
    }
  }
  const sorted = (s: Set<number>) => [...s].sort((a, b) => a - b);
  return {
    ...head,
    callId: headerOf(head.sipIn, "(?:call-id|i)"),
    cseqMethod: (headerOf(head.sipIn, "cseq").split(/\s+/)[1] ?? "").toUpperCase(),
    entries,
    lines: sorted(lines),
    routeLines: Object.fromEntries(Object.entries(routeLines).map(([k, v]) => [k, sorted(v)])),
    flow,
    sent,
    pending,
    ...(pendingText !== undefined ? { pendingText } : {}),
  };
}

/**
 * `$var` values the message found when its script started were left by an earlier message of the
 * same process (a script variable lives in the process, docs/cfgt.md): 0 is a fresh one's value.
 * They stay marked at later boundaries while unchanged.
 */
function markCarried(flow: { key: string; vars: TraceVar[] }[]): { key: string; vars: TraceVar[] }[] {
  const first = flow[0];
  if (!first) return flow;
  const carried = new Map<string, string>();
  for (const v of first.vars) if (v.name.startsWith("$var(") && v.value !== "0") carried.set(v.name, v.value);
  for (const f of flow) {
    for (const v of f.vars) {
      if (carried.get(v.name) === v.value) v.carried = true;
      else carried.delete(v.name);
    }
  }
  return flow;
}
