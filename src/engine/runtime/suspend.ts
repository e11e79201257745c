/**
 * Routes that may block (sleep, usleep, http_client_query, or a route() to such a route) run as
 * coroutines: the same semantics as stmt.ts/expr.ts, but a blocking call yields, and the
 * simulation resumes the route when virtual time reaches the end of the call. Meanwhile other
 * processes run and change shared state (queues, $shv, htables), which the route then sees,
 * as in Kamailio. Parts of a route that cannot block are compiled by the ordinary compiler.
 */
import type {
  AssignStmt,
  BinaryOp,
  CallExpr,
  Expr,
  IfStmt,
  ReturnStmt,
  RouteCall,
  Stmt,
  WhileStmt,
} from "../lang/ast.js";
import { compileCallRaw, compileRouteCall } from "./calls.js";
import { atActionLine, kamailioPos } from "./cfg-pos.js";
import { BREAK_R_F, DROP_R_F, EXIT_R_F, RETURN_R_F, type ScriptContext } from "./context.js";
import { conversionWarning, logActionError, logRunawayWhile, logSetPvarFail, logTooDeep } from "./core-log.js";
import type { CfgPos, CompileEnv } from "./env.js";
import { compileExpr, intOf } from "./expr.js";
import { ExprFail, equals, INT_OPS, matches, plus } from "./ops.js";
import { type Action, assignFailed, compileStmt, conditionFailed, STOP, StepBudgetExceeded } from "./stmt.js";
import { toInt, toStr, type Value } from "./values.js";

type Gen<T> = Generator<void, T, void>;
/** A statement: synchronous, or a coroutine when it may block. */
type Step = { sync: Action } | { gen: (ctx: ScriptContext) => Gen<number> };
type GenValue = (ctx: ScriptContext) => Gen<Value>;

/** Whether an expression contains a call that may block. */
export function exprBlocks(e: Expr, env: CompileEnv): boolean {
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

/** Whether a statement contains a call that may block. */
export function stmtBlocks(s: Stmt, env: CompileEnv): boolean {
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

/** run_actions() as a coroutine. */
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
  return atActionLine(s, env, () => compileGenStmtAt(s, env));
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
      // A switch that blocks inside: its cases run as coroutines; the subject must not block.
      return genSwitch(s, env);
    default:
      throw new ExprFail(`${s.kind} cannot block`);
  }
}

/** A blocking call or route(): its raw return code, yielding when it advanced the clock. */
function genRaw(call: CallExpr | RouteCall, env: CompileEnv): (ctx: ScriptContext) => Gen<number> {
  if (call.kind === "RouteCall" && typeof call.target === "string") {
    // The cell is filled once every route is compiled; look its coroutine up when running.
    const cell = env.route(call.target);
    if (cell && env.blocks(call)) {
      return function* (ctx) {
        const r = cell.gen ? yield* cell.gen(ctx) : (cell.run?.(ctx) ?? 1);
        ctx.rc = r;
        ctx.flags &= ~(RETURN_R_F | BREAK_R_F);
        return r;
      };
    }
  }
  const f = call.kind === "CallExpr" ? compileCallRaw(call, env) : compileRouteCall(call, env);
  return function* (ctx) {
    const before = ctx.cost;
    const r = f(ctx);
    if (ctx.cost !== before) yield;
    return r;
  };
}

/** An expression that may block, evaluated left to right with Kamailio's operators. */
function genExpr(e: Expr, env: CompileEnv): GenValue {
  if (!exprBlocks(e, env)) {
    const f = compileExpr(e, env);
    // biome-ignore lint/correctness/useYield: a part that cannot block, in the coroutine's shape.
    return function* (ctx) {
      return f(ctx);
    };
  }
  switch (e.kind) {
    case "CallExpr":
    case "RouteCall": {
      const raw = genRaw(e, env);
      return function* (ctx) {
        return (yield* raw(ctx)) > 0 ? 1 : 0;
      };
    }
    case "UnaryExpr": {
      const v = genExpr(e.operand, env);
      const pos = kamailioPos(e.operand, "unary", env.files, env.pos);
      const op = e.op;
      return function* (ctx) {
        const x = yield* v(ctx);
        if (op === "defined") return x === null ? 0 : 1;
        const n = intOf(x, ctx, pos);
        return op === "!" ? (n === 0 ? 1 : 0) : op === "-" ? -n | 0 : ~n;
      };
    }
    case "CastExpr": {
      const v = genExpr(e.operand, env);
      const pos = kamailioPos(e.operand, "unary", env.files, env.pos);
      const to = e.to;
      return function* (ctx) {
        const x = yield* v(ctx);
        return to === "str" ? toStr(x) : intOf(x, ctx, pos);
      };
    }
    case "BinaryExpr": {
      const a = genExpr(e.left, env);
      const b = genExpr(e.right, env);
      const op = e.op;
      const pos = kamailioPos(e.right, "right", env.files, env.pos);
      if (op === "&&" || op === "||") {
        const lp = kamailioPos(e.left, "left", env.files, env.pos);
        return function* (ctx) {
          const x = intOf(yield* a(ctx), ctx, lp) !== 0;
          if (op === "&&" ? !x : x) return op === "&&" ? 0 : 1;
          return intOf(yield* b(ctx), ctx, pos) !== 0 ? 1 : 0;
        };
      }
      return function* (ctx) {
        const x = yield* a(ctx);
        const y = yield* b(ctx);
        return applyBinary(op, x, y, ctx, pos);
      };
    }
    default:
      throw new ExprFail(`a blocking call inside ${e.kind} is not supported`);
  }
}

/** The int value of an expression that may block (conditions). */
function genInt(e: Expr, env: CompileEnv): (ctx: ScriptContext) => Gen<number> {
  const v = genExpr(e, env);
  const pos = kamailioPos(e, "bare", env.files, env.pos);
  return function* (ctx) {
    return intOf(yield* v(ctx), ctx, pos);
  };
}

function genIf(s: IfStmt, env: CompileEnv): (ctx: ScriptContext) => Gen<number> {
  const cond = genInt(s.cond, env);
  const pos = kamailioPos(s.cond, "bare", env.files, env.pos);
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

function genWhile(s: WhileStmt, env: CompileEnv): (ctx: ScriptContext) => Gen<number> {
  const cond = genInt(s.cond, env);
  const pos = kamailioPos(s.cond, "bare", env.files, env.pos);
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

function genReturn(s: ReturnStmt, env: CompileEnv): (ctx: ScriptContext) => Gen<number> {
  const flags = s.keyword === "drop" ? DROP_R_F | EXIT_R_F : s.keyword === "exit" ? EXIT_R_F : RETURN_R_F;
  // Only a return with a value can block, so `s.value` is there.
  const value = genInt(s.value as Expr, env);
  return function* (ctx) {
    const ret = yield* value(ctx);
    ctx.flags |= flags;
    if (ret === 0 && ctx.flags & RETURN_R_F) ctx.flags |= EXIT_R_F;
    return ret;
  };
}

function genAssign(s: AssignStmt, env: CompileEnv): (ctx: ScriptContext) => Gen<number> {
  const pv = s.target.spec ? env.pv(s.target.spec, s.target.span) : undefined;
  const set = pv?.set;
  if (!set) throw new ExprFail(`read only pvar ${s.target.text}`);
  // `$x = f()` keeps the raw return code (docs/kamailio/values-and-expressions.md#function-calls-in-expressions).
  const raw = s.value.kind === "CallExpr" || s.value.kind === "RouteCall" ? genRaw(s.value, env) : undefined;
  const value = raw ?? genExpr(s.value, env);
  const pos = kamailioPos(s.value, "bare", env.files, env.pos);
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

function genSwitch(s: Stmt & { kind: "SwitchStmt" }, env: CompileEnv): (ctx: ScriptContext) => Gen<number> {
  if (exprBlocks(s.subject, env)) throw new ExprFail("a blocking call in a switch subject is not supported");
  const subject = compileExpr(s.subject, env);
  const lists = s.cases.map((_, i) =>
    compileSteps(
      s.cases.slice(i).flatMap((c) => c.body),
      env,
    ),
  );
  const def = s.cases.findIndex((c) => c.label === undefined);
  const stringMode = s.cases.some((c) => c.label?.kind === "StringLit" || c.regex);
  const matches = s.cases.map((c) => {
    if (c.label === undefined) return () => false;
    const text = String(c.label.value);
    if (c.regex) {
      try {
        const re = new RegExp(text);
        return (v: Value) => re.test(toStr(v));
      } catch {
        env.fixupError(`bad regular expression in case: ${text}`, c.span);
        return () => false;
      }
    }
    // Int labels compare the subject as an int (its conversion is silent here).
    return stringMode ? (v: Value) => toStr(v) === text : (v: Value) => toInt(v) === Number(text);
  });
  return function* (ctx) {
    const v = subject(ctx);
    if (ctx.flags & EXIT_R_F) return 0;
    ctx.flags &= ~(RETURN_R_F | BREAK_R_F);
    const found = matches.findIndex((m) => m(v));
    const i = found >= 0 ? found : def;
    if (i < 0) return 1;
    const r = yield* runSteps(ctx, lists[i] as Step[]);
    ctx.flags &= ~BREAK_R_F;
    return r;
  };
}

/** A binary operator on values already computed (the coroutine path; expr.ts has the fast one). */
function applyBinary(op: BinaryOp, x: Value, y: Value, ctx: ScriptContext, pos: CfgPos): Value {
  const warn = () => (text: string) => conversionWarning(ctx, text, pos);
  const intOp = INT_OPS[op];
  if (intOp) return intOp(intOf(x, ctx, pos), intOf(y, ctx, pos));
  switch (op) {
    case "+":
      return plus(x, y, warn);
    case "==":
      return equals(x, y, warn) ? 1 : 0;
    case "!=":
      return equals(x, y, warn) ? 0 : 1;
    case "eq":
      return toStr(x) === toStr(y) ? 1 : 0;
    case "ne":
      return toStr(x) !== toStr(y) ? 1 : 0;
    case "=~":
      return matches(toStr(x), toStr(y)) ? 1 : 0;
    case "!~":
      return matches(toStr(x), toStr(y)) ? 0 : 1;
    default:
      throw new ExprFail(`operator ${op} not handled`);
  }
}
