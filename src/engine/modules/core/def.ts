/**
 * The core as a pseudo-module: its script actions (`setflag`, `forward`, ...), parameters
 * (`debug`, `children`, ...) and pseudo-variables, all always available.
 */
import type { FunctionDef } from "../types.js";
import { coreActions } from "./actions.js";

/**
 * Core actions kamsim simulates; every other core action is known but not simulated. The
 * core's behaviour table (core/runtime.ts `coreActionImpls`) is typed by this list, so a name
 * here without behaviour does not compile.
 */
const SIMULATED_CORE_ACTIONS = [
  "log",
  "error",
  "setflag",
  "resetflag",
  "isflagset",
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
  "force_rport",
  "add_local_rport",
  "force_send_socket",
  "set_forward_no_connect",
  "set_reply_no_connect",
  "set_forward_close",
  "set_reply_close",
  "add_rport",
] as const;

/** The name of a core action kamsim simulates. */
export type SimulatedCoreAction = (typeof SIMULATED_CORE_ACTIONS)[number];

const simulatedCore: ReadonlySet<string> = new Set(SIMULATED_CORE_ACTIONS);

/** Core actions with their simulation status. */
export const coreFunctions: Readonly<Record<string, FunctionDef>> = Object.fromEntries(
  Object.entries(coreActions).map(([name, def]) => [name, { ...def, simulated: simulatedCore.has(name) }]),
);

export { type CoreParamDef, coreParams } from "./params.js";
export { corePvars } from "./pvars.js";
