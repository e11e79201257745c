/**
 * Simulation.figures(): the counts the playground's views show, kept by the engine instead of an
 * event per request, equal what the events delivered so far say — at every moment a front end
 * may look, including moments that fall inside a run whose reply and routes are stamped later
 * (route_if_exists() drives a sleeping route to its end at once: its events carry later times).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  compileConfig,
  createSimulation,
  parseTrafficText,
  type SimEvent,
  type ViewFigures,
} from "../../src/engine/index.js";

const root = join(import.meta.dirname, "..", "..");
const example = (name: string, file: string) => readFileSync(join(root, "examples", name, file), "utf8");

/** A reply and routes written 300 ms after the request is taken, all computed at once. */
const LATE_REPLY = `#!KAMAILIO
children=2
loadmodule "sl.so"
loadmodule "cfgutils.so"
request_route {
  route_if_exists("slow");
}
route[slow] {
  usleep(300000);
  route(answer);
}
route[answer] {
  sl_send_reply("200", "OK");
}
`;
const LATE_TRAFFIC = JSON.stringify({
  duration: 3,
  seed: 3,
  streams: [{ name: "callers", src: "192.0.2.0/28", method: "OPTIONS", rate: 20, pattern: "poisson" }],
  server: { rx_queue: 3 },
});

/**
 * Runs with figures and every event, looking every `stepUs`; checks each look against the events
 * delivered so far (tallied as they come). Returns the last look's figures.
 */
function check(config: string, traffic: string, stepUs: number): ViewFigures {
  const cfg = compileConfig(config, { name: "kamailio.cfg" });
  const t = parseTrafficText(traffic);
  if (!("plan" in t)) throw new Error("traffic has errors");
  const events: SimEvent[] = [];
  const sim = createSimulation(cfg, t.plan, { onEvent: (e) => events.push(e), figures: true });
  const phases = new Map<string, number>();
  const arrivals: number[] = [];
  const busySince = new Map<number, number>();
  const busyUs = new Map<number, number>();
  let replies = 0;
  let seen = 0;
  let last: ViewFigures | undefined;
  for (let at = stepUs; at <= t.plan.duration; at += stepUs) {
    sim.runUntil(at);
    const entered = new Set<string>();
    for (const e of events.slice(seen)) {
      if (e.kind === "request") phases.set(e.phase, (phases.get(e.phase) ?? 0) + 1);
      if (e.kind === "request" && e.phase === "arrived") arrivals.push(e.t);
      if (e.kind === "reply") replies++;
      if (e.kind === "route" && e.phase === "enter") entered.add(e.route);
      if (e.kind === "proc" && e.state === "busy") busySince.set(e.proc, e.t);
      if (e.kind === "proc" && e.state === "idle") {
        busyUs.set(e.proc, (busyUs.get(e.proc) ?? 0) + e.t - (busySince.get(e.proc) ?? e.t));
        busySince.delete(e.proc);
      }
    }
    seen = events.length;
    const f = sim.figures();
    if (!f) throw new Error("no figures");
    const phase = (p: string) => phases.get(p) ?? 0;
    expect(f.received, `received at ${at}`).toBe(phase("arrived"));
    expect(f.dropped, `dropped at ${at}`).toBe(phase("dropped"));
    expect(f.replies, `replies at ${at}`).toBe(replies);
    expect(f.rxQueued, `rx queue at ${at}`).toBe(phase("arrived") - phase("dropped") - phase("started"));
    expect(f.lastSecond, `last second at ${at}`).toBe(arrivals.filter((a) => a > at - 1_000_000).length);
    expect(new Set(f.routesEntered), `routes entered before ${at}`).toEqual(entered);
    for (const w of f.workers) {
      const since = busySince.get(w.proc);
      const us = (busyUs.get(w.proc) ?? 0) + (since === undefined ? 0 : at - since);
      expect([w.us, w.busy], `worker ${w.proc} at ${at}`).toEqual([us, since !== undefined]);
    }
    last = f;
  }
  if (!last) throw new Error("no look");
  return last;
}

describe("the engine's figures equal its events", () => {
  it("when a reply and its routes are stamped later than they are computed", () => {
    const f = check(LATE_REPLY, LATE_TRAFFIC, 7_000);
    expect([f.replies > 0, f.dropped > 0]).toEqual([true, true]);
  });

  it("in the classic example under its flood (a full receive queue drops requests)", () => {
    const traffic = JSON.parse(example("classic", "traffic.json")) as { streams: { rate: number }[] };
    (traffic.streams[1] as { rate: number }).rate = 3000;
    const text = JSON.stringify({ ...traffic, server: { rx_queue: 20, request_cost: 0.005 } });
    const f = check(example("classic", "kamailio.cfg"), text, 10_000);
    expect([f.replies > 0, f.dropped > 0]).toEqual([true, true]);
  });

  it("are not kept unless asked for", () => {
    const cfg = compileConfig(example("classic", "kamailio.cfg"), { name: "kamailio.cfg" });
    const t = parseTrafficText(example("classic", "traffic.json"));
    if (!("plan" in t)) throw new Error("traffic has errors");
    expect(createSimulation(cfg, t.plan, { onEvent: () => {} }).figures()).toBeUndefined();
  });
});
