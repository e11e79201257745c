/**
 * The module registry: an explicit list, no import side effects. Simulated modules first, then
 * the catalog of modules kamsim knows by their exports only. The checker, the editor and the
 * docs read it; the runtime attaches behaviour to the simulated ones.
 */
import { catalogModules } from "./catalog/index.js";
import { kamailioModuleNames } from "./catalog/module-names.js";
import { cfgutilsModule } from "./cfgutils/def.js";
import { createHtableChecker } from "./htable/check.js";
import { htableModule } from "./htable/def.js";
import { httpClientModule } from "./http_client/def.js";
import { maxfwdModule } from "./maxfwd/def.js";
import { createMqueueChecker } from "./mqueue/check.js";
import { mqueueModule } from "./mqueue/def.js";
import { pikeModule } from "./pike/def.js";
import { pvModule } from "./pv/def.js";
import { createRtimerChecker } from "./rtimer/check.js";
import { rtimerModule } from "./rtimer/def.js";
import { siputilsModule } from "./siputils/def.js";
import { slModule } from "./sl/def.js";
import { textopsModule } from "./textops/def.js";
import type { ModuleDef } from "./types.js";
import { xlogModule } from "./xlog/def.js";

/** Modules whose behaviour kamsim simulates. */
export const simulatedModules: readonly ModuleDef[] = [
  pvModule,
  xlogModule,
  slModule,
  { ...mqueueModule, checks: createMqueueChecker },
  { ...rtimerModule, checks: createRtimerChecker },
  pikeModule,
  { ...htableModule, checks: createHtableChecker },
  cfgutilsModule,
  httpClientModule,
  textopsModule,
  siputilsModule,
  maxfwdModule,
];

/** Every declared module. */
export const moduleRegistry: readonly ModuleDef[] = [...simulatedModules, ...catalogModules];

const byName = new Map(moduleRegistry.map((m) => [m.name, m]));

/** The declaration of a module, if kamsim has one. */
export function findModule(name: string): ModuleDef | undefined {
  return byName.get(name);
}

/** Whether Kamailio 5.6 ships a module of that name (declared here or not). */
export function isKamailioModule(name: string): boolean {
  return byName.has(name) || kamailioModuleNames.has(name);
}
