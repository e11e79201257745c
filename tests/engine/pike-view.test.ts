/** pikeNodes: pike's tree as typed data for the Pike view, read from the running simulation. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  compileConfig,
  createSimulation,
  DEFAULT_TRAFFIC,
  parseTrafficText,
  pikeNodes,
  seconds,
} from "../../src/engine/index.js";

const classic = readFileSync(join(import.meta.dirname, "..", "..", "examples", "classic", "kamailio.cfg"), "utf8");

function simulate(config: string) {
  const t = parseTrafficText(DEFAULT_TRAFFIC);
  if ("errors" in t) throw new Error(JSON.stringify(t.errors));
  return createSimulation(compileConfig(config), t.plan, { onEvent: () => {} });
}

describe("pikeNodes", () => {
  it("shows the flooding address blocked, as a full address, during the default flood", () => {
    const sim = simulate(classic);
    sim.runUntil(seconds(12));
    const flooder = pikeNodes(sim).find((n) => n.prefix === "203.0.113.66/32");
    expect(flooder).toMatchObject({ depth: 4, ipLeaf: true, blocked: true });
    expect((flooder?.leafHitsPrev ?? 0) + (flooder?.leafHitsCurr ?? 0)).toBeGreaterThan(30);
  });

  it("is empty without pike", () => {
    const sim = simulate(classic.replace('loadmodule "pike.so"', "").replace(/if \(!pike_check_req\(\)\)/, "if (0)"));
    sim.runUntil(seconds(12));
    expect(pikeNodes(sim)).toEqual([]);
  });
});
