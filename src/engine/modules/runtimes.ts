/**
 * The run-time side of the simulated modules: an explicit list, no import side effects.
 * A loaded module without an entry here runs its functions as "not simulated".
 */
import { cfgutilsRuntime } from "./cfgutils/runtime.js";
import { htableRuntime } from "./htable/runtime.js";
import { httpClientRuntime } from "./http_client/runtime.js";
import { maxfwdRuntime } from "./maxfwd/runtime.js";
import { mqueueRuntime } from "./mqueue/runtime.js";
import { pikeRuntime } from "./pike/runtime.js";
import { pvRuntime } from "./pv/runtime.js";
import { rtimerRuntime } from "./rtimer/runtime.js";
import type { ModuleRuntime } from "./runtime-types.js";
import { siputilsRuntime } from "./siputils/runtime.js";
import { slRuntime } from "./sl/runtime.js";
import { textopsRuntime } from "./textops/runtime.js";
import { xlogRuntime } from "./xlog/runtime.js";

export const moduleRuntimes: ReadonlyMap<string, ModuleRuntime> = new Map(
  [
    pvRuntime,
    xlogRuntime,
    slRuntime,
    mqueueRuntime,
    rtimerRuntime,
    pikeRuntime,
    htableRuntime,
    cfgutilsRuntime,
    httpClientRuntime,
    textopsRuntime,
    siputilsRuntime,
    maxfwdRuntime,
  ].map((r) => [r.name, r]),
);
