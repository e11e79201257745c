/**
 * Calls: module and core functions (MODF_CALL in action.c: a return code of 0 ends the script,
 * every call sets `$rc`) and `route(X)` (it absorbs `return` and `break`, keeps `exit`).
 */
import type { CallExpr, Expr, RouteCall } from "../lang/ast.js";
import { BREAK_R_F, EXIT_R_F, RETURN_R_F, type ScriptContext } from "./context.js";
import { logActionError, logRouteNotFound } from "./core-log.js";
import type { CallArg, CompileEnv, RouteCell } from "./env.js";
import { compileExpr } from "./expr.js";
import { compileFormat } from "./format.js";
import { ExprFail } from "./ops.js";
import { printValue, toStr } from "./values.js";

/** E_SCRIPT in Kamailio's error.h. */
const E_SCRIPT = -10;

function makeArg(node: Expr, env: CompileEnv): CallArg {
  const literal = node.kind === "StringLit" ? node.value : node.kind === "NumberLit" ? String(node.value) : undefined;
  return {
    node,
    literal,
    str: () => {
      if (node.kind === "StringLit") return compileFormat(node.value, env, node.span);
      const v = compileExpr(node, env);
      return (ctx) => {
        const x = v(ctx);
        return node.kind === "PvarExpr" ? printValue(x) : toStr(x);
      };
    },
    value: () => (node.kind === "StringLit" ? compileFormat(node.value, env, node.span) : compileExpr(node, env)),
  };
}

/** The function's own compiled call, without the script's rules around it. */
function compileImpl(call: CallExpr, env: CompileEnv): (ctx: ScriptContext) => number {
  const impl = env.fn(call.name, call.args.length);
  if (!impl) throw new ExprFail(`function ${call.name}/${call.args.length} has no implementation`);
  return impl.compile(
    call.args.map((a) => makeArg(a, env)),
    env,
    call,
  );
}

/** A function call returning its raw code, with `$rc` and the exit-on-0 rule applied. */
export function compileCallRaw(call: CallExpr, env: CompileEnv): (ctx: ScriptContext) => number {
  const f = compileImpl(call, env);
  return (ctx) => {
    const r = f(ctx);
    if (r === 0) ctx.flags |= EXIT_R_F;
    ctx.rc = r;
    return r;
  };
}

/**
 * A function call inside an expression: the same rules, worth 1 when its code is positive and 0
 * otherwise (one closure, not a wrapper around compileCallRaw's: conditions call it all the time).
 */
export function compileCallTruth(call: CallExpr, env: CompileEnv): (ctx: ScriptContext) => number {
  const f = compileImpl(call, env);
  return (ctx) => {
    const r = f(ctx);
    if (r === 0) ctx.flags |= EXIT_R_F;
    ctx.rc = r;
    return r > 0 ? 1 : 0;
  };
}

/** `route(NAME)` or `route(expr)`. */
export function compileRouteCall(call: RouteCall, env: CompileEnv): (ctx: ScriptContext) => number {
  if (typeof call.target === "string") {
    const cell = fixedRoute(call, call.target, env);
    return (ctx) => runRoute(cell, ctx);
  }
  const lookup = compileRouteLookup(call, env);
  return (ctx) => {
    const cell = lookup(ctx);
    return cell ? runRoute(cell, ctx) : E_SCRIPT;
  };
}

function fixedRoute(call: RouteCall, name: string, env: CompileEnv): RouteCell {
  const cell = env.route(name);
  if (!cell) throw new ExprFail(`route ${call.target} not found`);
  return cell;
}

/**
 * The route a `route(...)` call enters, looked up when it runs. A name computed at run time
 * that names no route is logged as action.c does (ROUTE_T: `route_lookup()` failing), and the
 * call then yields E_SCRIPT (see routeNotFound).
 */
export function compileRouteLookup(call: RouteCall, env: CompileEnv): (ctx: ScriptContext) => RouteCell | undefined {
  if (typeof call.target === "string") {
    const cell = fixedRoute(call, call.target, env);
    return () => cell;
  }
  const file = env.fileOf(call.span);
  const line = env.pos(call.span).line;
  const name = compileExpr(call.target, env);
  return (ctx) => {
    const n = toStr(name(ctx));
    const cell = env.route(n);
    if (!cell) {
      logRouteNotFound(ctx, n, file, line);
      logActionError(ctx, file, line);
    }
    return cell;
  };
}

/** What a `route(...)` whose target does not exist yields. */
export const ROUTE_NOT_FOUND = E_SCRIPT;

/** After a route ran: `$rc` is its value; it absorbs `return` and `break`, keeps `exit`. */
export function routeReturned(ctx: ScriptContext, r: number): number {
  ctx.rc = r;
  ctx.flags &= ~(RETURN_R_F | BREAK_R_F);
  return r;
}

function runRoute(cell: RouteCell, ctx: ScriptContext): number {
  const run = cell.run;
  if (!run) {
    // Only suspend.ts may enter a route that can block (it runs cell.gen as a coroutine).
    if (cell.gen) throw new Error(`kamsim: route ${cell.name} may block but was entered synchronously`);
    return 1;
  }
  return routeReturned(ctx, run(ctx));
}
