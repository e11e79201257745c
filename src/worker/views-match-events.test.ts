/**
 * Every figure the views read from the store is the engine's own: each example is run through the
 * worker's host (the page's bridge applying every frame to the store) at 1×, 10×, 100× and as fast
 * as possible, and at every frame its counters, rate, queue drops, depths, busy time, busy
 * processes, receive queue and timer firings are compared with the same run's events, those
 * `kamsim run --format jsonl --events` prints. The worker asks the engine for none of the
 * per-request events (it reads the engine's own figures), so this holds those figures to the events.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { kamsim, root } from "../../tests/cli/kamsim.js";
import { busyFromEvents } from "../../tests/support/busy-from-events.js";
import { runEngine } from "../../tests/support/engine.js";
import { formatJsonLine, type SimEvent } from "../engine/index.js";
import { type FromWorker, PROTOCOL_VERSION, type ToWorker } from "../protocol/messages.js";
import { applyFrame, applyLoaded } from "../ui/store/apply.js";
import { useStore } from "../ui/store/store.js";
import { DEPTH_RESOLUTION_US } from "./depth-sampler.js";
import { SimulationHost } from "./host.js";

const EXAMPLES = readdirSync(join(root, "examples")).filter((d) => {
  const t = JSON.parse(readFileSync(join(root, "examples", d, "traffic.json"), "utf8")) as { streams?: unknown };
  return Array.isArray(t.streams);
});
const SPEEDS = [1, 10, 100, Number.POSITIVE_INFINITY];

/**
 * The example's events, µs-exact, from the engine run as `kamsim run --events` runs it (every
 * event kind); checked against the CLI's own JSON lines, which print times floored to the ms.
 */
function runEvents(example: string): SimEvent[] {
  const dir = join("examples", example);
  const read = (f: string) => readFileSync(join(root, dir, f), "utf8");
  const { events } = runEngine(read("kamailio.cfg"), read("traffic.json"));
  // Run where the files are, so the log names "kamailio.cfg" as the page's compile does.
  const r = kamsim(
    ["run", "kamailio.cfg", "--traffic", "traffic.json", "--format", "jsonl", "--events"],
    join(root, dir),
  );
  expect(r.code, r.stderr).toBe(0);
  const cli = r.stdout.split("\n").filter(Boolean);
  expect(cli.length).toBe(events.length);
  for (const [i, line] of cli.entries()) expect(line).toBe(formatJsonLine(events[i] as SimEvent));
  return events;
}

/**
 * The example run through the host at `speed` with a fake wall clock; every frame is applied to
 * the store as the page does, and `check` sees the store after each one. At "as fast as
 * possible" every reading of the clock moves it 0.1 ms, so a frame covers seconds of virtual time.
 */
function runThroughHost(example: string, speed: number, check: (frame: FromWorker & { type: "frame" }) => void) {
  const dir = join(root, "examples", example);
  let wall = 0;
  let pending: (() => void)[] = [];
  let ended = false;
  const host: SimulationHost = new SimulationHost({
    post: (m) => {
      if (m.type === "loaded") applyLoaded(m);
      if (m.type === "frame") {
        applyFrame(m);
        check(m);
        ended = m.ended;
        host.handle({ type: "frameAck", v: PROTOCOL_VERSION });
      }
    },
    now: () => {
      if (!Number.isFinite(speed)) wall += 0.1;
      return wall;
    },
    later: (fn) => void pending.push(fn),
  });
  const send = (m: Record<string, unknown>) => host.handle({ ...m, v: PROTOCOL_VERSION } as ToWorker);
  send({
    type: "load",
    config: readFileSync(join(dir, "kamailio.cfg"), "utf8"),
    traffic: readFileSync(join(dir, "traffic.json"), "utf8"),
  });
  send({ type: "run", speed });
  for (let frames = 0; !ended && frames < 100_000; frames++) {
    wall += 16;
    const run = pending;
    pending = [];
    for (const fn of run) fn();
  }
  expect(ended).toBe(true);
}

/**
 * The processes busy after `events`: a SIP worker between its `proc` busy and idle events, a
 * timer process between a firing and its end.
 */
function busyAt(events: readonly SimEvent[]): number[] {
  const busy = new Set<number>();
  for (const e of events) {
    if (e.kind !== "proc" && e.kind !== "timer") continue;
    if (e.kind === "proc" ? e.state === "busy" : e.phase === "fired") busy.add(e.proc);
    else busy.delete(e.proc);
  }
  return [...busy].sort((a, b) => a - b);
}

/** The engine's depth of `queue` at `t`: the size after its last event at or before `t`. */
function depthAt(mq: readonly (SimEvent & { kind: "mq" })[], queue: string, t: number): number {
  let v = 0;
  for (const e of mq) if (e.queue === queue && e.t <= t) v = e.size;
  return v;
}

describe.each(EXAMPLES)("the views of %s show the engine's figures", (example) => {
  const events = runEvents(example);
  const mq = events.filter((e): e is SimEvent & { kind: "mq" } => e.kind === "mq");
  const arrivals = events.filter((e) => e.kind === "request" && e.phase === "arrived").map((e) => e.t);
  const queues = [...new Set(mq.map((e) => e.queue))];

  it.each(SPEEDS)("at speed %s", (speed) => {
    let frames = 0;
    let lastT = 0;
    const busySum = new Map<number, number>();
    runThroughHost(example, speed, (f) => {
      frames++;
      lastT = f.t;
      for (const [p, us] of Object.entries(f.busyUs)) busySum.set(Number(p), (busySum.get(Number(p)) ?? 0) + us);
      const s = useStore.getState();
      expect(s.counters.received).toBe(arrivals.filter((t) => t <= f.t).length);
      const upTo = events.filter((e) => e.t <= f.t);
      expect(s.counters.dropped).toBe(upTo.filter((e) => e.kind === "request" && e.phase === "dropped").length);
      expect(s.counters.replies).toBe(upTo.filter((e) => e.kind === "reply").length);
      expect(s.counters.alerts).toBe(upTo.filter((e) => e.kind === "log" && e.level === "ALERT").length);
      expect(s.counters.refused).toBe(
        upTo.filter((e) => e.kind === "pike" && (e.op === "refused" || e.op === "blocked")).length,
      );
      // "req/s": requests that arrived in the virtual second before now, however long the frame.
      expect(s.counters.rate).toBe(arrivals.filter((t) => t > f.t - 1_000_000 && t <= f.t).length);
      // The receive queue: every request that arrived waits there until a worker starts it or
      // the queue's overflow drops it.
      const requests = (phase: string) => upTo.filter((e) => e.kind === "request" && e.phase === phase).length;
      expect(s.rxQueued, `rx queue at ${f.t}`).toBe(requests("arrived") - requests("dropped") - requests("started"));
      expect(s.busy, `busy at ${f.t}`).toEqual(busyAt(upTo));
      const fired = new Map<string, number>();
      for (const e of upTo)
        if (e.kind === "timer" && e.phase === "fired") fired.set(e.timer, (fired.get(e.timer) ?? 0) + 1);
      expect(s.timerFirings).toEqual(Object.fromEntries(fired));
      for (const q of queues) {
        const drops = mq.filter((e) => e.queue === q && e.op === "drop" && e.t <= f.t).length;
        expect(s.queueDrops[q] ?? 0, `${q} drops at ${f.t}`).toBe(drops);
        expect(s.queueDepth[q] ?? 0, `${q} depth at ${f.t}`).toBe(depthAt(mq, q, f.t));
      }
    });
    if (Number.isFinite(speed)) expect(frames).toBeGreaterThan(1);
    // The charts: at the end of every 50 ms the series reads the engine's depth, and each
    // sampled span's highest point is the engine's highest in it.
    const s = useStore.getState();
    for (const q of queues) {
      const series = s.queueSeries[q] ?? [];
      const closed = Math.floor(lastT / DEPTH_RESOLUTION_US) * DEPTH_RESOLUTION_US;
      for (let end = DEPTH_RESOLUTION_US; end <= closed; end += DEPTH_RESOLUTION_US) {
        const drawn = series.filter((p) => p.t < end).at(-1)?.v ?? 0;
        expect(drawn, `${q} drawn at ${end}`).toBe(depthAt(mq, q, end - 1));
        const inSpan = mq.filter((e) => e.queue === q && e.t >= end - DEPTH_RESOLUTION_US && e.t < end);
        if (inSpan.length === 0) continue;
        const peak = Math.max(...series.filter((p) => p.t >= end - DEPTH_RESOLUTION_US && p.t < end).map((p) => p.v));
        expect(peak, `${q} peak before ${end}`).toBe(Math.max(...inSpan.map((e) => e.size)));
      }
    }
    // Busy time: every process the engine ran, timer processes included.
    const expected = busyFromEvents(events, lastT);
    for (const p of s.processes)
      expect(busySum.get(p.index) ?? 0, `busy µs of ${p.label}`).toBe(expected.get(p.index) ?? 0);
  });
});
