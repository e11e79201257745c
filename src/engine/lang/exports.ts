/**
 * What the config language knows of Kamailio's exports, as plain data: the shape of a module's
 * declaration (parameters, functions, pseudo-variables, RPC commands, route kinds) and of the
 * core's tables, modelled on Kamailio's own export tables (`cmd_export_t`, `param_export_t`,
 * `pv_export_t`, core/sr_module.h). The checker works against an `Exports` value it is given;
 * modules/ declares the modules (and attaches their behaviour), link/ hands them over. So the
 * language layer never imports a module.
 */
import type { Span } from "../base/source.js";
import type { Expr } from "./ast.js";
import type { PvSpec } from "./pv-spec.js";

/** Route kinds as Kamailio's `route_struct.h` numbers them, so masks read like Kamailio's. */
export const RouteKind = {
  REQUEST: 1,
  FAILURE: 2,
  TM_ONREPLY: 4,
  BRANCH: 8,
  ONSEND: 16,
  ERROR: 32,
  LOCAL: 64,
  CORE_ONREPLY: 128,
  BRANCH_FAILURE: 256,
} as const;

export type RouteKindName = keyof typeof RouteKind;

/** `ONREPLY_ROUTE` in Kamailio: both reply route flavours. */
export const ONREPLY = RouteKind.TM_ONREPLY | RouteKind.CORE_ONREPLY;
/** `ANY_ROUTE` in Kamailio. */
export const ANY_ROUTE = 0x1ff;
/** Event routes run with the REQUEST_ROUTE type in Kamailio. */
export const EVENT_ROUTE = RouteKind.REQUEST;

/** A module parameter's value type, as `modparam` sees it: quoted → string, bare number → int. */
export type ParamType = "int" | "string";

/** One module parameter (`modparam("module", "name", value)`). */
export interface ParamDef {
  /** Accepted value type; Kamailio rejects the other with "parameter <P> of type <N:T> not found". */
  type: ParamType;
  /** Kamailio's default value, when it has a meaningful one. */
  default?: number | string;
  /** May be given several times (each `modparam` adds an entry, e.g. mqueue `mqueue`). */
  repeatable?: boolean;
  /** The attributes a `key=value;...` value takes (mqueue `mqueue`: name, size, ...), for completion. */
  keys?: readonly string[];
  /** One-paragraph documentation. */
  doc: string;
}

/** How a function argument is fixed up at startup, which decides what may be passed. */
export type ArgKind =
  /** A literal string that may contain pseudo-variables expanded at run time (custom fixup). */
  | "format"
  /** A literal string used as is (a name, a flag list...). */
  | "literal"
  /** A standard "fparam": a literal string (with PVs) or a bare pseudo-variable. */
  | "fparam"
  /** An integer, a literal or a pseudo-variable holding one. */
  | "int"
  /** A regular expression compiled at start-up (fixup_regexp_*: REG_EXTENDED|REG_ICASE|REG_NEWLINE). */
  | "regex"
  /** A substitution `/re/repl/flags` parsed at start-up (core/re.c subst_parser). */
  | "subst"
  /** Anything: Kamailio does not restrict it. */
  | "any";

/** One exported function. */
export interface FunctionDef {
  /** Accepted argument counts (Kamailio exports one entry per count). */
  arity: readonly number[];
  /** Bitmask of RouteKind values where the function may be used. */
  routes: number;
  /**
   * Masks of the argument counts whose mask is not `routes`: Kamailio exports each count as its
   * own `cmd_export_t` row with its own route flags (e.g. dispatcher's `ds_select/3`).
   */
  routesByArity?: Readonly<Record<number, number>>;
  /** Kinds of the arguments, by position; missing entries mean "any". */
  args?: readonly ArgKind[];
  /** Names of the arguments, for completion and docs, e.g. ["queue", "key", "value"]. */
  argNames?: readonly string[];
  /** What the return codes mean, e.g. "1 added; -1 unknown queue". */
  returns?: string;
  /** One-paragraph documentation. */
  doc: string;
  /** Overrides the module's `simulated` flag for this function (e.g. a textops function kamsim lacks). */
  simulated?: boolean;
  /**
   * What a function kamsim does not simulate returns instead (1 when absent), chosen so that a
   * config's most likely path runs, and what that value means (docs/kamailio/stand-ins.md).
   */
  standIn?: StandIn;
}

/** The value a not-simulated function returns, and what it tells the script. */
export interface StandIn {
  returns: number;
  /** What the value says, e.g. "no NAT detected". */
  means: string;
}

/** The warning's words for a function kamsim does not simulate: what it returns instead. */
export function standInText(s: StandIn | undefined): string {
  return s ? `it returns ${s.returns} (${s.means}) and does nothing` : "it returns 1 and does nothing";
}

/** How a pseudo-variable takes its inner name: `$si` (none), `$var(x)` (required). */
export type PvInner = "none" | "required" | "optional";

/** One pseudo-variable class, e.g. `var` for `$var(name)`. */
export interface PvDef {
  inner: PvInner;
  /** What the inner name names, for completion: a queue (`$mqk(q)`) or a hash table (`$sht(t=>key)`). */
  names?: "queue" | "htable";
  /** Whether it may be assigned (`$var(x) = 1`); others give "read only pvar in assignment left side". */
  writable?: boolean;
  /** One-paragraph documentation. */
  doc: string;
}

/** One RPC command (`kamcmd mqueue.get_sizes`). */
export interface RpcDef {
  /** Argument names, optional ones in brackets, for the console's help. */
  params?: string;
  doc: string;
}

/** A module declaration. */
export interface ModuleDef {
  /** The module's name as Kamailio names it (`mqueue`, file `mqueue.so`). */
  name: string;
  /** True when kamsim simulates the module's behaviour; false: known by name only (a warning). */
  simulated: boolean;
  /** One-paragraph documentation. */
  doc: string;
  params: Readonly<Record<string, ParamDef>>;
  functions: Readonly<Record<string, FunctionDef>>;
  pvars?: Readonly<Record<string, PvDef>>;
  rpc?: Readonly<Record<string, RpcDef>>;
  /** Event routes the module runs (`htable:mod-init`), without the `event_route[...]`. */
  events?: readonly string[];
  /**
   * Modules that must be loaded too: its `mod_init` binds their API (`load_tm_api()`,
   * `sl_load_api()`...) or parses a PV of theirs by default, and Kamailio does not start without.
   */
  needs?: readonly string[];
  /**
   * Its API refuses to bind before its own `mod_init` ran, and Kamailio initialises modules in
   * `loadmodule` order: a module that needs it must be loaded after it (tm, usrloc).
   */
  initBeforeUse?: boolean;
  /**
   * The module's own checks (parameters parsed by a callback, names a call must refer to).
   * A factory, so that each compilation gets fresh state.
   */
  checks?: () => ModuleChecker;
}

/** What a module's checks may use: report problems and ask about the rest of the config. */
export interface ModuleCheckContext {
  error(code: string, message: string, span: Span): void;
  warning(code: string, message: string, span: Span): void;
  /** Whether `route[name]` is defined (all routes are known before calls are checked). */
  hasRoute(name: string): boolean;
  /** Where the module was loaded, for findings about the module as a whole. */
  loadSpan: Span;
  /** Whether the config loads a module of that name (find_module_by_name(), core/sr_module.c). */
  isLoaded(name: string): boolean;
}

/** A module's checks for one compilation. Every hook is optional. */
export interface ModuleChecker {
  /** A `modparam` of this module, in file order (after the generic name and type check). */
  modparam?(param: string, value: string | number, span: Span, ctx: ModuleCheckContext): void;
  /** A call of one of the module's functions. */
  call?(name: string, args: readonly Expr[], span: Span, ctx: ModuleCheckContext): void;
  /** A use of one of the module's pseudo-variables. */
  pvar?(spec: PvSpec, span: Span, ctx: ModuleCheckContext): void;
  /** Once the whole config is read. */
  finish?(ctx: ModuleCheckContext): void;
}

/** How a core parameter's value is written. */
export interface CoreParamDef {
  /**
   * `int`: a number, possibly negative; `bool`: yes/no/on/off/true/false/enable/disable or a number;
   * `string`: a quoted string; `id`: a bare identifier or a quoted string; `socket`: a listen/alias-style
   * address phrase; `any`: something else (see the doc).
   */
  value: "int" | "bool" | "string" | "id" | "socket" | "any";
  /** Kamailio's default, when it has a meaningful one. */
  default?: number | string;
  /** One-paragraph documentation. */
  doc: string;
}

/** What the checker may ask about transformations (`{s.len}`): whether kamsim applies one. */
export interface TransformCheck {
  /** Whether kamsim applies the transformation `body` (without braces). */
  applies(body: string): boolean;
  /** Why kamsim leaves one it does not apply unchanged ("" when there is nothing special to say). */
  unsimulatedReason(body: string): string;
  /** The pseudo-variables written as its parameters, to check them too. */
  pvParams(body: string): PvSpec[];
  /** Whether kamsim applies this class and name with some parameters (it then reads them as Kamailio does). */
  simulatesName(cls: string, name: string): boolean;
  /** Whether kamsim leaves `body` alone by its own choice, although Kamailio reads it. */
  kamsimOnlyRefusal(body: string): boolean;
}

/** Everything the checker checks a config against: the declared modules, the core, transformations. */
export interface Exports {
  /** Every declared module (simulated ones and the catalog). */
  modules: readonly ModuleDef[];
  /** The declaration of a module, if kamsim has one. */
  findModule(name: string): ModuleDef | undefined;
  /** Whether Kamailio 5.6 ships a module of that name (declared here or not). */
  isKamailioModule(name: string): boolean;
  coreFunctions: Readonly<Record<string, FunctionDef>>;
  coreParams: Readonly<Record<string, CoreParamDef>>;
  corePvars: Readonly<Record<string, PvDef>>;
  transforms: TransformCheck;
}
