/**
 * A module's declaration: what a Kamailio module exports to the config script (parameters,
 * functions, pseudo-variables, RPC commands), as plain data. The shapes live in the language
 * layer (lang/exports.ts), which checks configs against them; the modules write their
 * declarations with these helpers, and the simulated ones attach behaviour (runtime-types.ts).
 */
import type { ModuleDef } from "../lang/exports.js";

export {
  ANY_ROUTE,
  type ArgKind,
  EVENT_ROUTE,
  type FunctionDef,
  type ModuleCheckContext,
  type ModuleChecker,
  type ModuleDef,
  ONREPLY,
  type ParamDef,
  type ParamType,
  type PvDef,
  type PvInner,
  RouteKind,
  type RouteKindName,
  type RpcDef,
} from "../lang/exports.js";

/**
 * Identity helper that keeps declarations typed where they are written. The declaration keeps
 * its literal type (function names, `simulated` flags), so that `defineRuntime` can require
 * behaviour for exactly the functions it declares simulated.
 */
export function defineModule<const D extends ModuleDef>(def: D): D {
  return def;
}
