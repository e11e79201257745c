/**
 * Routes that may block (sleep, usleep, http_client_query, or a route() to such a route) run as
 * coroutines: a blocking call yields, and the simulation resumes the route when virtual time
 * reaches the end of the call. Meanwhile other processes run and change shared state (queues,
 * $shv, htables), which the route then sees, as in Kamailio.
 *
 * This is not a second interpreter: every decision (the optimiser's rewrites, which sum adds as
 * ints, which call keeps its raw code, operator semantics, positions, switch selection, route
 * lookup) is taken by the functions of expr.ts, stmt.ts and calls.ts; this file only threads a
 * coroutine through the nodes that lie on the way to a blocking call, and leaves everything else
 * to the ordinary compiler. The `forceSuspend` build option (program.ts) compiles every route
 * this way, and the golden and differential cases are run through it (tests/engine/suspend-parity).
 */
import type { AssignStmt, CallExpr, Expr, IfStmt, ReturnStmt, RouteCall, Stmt, WhileStmt } from "../lang/ast.js";
import { compileCallRaw, compileRouteLookup, ROUTE_NOT_FOUND, routeReturned } from "./calls.js";
import { atActionLine, kamailioPos } from "./cfg-pos.js";
import { BREAK_R_F, DROP_R_F, EXIT_R_F, RETURN_R_F, type ScriptContext } from "./context.js";
import { logActionError, logRunawayWhile, logSetPvarFail, logTooDeep } from "./core-log.js";
import type { CompileEnv } from "./env.js";
import { alwaysInt, compileExpr, compileInt, intOf, intPlusOperands, rawCall, reduceBinary, valueOp } from "./expr.js";
import { compileKeywordCompare } from "./keywords.js";
import { ExprFail, INT_OPS } from "./ops.js";
import {
  type Action,
  assignFailed,
  caseLists,
  compileAssign,
  compileStmt,
  conditionFailed,
  STOP,
  StepBudgetExceeded,
  switchPlan,
  switchValue,
} from "./stmt.js";
import { toStr, type Value } from "./values.js";

type Gen<T> = Generator<void, T, void>;
/** A statement: synchronous, or a coroutine when it may block. */
type Step = { sync: Action } | { gen: (ctx: ScriptContext) => Gen<number> };
type GenValue = (ctx: ScriptContext) => Gen<Value>;
type GenInt = (ctx: ScriptContext) => Gen<number>;

/** Whether an expression contains a call that may block. */
function exprBlocks(e: Expr, env: CompileEnv): boolean {
  switch (e.kind) {
    case "CallExpr":
      return env.blocks(e) || e.args.some((a) => exprBlocks(a, env));
    case "RouteCall":
      return env.blocks(e);
    case "BinaryExpr":
      return exprBlocks(e.left, env) || exprBlocks(e.right, env);
    case "UnaryExpr":
    case "CastExpr":
      return exprBlocks(e.operand, env);
    case "BuiltinExpr":
      return e.args.some((a) => exprBlocks(a, env));
    default:
      return false;
  }
}

/**
 * Whether a statement is compiled as a coroutine: it contains a call that may block, or, under
 * `forceSuspend`, it is anything but a break, an empty statement or a bare return.
 */
export function stmtBlocks(s: Stmt, env: CompileEnv): boolean {
  if (env.forceSuspend)
    return !(s.kind === "EmptyStmt" || s.kind === "BreakStmt" || (s.kind === "ReturnStmt" && !s.value));
  switch (s.kind) {
    case "Block":
      return s.stmts.some((x) => stmtBlocks(x, env));
    case "IfStmt":
      return exprBlocks(s.cond, env) || stmtBlocks(s.then, env) || (s.else !== undefined && stmtBlocks(s.else, env));
    case "WhileStmt":
      return exprBlocks(s.cond, env) || stmtBlocks(s.body, env);
    case "SwitchStmt":
      return exprBlocks(s.subject, env) || s.cases.some((c) => c.body.some((x) => stmtBlocks(x, env)));
    case "ReturnStmt":
      return s.value !== undefined && exprBlocks(s.value, env);
    case "AssignStmt":
      return exprBlocks(s.value, env);
    case "CallStmt":
      return exprBlocks(s.call, env);
    default:
      return false;
  }
}

/**
 * Whether the ordinary compiler compiles `e` as a whole: it cannot block. Under `forceSuspend`
 * only leaves (literals, PVs, keywords) do, so every operator goes through the coroutine path.
 */
function plain(e: Expr, env: CompileEnv): boolean {
  if (!env.forceSuspend) return !exprBlocks(e, env);
  switch (e.kind) {
    case "BinaryExpr":
    case "UnaryExpr":
    case "CastExpr":
    case "BuiltinExpr":
    case "CallExpr":
    case "RouteCall":
      return false;
    default:
      return true;
  }
}

/** A synchronous part in the coroutine's shape. */
function lift<T>(f: (ctx: ScriptContext) => T): (ctx: ScriptContext) => Gen<T> {
  // biome-ignore lint/correctness/useYield: a part that cannot block, in the coroutine's shape.
  return function* (ctx) {
    return f(ctx);
  };
}

/** run_actions() as a coroutine (stmt.ts runActions). */
export function* runSteps(ctx: ScriptContext, steps: readonly Step[]): Gen<number> {
  if (++ctx.depth > ctx.maxDepth) {
    logTooDeep(ctx, ctx.depth);
    ctx.depth--;
    return -1;
  }
  let ret = 1;
  for (const st of steps) {
    if (--ctx.budget < 0) throw new StepBudgetExceeded();
    ret = "sync" in st ? st.sync(ctx) : yield* st.gen(ctx);
    if (ctx.flags & STOP) break;
  }
  ctx.depth--;
  return ret;
}

export function compileSteps(stmts: readonly Stmt[], env: CompileEnv): Step[] {
  const out: Step[] = [];
  for (const s of stmts) {
    if (stmtBlocks(s, env)) out.push({ gen: compileGenStmt(s, env) });
    else {
      const a = compileStmt(s, env);
      if (a) out.push({ sync: a });
    }
  }
  return out;
}

const bodySteps = (s: Stmt | undefined, env: CompileEnv) =>
  s === undefined ? undefined : compileSteps(s.kind === "Block" ? s.stmts : [s], env);

function compileGenStmt(s: Stmt, env: CompileEnv): (ctx: ScriptContext) => Gen<number> {
  const g = atActionLine(s, env, () => compileGenStmtAt(s, env));
  const before = env.traceAction?.(s);
  if (!before) return g;
  // cfgt's per-action hook, as compileStmt() adds it.
  return function* (ctx) {
    before(ctx);
    return yield* g(ctx);
  };
}

function compileGenStmtAt(s: Stmt, env: CompileEnv): (ctx: ScriptContext) => Gen<number> {
  switch (s.kind) {
    case "Block": {
      const steps = compileSteps(s.stmts, env);
      return function* (ctx) {
        const r = yield* runSteps(ctx, steps);
        ctx.flags &= ~BREAK_R_F;
        return r;
      };
    }
    case "IfStmt":
      return genIf(s, env);
    case "WhileStmt":
      return genWhile(s, env);
    case "ReturnStmt":
      return genReturn(s, env);
    case "AssignStmt":
      return genAssign(s, env);
    case "CallStmt":
      return genRaw(s.call, env);
    case "SwitchStmt":
      return genSwitch(s, env);
    default:
      throw new ExprFail(`${s.kind} cannot block`);
  }
}

/** A call's raw return code (calls.ts's rules), yielding when it advanced the clock. */
function genRaw(call: CallExpr | RouteCall, env: CompileEnv): GenInt {
  if (call.kind === "RouteCall") return genRoute(call, env);
  const f = compileCallRaw(call, env);
  return function* (ctx) {
    const before = ctx.cost;
    const r = f(ctx);
    if (ctx.cost !== before) yield;
    return r;
  };
}

/** `route(X)`: a route that may block runs as a coroutine inside this one (calls.ts runRoute). */
function genRoute(call: RouteCall, env: CompileEnv): GenInt {
  // The cells are filled once every route is compiled: look their code up when running.
  const lookup = compileRouteLookup(call, env);
  return function* (ctx) {
    const cell = lookup(ctx);
    if (!cell) return ROUTE_NOT_FOUND;
    if (cell.gen) return routeReturned(ctx, yield* cell.gen(ctx));
    return cell.run ? routeReturned(ctx, cell.run(ctx)) : 1;
  };
}

/** expr.ts compileExpr(), for an expression that may block. */
function genExpr(e: Expr, env: CompileEnv): GenValue {
  if (plain(e, env)) return lift(compileExpr(e, env));
  switch (e.kind) {
    case "CallExpr":
    case "RouteCall": {
      // Inside an expression a call is worth 1 when its code is positive, else 0.
      const raw = genRaw(e, env);
      return function* (ctx) {
        return (yield* raw(ctx)) > 0 ? 1 : 0;
      };
    }
    case "BinaryExpr":
      return genBinary(e, env);
    case "UnaryExpr": {
      if (e.op === "defined") {
        if (!exprBlocks(e.operand, env)) return lift(compileExpr(e, env));
        const d = genExpr(e.operand, env);
        return function* (ctx) {
          return (yield* d(ctx)) === null ? 0 : 1;
        };
      }
      const v = genInt(e.operand, env);
      const op = e.op;
      return function* (ctx) {
        const n = yield* v(ctx);
        return op === "!" ? (n === 0 ? 1 : 0) : op === "-" ? -n | 0 : ~n;
      };
    }
    case "CastExpr": {
      const sum = e.to === "int" && e.operand.kind === "BinaryExpr" ? intPlusOperands(e.operand) : undefined;
      if (sum) return genIntPlus(sum, env);
      const v = genExpr(e.operand, env);
      if (e.to === "str")
        return function* (ctx) {
          return toStr(yield* v(ctx));
        };
      const pos = env.pos(e.operand.span);
      return function* (ctx) {
        return intOf(yield* v(ctx), ctx, pos);
      };
    }
    case "BuiltinExpr":
      return genBuiltin(e, env);
    default:
      return lift(compileExpr(e, env));
  }
}

/** expr.ts compileInt(): an expression as an int, for one that may block. */
function genInt(e: Expr, env: CompileEnv): GenInt {
  if (plain(e, env)) return lift(compileInt(e, env));
  if (e.kind === "BinaryExpr" && e.op === "+") {
    const sum = intPlusOperands(e);
    if (sum) return genIntPlus(sum, env);
  }
  const v = genExpr(e, env);
  if (alwaysInt(e)) return v as GenInt;
  const pos = kamailioPos(e, env.files, env.pos);
  return function* (ctx) {
    return intOf(yield* v(ctx), ctx, pos);
  };
}

/** expr.ts intPlus(): `a + b` added as ints. */
function genIntPlus(e: Expr & { kind: "BinaryExpr" }, env: CompileEnv): GenInt {
  const a = genInt(e.left, env);
  const b = genInt(e.right, env);
  return function* (ctx) {
    const x = yield* a(ctx);
    return (x + (yield* b(ctx))) | 0;
  };
}

/** expr.ts compileBinary(), from the same reduction and the same operators. */
function genBinary(unfolded: Expr & { kind: "BinaryExpr" }, env: CompileEnv): GenValue {
  const r = reduceBinary(unfolded);
  if (r.kind === "const") {
    const k = r.value;
    return lift(() => k);
  }
  if (r.kind === "int") return genInt(r.operand, env);
  const e = r.e;
  if (e.left.kind === "KeywordExpr") {
    if (!env.forceSuspend && exprBlocks(e.right, env))
      throw new ExprFail(`a blocking call compared with ${e.left.name} is not supported`);
    return lift(compileKeywordCompare(e.left.name, e.op, e.right, env));
  }
  const op = e.op;
  if (op === "&&" || op === "||") {
    const a = genInt(e.left, env);
    const b = genInt(e.right, env);
    return function* (ctx) {
      const x = (yield* a(ctx)) !== 0;
      if (op === "&&" ? !x : x) return op === "&&" ? 0 : 1;
      return (yield* b(ctx)) !== 0 ? 1 : 0;
    };
  }
  const intOp = INT_OPS[op];
  if (intOp) {
    const a = genInt(e.left, env);
    const b = genInt(e.right, env);
    return function* (ctx) {
      const x = yield* a(ctx);
      return intOp(x, yield* b(ctx));
    };
  }
  const a = genExpr(e.left, env);
  const b = genExpr(e.right, env);
  const f = valueOp(e, env);
  return function* (ctx) {
    const x = yield* a(ctx);
    return f(x, yield* b(ctx), ctx);
  };
}

/** expr.ts compileBuiltin(). */
function genBuiltin(e: Expr & { kind: "BuiltinExpr" }, env: CompileEnv): GenValue {
  const [x, y, z] = e.args.map((a) => genExpr(a, env));
  const cond = e.args[0];
  if (e.name === "strlen" && x)
    return function* (ctx) {
      return toStr(yield* x(ctx)).length;
    };
  if (e.name === "strempty" && x)
    return function* (ctx) {
      return toStr(yield* x(ctx)) === "" ? 1 : 0;
    };
  if (e.name === "selval" && cond && y && z) {
    const c = genInt(cond, env);
    return function* (ctx) {
      return (yield* c(ctx)) !== 0 ? yield* y(ctx) : yield* z(ctx);
    };
  }
  throw new ExprFail(`${e.name}() with ${e.args.length} arguments`);
}

function genIf(s: IfStmt, env: CompileEnv): GenInt {
  const cond = genInt(s.cond, env);
  const pos = kamailioPos(s.cond, env.files, env.pos);
  const then = bodySteps(s.then, env);
  const alt = bodySteps(s.else, env);
  return function* (ctx) {
    let v: number;
    try {
      v = yield* cond(ctx);
    } catch (err) {
      v = conditionFailed(err, ctx, pos);
    }
    if (ctx.flags & EXIT_R_F) return 0;
    ctx.flags &= ~(RETURN_R_F | BREAK_R_F);
    if (v > 0) return then ? yield* runSteps(ctx, then) : 1;
    return alt ? yield* runSteps(ctx, alt) : 1;
  };
}

function genWhile(s: WhileStmt, env: CompileEnv): GenInt {
  const cond = genInt(s.cond, env);
  const pos = kamailioPos(s.cond, env.files, env.pos);
  const file = env.fileOf(s.span);
  const line = env.pos({ ...s.span, start: s.span.end - 1 }).line;
  const steps = bodySteps(s.body, env);
  return function* (ctx) {
    const max = ctx.sv.maxWhileLoops;
    let i = 0;
    let flags = 0;
    let ret = 1;
    for (;;) {
      if (flags & STOP) break;
      let v: number;
      try {
        v = yield* cond(ctx);
      } catch (err) {
        v = conditionFailed(err, ctx, pos);
      }
      if (v === 0) break;
      if (max > 0 && ++i > max) {
        logRunawayWhile(ctx, pos, max);
        logActionError(ctx, file, line);
        return -1;
      }
      if (steps) {
        ret = yield* runSteps(ctx, steps);
        flags |= ctx.flags;
        ctx.flags &= ~BREAK_R_F;
      }
    }
    return ret;
  };
}

function genReturn(s: ReturnStmt, env: CompileEnv): GenInt {
  const flags = s.keyword === "drop" ? DROP_R_F | EXIT_R_F : s.keyword === "exit" ? EXIT_R_F : RETURN_R_F;
  // Only a return with a value is compiled here (stmtBlocks), so `s.value` is there.
  const value = genInt(s.value as Expr, env);
  return function* (ctx) {
    const ret = yield* value(ctx);
    ctx.flags |= flags;
    if (ret === 0 && ctx.flags & RETURN_R_F) ctx.flags |= EXIT_R_F;
    return ret;
  };
}

function genAssign(s: AssignStmt, env: CompileEnv): GenInt {
  if (plain(s.value, env)) return lift(compileAssign(s, env));
  const pv = s.target.spec ? env.pv(s.target.spec, s.target.span) : undefined;
  const set = pv?.set;
  if (!set) throw new ExprFail(`read only pvar ${s.target.text}`);
  // expr.ts compileAssigned(): `$x = f()`, `$x = f() + 0`... keep the call's raw code.
  const raw = rawCall(s.value);
  const value: GenValue = raw ? genRaw(raw, env) : genExpr(s.value, env);
  const pos = kamailioPos(s.value, env.files, env.pos);
  return function* (ctx) {
    let v: Value;
    try {
      v = yield* value(ctx);
    } catch (err) {
      return assignFailed(err, ctx, pos);
    }
    if (set(ctx, v) === false) {
      logSetPvarFail(ctx, pos);
      return -1;
    }
    return 1;
  };
}

/** stmt.ts compileSwitch(), with the same case selection (switchPlan). */
function genSwitch(s: Stmt & { kind: "SwitchStmt" }, env: CompileEnv): GenInt {
  const lists = caseLists(s, (stmts) => compileSteps(stmts, env));
  const plan = switchPlan(s, env);
  const run = function* (ctx: ScriptContext, i: number): Gen<number> {
    if (i < 0) return switchValue(i);
    const r = yield* runSteps(ctx, lists[i] as Step[]);
    ctx.flags &= ~BREAK_R_F;
    return r;
  };
  if (plan.intMode) {
    const subject = genInt(s.subject, env);
    return function* (ctx) {
      let v: number;
      try {
        v = yield* subject(ctx);
      } catch (err) {
        return yield* run(ctx, plan.select(ctx, 0, err));
      }
      return yield* run(ctx, plan.select(ctx, v));
    };
  }
  const subject = genExpr(s.subject, env);
  return function* (ctx) {
    return yield* run(ctx, plan.select(ctx, toStr(yield* subject(ctx))));
  };
}
