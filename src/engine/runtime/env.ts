/**
 * What the compiler needs while turning the AST into closures: pseudo-variable and function
 * implementations, route references, the file table for positions Kamailio prints, and the
 * services the running script uses.
 */

import type { SourceFile, Span } from "../base/source.js";
import type { CallExpr, Expr, RouteCall, Stmt } from "../lang/ast.js";
import type { PvSpec } from "../lang/pv-spec.js";
import type { ScriptContext } from "./context.js";
import type { Value } from "./values.js";

/** Read (and maybe write) access to one pseudo-variable reference. */
export interface PvAccess {
  /** The value; `null` for no value; `undefined` when the getter failed (prints as empty). */
  get(ctx: ScriptContext): Value | undefined;
  /** Assignment; absent for read-only PVs. `null` means `= $null`. False when it failed (the PV's
   * setter returned -1, after logging why): the assignment then logs it and yields -1.
   * `fromPv`: the value was read from a PV alone on the right (lvalue.c RV_PVAR), so an int
   * also carries its text (pv_get_sintval() sets PV_VAL_STR too) and setters that need a
   * string ($du, $fu...) take it; an int from any other expression is refused by them. */
  set?(ctx: ScriptContext, v: Value, fromPv?: boolean): unknown;
  /**
   * `pv_unset()`: the setter called with no value at all, where that differs from `= $null`
   * (a `$shv` becomes the int 0, not the empty string); absent: the same as `set(ctx, null)`.
   */
  unset?(ctx: ScriptContext): unknown;
  /** The getter never fails (never returns undefined): expressions may call it directly. */
  total?: boolean;
  /**
   * Set for `$var(name)` without transformations: its slot in `ctx.proc.vars`, so the hottest
   * reads and writes of a script compile to an array access instead of a call.
   */
  varSlot?: number;
}

/** A compiled script function call: returns Kamailio's return code. */
export type ScriptFunction = (ctx: ScriptContext) => number;

/** One argument of a function call, ready to be compiled the way the function wants it. */
export interface CallArg {
  node: Expr;
  /** The literal text, for a string literal (before PV expansion) or a number. */
  literal?: string;
  /** The argument as a format: PVs in a literal expanded, or the value of a bare PV. */
  str(): (ctx: ScriptContext) => string;
  /** The argument's value (int, string or null). */
  value(): (ctx: ScriptContext) => Value;
}

/** A function implementation: compiled once per call site. */
export interface FunctionImpl {
  compile(args: readonly CallArg[], env: CompileEnv, call: CallExpr): ScriptFunction;
  /** The call blocks its process for a while (it adds to `ctx.cost`): routes using it suspend. */
  blocking?: boolean;
}

/** A pseudo-variable class implementation. */
export interface PvImpl {
  compile(spec: PvSpec, env: CompileEnv): PvAccess;
}

/** A route, filled in once compiled (routes may call each other in any order). */
export interface RouteCell {
  name: string;
  /** The route as one synchronous call (it never blocks). */
  run?: (ctx: ScriptContext) => number;
  /**
   * The route as a coroutine, for routes that may block (sleep, http_client_query...): it
   * yields each time a blocking call has advanced `ctx.cost`, and the simulation resumes it when
   * virtual time reaches `ctx.start + ctx.cost`, so other processes run meanwhile.
   */
  gen?: (ctx: ScriptContext) => Generator<void, number, void>;
}

/** Kamailio's position of an expression: start line/col, end line/col (as rve->fpos). */
export interface CfgPos {
  line: number;
  col: number;
  endLine: number;
  endCol: number;
}

export interface CompileEnv {
  pv(spec: PvSpec, span: Span): PvAccess;
  fn(name: string, argc: number): FunctionImpl | undefined;
  route(name: string): RouteCell | undefined;
  /** Line/column of a span, as Kamailio counts them. */
  pos(span: Span): CfgPos;
  /** The file name Kamailio prints for a span (`run action error at: FILE:LINE`). */
  fileOf(span: Span): string;
  /** The array slot of `$var(name)` in every process's variables. */
  varSlot(name: string): number;
  /** Whether a call may block its process (directly, or through the route it calls). */
  blocks(call: CallExpr | RouteCall): boolean;
  /**
   * Every route is compiled as a coroutine and every call counts as one that may block
   * (suspend.ts): a check that both compilers agree, not a mode for normal runs.
   */
  forceSuspend?: boolean;
  /** The UDP socket the simulated server listens on (force_send_socket's start-up match). */
  listen?: { readonly ip: string; readonly port: number };
  /** A problem Kamailio's start-up (fixup) would refuse the config for. */
  fixupError(message: string, span: Span): void;
  files: readonly SourceFile[];
  /**
   * While a statement compiles: the line Kamailio records for its action (cfg-pos.ts
   * actionLine()), which messages such as the transformations' `(cfg line: N)` print.
   */
  actionLine?: number;
  /**
   * When a cfgt trace is wanted (runtime/cfgt/): what to run before each action of statement
   * `s`, or undefined for none. Absent otherwise, so a normal run's actions are not wrapped.
   */
  traceAction?: (s: Stmt) => ((ctx: ScriptContext) => void) | undefined;
}
