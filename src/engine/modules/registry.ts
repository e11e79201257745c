/**
 * The module registry: an explicit list, no import side effects. Each simulated module is one
 * row — its declaration joined with its behaviour (`defineRuntime`) — then come the catalog's
 * modules, known by their exports only. Adding a simulated module means its own folder and one
 * line here.
 */
import { accRuntime } from "./acc/runtime.js";
import { catalogModules } from "./catalog/index.js";
import { kamailioModuleNames } from "./catalog/module-names.js";
import { cfgRpcRuntime } from "./cfg_rpc/runtime.js";
import { cfgutilsRuntime } from "./cfgutils/runtime.js";
import { corexRuntime } from "./corex/runtime.js";
import { countersRuntime } from "./counters/runtime.js";
import { ctlRuntime } from "./ctl/runtime.js";
import { htableRuntime } from "./htable/runtime.js";
import { httpClientRuntime } from "./http_client/runtime.js";
import { jsonrpcsRuntime } from "./jsonrpcs/runtime.js";
import { kexRuntime } from "./kex/runtime.js";
import { maxfwdRuntime } from "./maxfwd/runtime.js";
import { mqueueRuntime } from "./mqueue/runtime.js";
import { pikeRuntime } from "./pike/runtime.js";
import { pvRuntime } from "./pv/runtime.js";
import { registrarRuntime } from "./registrar/runtime.js";
import { rrRuntime } from "./rr/runtime.js";
import { rtimerRuntime } from "./rtimer/runtime.js";
import type { ModuleRuntime } from "./runtime-types.js";
import { sanityRuntime } from "./sanity/runtime.js";
import { siputilsRuntime } from "./siputils/runtime.js";
import { slRuntime } from "./sl/runtime.js";
import { textopsRuntime } from "./textops/runtime.js";
import { textopsxRuntime } from "./textopsx/runtime.js";
import { tmRuntime } from "./tm/runtime.js";
import { tmxRuntime } from "./tmx/runtime.js";
import type { ModuleDef } from "./types.js";
import { usrlocRuntime } from "./usrloc/runtime.js";
import { xhttpRuntime } from "./xhttp/runtime.js";
import { xlogRuntime } from "./xlog/runtime.js";

/** Modules whose behaviour kamsim simulates: declaration and behaviour, one row each. */
export const simulatedRuntimes: readonly ModuleRuntime[] = [
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
  textopsxRuntime,
  siputilsRuntime,
  maxfwdRuntime,
  kexRuntime,
  tmRuntime,
  tmxRuntime,
  rrRuntime,
  usrlocRuntime,
  registrarRuntime,
  sanityRuntime,
  jsonrpcsRuntime,
  ctlRuntime,
  cfgRpcRuntime,
  corexRuntime,
  countersRuntime,
  xhttpRuntime,
  accRuntime,
];

/** The declarations of the simulated modules (plain data). */
export const simulatedModules: readonly ModuleDef[] = simulatedRuntimes.map((r) => r.def);

/** Every declared module. */
export const moduleRegistry: readonly ModuleDef[] = [...simulatedModules, ...catalogModules];

const byName = new Map(moduleRegistry.map((m) => [m.name, m]));
const runtimeByName = new Map(simulatedRuntimes.map((r) => [r.def.name, r]));

/** The declaration of a module, if kamsim has one. */
export function findModule(name: string): ModuleDef | undefined {
  return byName.get(name);
}

/** The behaviour of a simulated module; undefined for a module known by its exports only. */
export function findRuntime(name: string): ModuleRuntime | undefined {
  return runtimeByName.get(name);
}

/** Whether Kamailio 5.6 ships a module of that name (declared here or not). */
export function isKamailioModule(name: string): boolean {
  return byName.has(name) || kamailioModuleNames.has(name);
}
