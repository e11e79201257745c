/**
 * One simulation's module instances: each loaded module kamsim simulates, created from its
 * `modparam`s in file order. A `modparam`'s module is matched as Kamailio's set_mod_param_regex()
 * does (core/modparam.c): an anchored, case-insensitive regular expression over module names.
 * Modules known by their exports only have no instance; their functions get stand-ins
 * (link/program.ts).
 */
import type { FrontEndResult } from "../lang/compile.js";
import { modparamReaches } from "../lang/modparam-module.js";
import { findRuntime } from "../modules/registry.js";
import type { ModuleInstance } from "../modules/runtime-types.js";
import type { CoreSettings } from "../runtime/core-settings.js";
import type { Services } from "../runtime/services.js";

/** The instances of the simulated modules a config loads, by module name, in load order. */
export function createInstances(front: FrontEndResult, sv: Services, core: CoreSettings): Map<string, ModuleInstance> {
  const instances = new Map<string, ModuleInstance>();
  for (const m of front.checked.modules) {
    const rt = findRuntime(m.name);
    if (!rt) continue;
    const params = front.config.items.flatMap((i) =>
      i.kind === "ModParam" && modparamReaches(i.module, m.name) ? [{ name: i.param, value: i.value }] : [],
    );
    instances.set(m.name, rt.create({ sv, core, params }));
  }
  return instances;
}
