/**
 * Runs a config and a traffic file through the playground worker's host (src/worker/host.ts) to
 * the end, as the page does at its fastest speed (every frame acknowledged at once, a fake wall
 * clock), and returns everything the host posted.
 */
import { type FromWorker, PROTOCOL_VERSION } from "../../src/protocol/messages.js";
import { SimulationHost } from "../../src/worker/host.js";

export function runInHost(config: string, traffic: string, maxFrames = 100_000): FromWorker[] {
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
  host.handle({ type: "load", v: PROTOCOL_VERSION, config, traffic });
  host.handle({ type: "run", v: PROTOCOL_VERSION, speed: Number.POSITIVE_INFINITY });
  for (let i = 0; i < maxFrames && !posted.some((m) => m.type === "frame" && m.ended); i++) {
    wall += 16;
    const run = pending;
    pending = [];
    for (const fn of run) fn();
  }
  return posted;
}
