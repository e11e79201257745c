/**
 * The core as a pseudo-module: its script actions (`setflag`, `forward`, ...), parameters
 * (`debug`, `children`, ...) and pseudo-variables, all always available.
 */
import type { FunctionDef } from "../types.js";
import { coreActions } from "./actions.js";

/** Core actions kamsim simulates; every other core action is known but not simulated. */
const SIMULATED_CORE_ACTIONS: ReadonlySet<string> = new Set([
  "log",
  "error",
  "setflag",
  "resetflag",
  "isflagset",
  "setbflag",
  "resetbflag",
  "isbflagset",
  "setsflag",
  "resetsflag",
  "issflagset",
  "seturi",
  "rewriteuri",
  "rewritehost",
  "sethost",
  "rewriteuser",
  "setuser",
  "rewriteport",
  "setport",
  "prefix",
  "strip",
  "strip_tail",
  "len_gt",
  "force_rport",
  "add_local_rport",
]);

/** Core actions with their simulation status. */
export const coreFunctions: Readonly<Record<string, FunctionDef>> = Object.fromEntries(
  Object.entries(coreActions).map(([name, def]) => [name, { ...def, simulated: SIMULATED_CORE_ACTIONS.has(name) }]),
);

export { type CoreParamDef, coreParams } from "./params.js";
export { corePvars } from "./pvars.js";
