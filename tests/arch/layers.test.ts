import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { engineImports, LAYER_RANK, layerOf, layerViolations } from "./layers.js";

const ENGINE = fileURLToPath(new URL("../../src/engine", import.meta.url));

describe("engine layers", () => {
  const imports = engineImports(ENGINE);

  it("finds the engine's imports", () => {
    // A scanner that found nothing would pass any tree.
    expect(imports.length).toBeGreaterThan(300);
    expect(imports).toContainEqual({ from: "link/program.ts", to: "runtime/stmt.ts" });
  });

  it("every engine folder is a known layer", () => {
    const layers = new Set(imports.flatMap((i) => [layerOf(i.from), layerOf(i.to)]));
    expect([...layers].filter((l) => LAYER_RANK[l] === undefined)).toEqual([]);
  });

  it("imports only go downward", () => {
    expect(layerViolations(imports)).toEqual([]);
  });

  it("flags upward, sideways and circular imports", () => {
    expect(layerViolations([{ from: "runtime/program.ts", to: "modules/core/def.ts" }])).toEqual([
      "runtime/program.ts (runtime) → modules/core/def.ts (modules): upward",
    ]);
    expect(layerViolations([{ from: "sip/uri.ts", to: "events.ts" }])).toHaveLength(1);
    // A cycle between two folders always has one upward edge.
    const cycle = [
      { from: "sim/receiver.ts", to: "traffic/arrivals.ts" },
      { from: "traffic/arrivals.ts", to: "sim/kernel.ts" },
    ];
    expect(layerViolations(cycle)).toEqual(["sim/receiver.ts (sim) → traffic/arrivals.ts (traffic): upward"]);
    expect(layerViolations([{ from: "index.ts", to: "simulation.ts" }])).toEqual([]);
  });
});
