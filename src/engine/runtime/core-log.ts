/**
 * The core's own runtime messages, with the source locations Kamailio 5.6.3 prints
 * (src/core/action.c, rvalue.c, lvalue.c, pvapi.c at tag 5.6.3). One place, so that a wrong line number
 * is fixed once.
 */
import { L_ERR, L_WARN } from "../base/log-levels.js";
import type { ScriptContext } from "./context.js";
import type { CfgPos } from "./env.js";
import type { FormatOverflow } from "./format.js";
import type { ExprFail } from "./ops.js";
import { PkgFail } from "./pkg.js";
import { whereIn } from "./services.js";

function fposText(p: CfgPos): string {
  return `(${p.line},${p.col}-${p.endLine},${p.endCol})`;
}

/** A string that does not convert to an int: two warnings, the value becomes 0 (rvalue.c). */
export function conversionWarning(ctx: ScriptContext, text: string, pos: CfgPos): void {
  const w = whereIn(ctx);
  ctx.sv.log.core(
    ctx.proc,
    L_WARN,
    "rvalue.c:1043",
    "rval_get_int",
    `automatic string to int conversion for "${text}" failed`,
    w,
  );
  ctx.sv.log.core(
    ctx.proc,
    L_WARN,
    "rvalue.c:1948",
    "rval_expr_eval_int",
    `rval expression conversion to int failed ${fposText(pos)}`,
    w,
  );
}

/**
 * What rvalue.c logs when an operation fails: the operation's own line, then
 * rval_expr_eval()'s, with the position of the expression being evaluated.
 */
export function logExprFail(ctx: ScriptContext, err: ExprFail, pos: CfgPos): void {
  const w = whereIn(ctx);
  const at =
    err.reason === "rv div by 0" ? "rvalue.c:1412" : err.reason === "rv mod by 0" ? "rvalue.c:1419" : undefined;
  // No private memory for a string: rvalue.c's own lines (pkg.ts).
  if (err instanceof PkgFail) err.log(ctx);
  else if (at) ctx.sv.log.core(ctx.proc, L_ERR, at, "int_intop2", err.reason, w);
  else if (isBadRegex(err)) ctx.sv.log.core(ctx.proc, L_ERR, "rvalue.c:1508", "bool_rvstrop2", err.reason, w);
  else ctx.sv.log.core(ctx.proc, L_ERR, "rvalue.c:0", "rval_expr_eval", err.reason, w);
  ctx.sv.log.core(
    ctx.proc,
    L_ERR,
    "rvalue.c:2428",
    "rval_expr_eval",
    `rval expression evaluation failed ${fposText(pos)}`,
    w,
  );
}

/** `=~` whose pattern (from a variable) does not compile (rvalue.c bool_rvstrop2). */
export function isBadRegex(err: ExprFail): boolean {
  return err.reason.startsWith("Bad regular expression");
}

/**
 * A failed `=~` in a condition: only bool_rvstrop2's line, for rval_expr_eval_int() (the
 * condition's evaluator) passes the failure up without a line of its own.
 */
export function logConditionRegexFail(ctx: ScriptContext, err: ExprFail): void {
  ctx.sv.log.core(ctx.proc, L_ERR, "rvalue.c:1508", "bool_rvstrop2", err.reason, whereIn(ctx));
}

/** An `if` whose condition failed to evaluate: it counts as false. */
export function logIfFail(ctx: ScriptContext, pos: CfgPos): void {
  ctx.sv.log.core(
    ctx.proc,
    L_ERR,
    "action.c:1056",
    "do_action",
    `if expression evaluation failed ${fposText(pos)}`,
    whereIn(ctx),
  );
}

/** An assignment whose right side failed: the target keeps its value, the action returns -1. */
export function logAssignFail(ctx: ScriptContext, pos: CfgPos): void {
  ctx.sv.log.core(
    ctx.proc,
    L_ERR,
    "lvalue.c:386",
    "lval_assign",
    `rval expression evaluation failed ${fposText(pos)}`,
    whereIn(ctx),
  );
}

/**
 * An assignment from a PV that has no value because its getter failed (a transformation that
 * failed): lval_pvar_assign() logs it, stores `<null>`, and lval_assign() reports the failure.
 */
export function logNoRightPvar(ctx: ScriptContext, pos: CfgPos): void {
  const w = whereIn(ctx);
  ctx.sv.log.core(ctx.proc, L_ERR, "lvalue.c:346", "lval_pvar_assign", "non existing right pvar", w);
  ctx.sv.log.core(ctx.proc, L_ERR, "lvalue.c:404", "lval_assign", `assignment failed at pos: ${fposText(pos)}`, w);
}

/** An assignment whose target PV's setter failed (lval_pvar_assign(), then lval_assign()). */
export function logSetPvarFail(ctx: ScriptContext, pos: CfgPos): void {
  const w = whereIn(ctx);
  ctx.sv.log.core(ctx.proc, L_ERR, "lvalue.c:353", "lval_pvar_assign", "setting pvar failed", w);
  ctx.sv.log.core(ctx.proc, L_ERR, "lvalue.c:404", "lval_assign", `assignment failed at pos: ${fposText(pos)}`, w);
}

/** SET_PORT_T on a tel: URI (`$rp = ...`, setport()): action.c refuses it and the action fails;
 * `file`/`line` are the action's (`""`/0 for the one pv_set_ruri_port() builds). */
export function logTelPort(ctx: ScriptContext, file: string, line: number): void {
  const text = "port number of a tel: URI cannot be set";
  ctx.sv.log.core(ctx.proc, L_ERR, "action.c:810", "do_action", text, whereIn(ctx));
  logActionError(ctx, file, line);
}

/** Every failing action ends with this line (action.c's `error:` label). */
export function logActionError(ctx: ScriptContext, file: string, line: number): void {
  ctx.sv.log.core(ctx.proc, L_ERR, "action.c:1533", "do_action", `run action error at: ${file}:${line}`, whereIn(ctx));
}

/** `while` that ran more than max_while_loops times (docs/kamailio/control-flow.md#max-while-loops). */
export function logRunawayWhile(ctx: ScriptContext, pos: CfgPos, max: number): void {
  ctx.sv.log.core(
    ctx.proc,
    L_ERR,
    "action.c:1371",
    "do_action",
    `runaway while (${pos.line}, ${pos.col}): more then ${max} loops`,
    whereIn(ctx),
  );
}

/** Nesting deeper than max_recursive_level (action.c run_actions). */
export function logTooDeep(ctx: ScriptContext, level: number): void {
  ctx.sv.log.core(
    ctx.proc,
    L_ERR,
    "action.c:1552",
    "run_actions",
    `too many recursive routing table lookups (${level}) giving up!`,
    whereIn(ctx),
  );
}

/** `route($var(x))` naming no route. */
export function logRouteNotFound(ctx: ScriptContext, name: string, file: string, line: number): void {
  ctx.sv.log.core(
    ctx.proc,
    L_ERR,
    "action.c:679",
    "do_action",
    `route "${name}" not found at ${file}:${line}`,
    whereIn(ctx),
  );
}

/** A format that did not fit its buffer (pv_printf_mode, pvapi.c): two errors, nothing printed. */
export function logPrintfOverflow(ctx: ScriptContext, o: FormatOverflow, size: number): void {
  const w = whereIn(ctx);
  const [at, what] = o.piece === "text" ? ["pvapi.c:1469", "text"] : ["pvapi.c:1491", "spec"];
  ctx.sv.log.core(
    ctx.proc,
    L_ERR,
    at,
    "pv_printf_mode",
    `no more space for ${what} value - printed:${o.printed} token:${o.token} buffer:${size}`,
    w,
  );
  ctx.sv.log.core(
    ctx.proc,
    L_ERR,
    "pvapi.c:1503",
    "pv_printf_mode",
    "buffer overflow -- increase the buffer size...",
    w,
  );
}
