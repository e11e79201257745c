/**
 * The playground's worker at "as fast as possible", in Node with the real clock and timers: the
 * host as the worker runs it (src/worker/main.ts's port), a page that takes each frame (a
 * structured clone, as postMessage makes) and acks it one display frame later. Prints JSON lines:
 * - worker.max.flood: the classic config under a 1,500 req/s flood; the share of wall time the
 *   worker spends in its own work (simulating, building and cloning frames), virtual seconds per
 *   wall second, frames per second;
 * - worker.max.rtimer-1us: an rtimer firing every microsecond with an xlog route (issue 9 §4):
 *   the same, plus the largest frame (events, and its cloned size) and how long Reset takes to
 *   answer while it runs.
 * Numbers, not a test. Run: `npx tsx bench/worker.ts [seconds]` (default 5 s per scenario).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type FromWorker, PROTOCOL_VERSION, type ToWorker } from "../src/protocol/messages.js";
import { type HostPort, SimulationHost } from "../src/worker/host.js";
import { NO_REQUESTS, RTIMER_EVERY_MICROSECOND } from "../tests/support/rtimer-every-microsecond.js";

const root = process.cwd();
const CLASSIC = readFileSync(join(root, "examples", "classic", "kamailio.cfg"), "utf8");
const seconds = Number(process.argv[2] ?? 5);
const round = (n: number, d = 2) => Number(n.toFixed(d));

const FLOOD = JSON.stringify({
  duration: 600,
  seed: 1,
  streams: [
    { name: "callers", src: "192.0.2.0/28", method: "INVITE", rate: 2, pattern: "poisson" },
    { name: "flood", src: "203.0.113.66", method: "INVITE", rate: 1500, pattern: "uniform", start: 1 },
  ],
});

interface Measured {
  busyMs: number;
  wallMs: number;
  virtualS: number;
  frames: number;
  maxFrameEvents: number;
  maxFrameBytes: number;
  resetMs?: number;
}

/** Runs the host at max for `ms` of wall time; `withReset` then sends Reset and times its answer. */
async function measure(config: string, traffic: string, ms: number, withReset: boolean): Promise<Measured> {
  let busyMs = 0;
  let frames = 0;
  let lastT = 0;
  let maxFrameEvents = 0;
  let maxFrameBytes = 0;
  let onLoaded: (() => void) | undefined;
  const timed = (fn: () => void) => () => {
    const t0 = performance.now();
    fn();
    busyMs += performance.now() - t0;
  };
  const port: HostPort = {
    post: (m: FromWorker) => {
      const copy = structuredClone(m);
      if (copy.type === "loaded") onLoaded?.();
      if (copy.type !== "frame") return;
      frames++;
      lastT = copy.t;
      maxFrameEvents = Math.max(maxFrameEvents, copy.events.length);
      // Sizing every frame would dominate; the big ones are the ones that matter.
      if (copy.events.length > 1000) maxFrameBytes = Math.max(maxFrameBytes, JSON.stringify(copy).length);
      // The page draws, then acks: one display frame later.
      setTimeout(() => send({ type: "frameAck" }), 16);
    },
    now: () => performance.now(),
    later: (fn, delay) => void setTimeout(timed(fn), delay),
    // Node's turn of the event loop that lets timers (the page's acks, Reset) in between; the
    // worker uses a MessageChannel, whose messages queue with the page's.
    soon: (fn) => void setImmediate(timed(fn)),
  };
  const host = new SimulationHost(port);
  const send = (m: Record<string, unknown>) => timed(() => host.handle({ ...m, v: PROTOCOL_VERSION } as ToWorker))();
  send({ type: "load", config, traffic });
  const start = performance.now();
  busyMs = 0;
  send({ type: "run", speed: Number.POSITIVE_INFINITY });
  await new Promise((r) => setTimeout(r, ms));
  const wallMs = performance.now() - start;
  const out: Measured = { busyMs, wallMs, virtualS: lastT / 1e6, frames, maxFrameEvents, maxFrameBytes };
  if (withReset) {
    const asked = performance.now();
    const answered = new Promise<void>((r) => {
      onLoaded = r;
    });
    // Reset arrives as a message, as from the page: it waits for the worker's current task.
    setTimeout(() => send({ type: "reset" }), 0);
    await answered;
    out.resetMs = round(performance.now() - asked, 1);
  }
  send({ type: "pause" });
  return out;
}

for (const [bench, config, traffic, reset] of [
  ["worker.max.flood-1500rps", CLASSIC, FLOOD, false],
  ["worker.max.rtimer-1us", RTIMER_EVERY_MICROSECOND, NO_REQUESTS, true],
] as const) {
  const m = await measure(config, traffic, seconds * 1000, reset);
  console.log(
    JSON.stringify({
      bench,
      wall_s: round(m.wallMs / 1000),
      busy_share: round(m.busyMs / m.wallMs),
      virtual_s_per_wall_s: round(m.virtualS / (m.wallMs / 1000)),
      frames_per_s: round(m.frames / (m.wallMs / 1000), 1),
      max_frame_events: m.maxFrameEvents,
      max_frame_kb: round(m.maxFrameBytes / 1024, 1),
      ...(m.resetMs !== undefined ? { reset_answered_ms: m.resetMs } : {}),
    }),
  );
}
process.exit(0);
