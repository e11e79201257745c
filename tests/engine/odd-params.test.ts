/**
 * Parameter values that crashed the engine before (found by no-crash.property.test.ts): each
 * now runs as Kamailio 5.6.3 would, or with kamsim's own limit and a warning.
 */
import { describe, expect, it } from "vitest";
import { compileConfig, createSimulation, parseTrafficText } from "../../src/engine/index.js";
import { MAX_CHILDREN } from "../../src/engine/runtime/core-settings.js";
import { runEngine } from "../support/engine.js";

describe("odd parameter values", () => {
  it("simulates at most MAX_CHILDREN workers, with a warning (a huge count ran the engine out of memory)", () => {
    const cfg = compileConfig("children=2147483647\nrequest_route {\n    drop;\n}\n");
    const t = parseTrafficText(JSON.stringify({ duration: 1 }));
    if ("errors" in t) throw new Error("traffic");
    const sim = createSimulation(cfg, t.plan, { onEvent: () => {} });
    expect(sim.info().processes.filter((p) => p.kind === "receiver").length).toBe(MAX_CHILDREN);
    expect(sim.diagnostics.map((d) => `${d.severity}: ${d.message}`)).toContain(
      `warning: kamsim simulates at most ${MAX_CHILDREN} SIP worker processes: children=2147483647 runs with ${MAX_CHILDREN}`,
    );
  });
  it("lets a config with sampling_time_unit=0 run (it hung the engine: a timer re-armed at the same instant)", () => {
    const r = runEngine(
      `loadmodule "pv.so"
loadmodule "pike.so"
loadmodule "xlog.so"
modparam("pike", "sampling_time_unit", 0)
request_route {
    xlog("L_ALERT", "seen $si\\n");
    if (!pike_check_req()) { xlog("L_ALERT", "blocked $si\\n"); }
}
`,
      { duration: 1, streams: [{ name: "s", src: "192.0.2.1", method: "OPTIONS", rate: 20, pattern: "uniform" }] },
    );
    // The run reaches its end: every request handled, none blocked in windows of 1/16 s.
    expect(r.lines.filter((l) => l.includes("seen")).length).toBe(20);
    expect(r.lines.filter((l) => l.includes("blocked"))).toEqual([]);
  });
});
