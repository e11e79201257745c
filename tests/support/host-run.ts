/**
 * The playground worker's host (src/worker/host.ts) driven as the page drives it, for tests: every
 * frame acknowledged at once, a fake wall clock advanced in 16 ms steps (a display frame), the
 * host's `later` callbacks run at each step. `runInHost` runs a config and traffic to the end at
 * the fastest speed and returns everything the host posted.
 */
import { type FromWorker, PROTOCOL_VERSION, type ToWorker } from "../../src/protocol/messages.js";
import { SimulationHost } from "../../src/worker/host.js";

/** A message to the worker without the protocol version (`send` adds it). */
export type Outgoing = ToWorker extends infer T ? (T extends { v: number } ? Omit<T, "v"> : never) : never;

export interface HostHarness {
  host: SimulationHost;
  /** Everything the host posted so far, in order. */
  posted: FromWorker[];
  send(m: Outgoing): void;
  /** Advances the wall clock by `ms`, running what the host scheduled meanwhile. */
  advance(ms: number): void;
  /** Steps until a frame says the run ended (at most `maxSteps` steps of 16 ms). */
  runToEnd(maxSteps?: number): void;
}

export function hostHarness(): HostHarness {
  const posted: FromWorker[] = [];
  let wall = 0;
  let pending: (() => void)[] = [];
  const host: SimulationHost = new SimulationHost({
    post: (m) => {
      posted.push(m);
      if (m.type === "frame") host.handle({ type: "frameAck", v: PROTOCOL_VERSION });
    },
    now: () => wall,
    later: (fn) => void pending.push(fn),
  });
  const step = () => {
    wall += 16;
    const run = pending;
    pending = [];
    for (const fn of run) fn();
  };
  return {
    host,
    posted,
    send: (m) => host.handle({ ...m, v: PROTOCOL_VERSION } as ToWorker),
    advance(ms) {
      for (const end = wall + ms; wall < end; ) step();
    },
    runToEnd(maxSteps = 100_000) {
      for (let i = 0; i < maxSteps && !posted.some((m) => m.type === "frame" && m.ended); i++) step();
    },
  };
}

export function runInHost(config: string, traffic: string, maxFrames = 100_000): FromWorker[] {
  const h = hostHarness();
  h.send({ type: "load", config, traffic });
  h.send({ type: "run", speed: Number.POSITIVE_INFINITY });
  h.runToEnd(maxFrames);
  return h.posted;
}
