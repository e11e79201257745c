/**
 * One row per module function: every function a module declares simulated has behaviour, and
 * no behaviour exists without a declaration — checked on real instances, as a simulation makes
 * them. (tests/modules/missing-behaviour.ts shows the same at compile time.)
 */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createRng } from "../../src/engine/base/rng.js";
import { ALL_EVENTS } from "../../src/engine/events.js";
import { analyzeConfig } from "../../src/engine/link/analyze.js";
import { catalogModules } from "../../src/engine/modules/catalog/index.js";
import { coreFunctions } from "../../src/engine/modules/core/def.js";
import { coreActionImpls } from "../../src/engine/modules/core/runtime.js";
import { findRuntime, moduleRegistry, simulatedRuntimes } from "../../src/engine/modules/registry.js";
import type { ModuleDef } from "../../src/engine/modules/types.js";
import { readCoreSettings } from "../../src/engine/runtime/core-settings.js";
import { Logger } from "../../src/engine/runtime/log.js";
import type { Services } from "../../src/engine/runtime/services.js";
import { ShmPool } from "../../src/engine/runtime/shm.js";
import { Kernel } from "../../src/engine/sim/kernel.js";
import { Network } from "../../src/engine/sim/network.js";
import { engineImports } from "../arch/layers.js";

/** The functions a declaration says kamsim simulates. */
function simulatedNames(def: ModuleDef): string[] {
  return Object.entries(def.functions)
    .filter(([, f]) => (f.simulated ?? def.simulated) !== false)
    .map(([name]) => name)
    .sort();
}

function services(): Services {
  const kernel = new Kernel(ALL_EVENTS, () => {});
  return {
    kernel,
    log: new Logger(kernel, 3),
    rng: createRng(1),
    epoch: 0,
    clockPhase: 0,
    maxWhileLoops: 0,
    maxRecursiveLevel: 256,
    stepBudget: 1000,
    world: { http: () => undefined },
    net: new Network(kernel, { socket: { ip: "127.0.0.1", port: 5060 }, seed: 1 }),
    serverHeader: "",
    shm: new ShmPool(),
  };
}

describe("module rows", () => {
  const core = readCoreSettings(analyzeConfig("").config);

  for (const row of simulatedRuntimes) {
    it(`${row.def.name}: every simulated function has behaviour, and only those`, () => {
      const inst = row.create({ sv: services(), core, params: [] });
      expect(Object.keys(inst.functions).sort()).toEqual(simulatedNames(row.def));
    });
  }

  it("covers every simulated module, and the catalog simulates nothing", () => {
    expect(simulatedRuntimes.length).toBeGreaterThanOrEqual(12);
    for (const m of moduleRegistry) expect(findRuntime(m.name) !== undefined, m.name).toBe(m.simulated);
    expect(catalogModules.filter((m) => m.simulated).map((m) => m.name)).toEqual([]);
  });

  it("the core: every simulated action has behaviour, and only those", () => {
    const declared = Object.entries(coreFunctions)
      .filter(([, f]) => f.simulated !== false)
      .map(([name]) => name)
      .sort();
    expect(Object.keys(coreActionImpls).sort()).toEqual(declared);
  });

  it("a module's behaviour is reached through the registry only (a new module: its folder and one line)", () => {
    const engine = fileURLToPath(new URL("../../src/engine", import.meta.url));
    const outside = engineImports(engine).filter((i) => {
      const m = /^modules\/([^/]+)\/runtime\.ts$/.exec(i.to);
      return m !== null && !i.from.startsWith(`modules/${m[1]}/`) && i.from !== "modules/registry.ts";
    });
    // The core is no module of the registry: the program build reads its action table itself.
    expect(outside.filter((i) => i.to !== "modules/core/runtime.ts")).toEqual([]);
  });
});
