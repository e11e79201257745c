/**
 * The Log's line details show the request a line was written for (Simulation.requestText): a
 * plan's request is rebuilt from its stream, an agent's message (a datagram from the simulated
 * network) is the text it came with — before, agents' requests showed no text at all.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileConfig, createSimulation, parseTrafficText, type SimEvent } from "../../src/engine/index.js";

const dir = join(import.meta.dirname, "..", "..", "examples", "first-call");

describe("requestText", () => {
  it("gives an agent's request as it arrived at the proxy", () => {
    const cfg = compileConfig(readFileSync(join(dir, "kamailio.cfg"), "utf8"), { name: "kamailio.cfg" });
    if (!cfg.ok) throw new Error("first-call does not compile");
    const t = parseTrafficText(readFileSync(join(dir, "traffic.json"), "utf8"));
    if ("errors" in t) throw new Error("first-call's traffic is invalid");
    const events: SimEvent[] = [];
    const sim = createSimulation(cfg, t.plan, { onEvent: (e) => events.push(e) });
    sim.runUntil(t.plan.duration);
    const requests = events.flatMap((e) => (e.kind === "request" && e.phase === "started" ? [e] : []));
    const arrived = events.flatMap((e) =>
      e.kind === "sip" && e.op === "recv" && e.toNode === "kamailio" ? [e.text] : [],
    );
    expect(requests.length).toBeGreaterThan(3);
    for (const r of requests) {
      const text = sim.requestText(r.req);
      expect(text, `request #${r.req}`).toBeDefined();
      // The very datagram the network delivered to the proxy.
      expect(arrived).toContain(text);
    }
  });
});
