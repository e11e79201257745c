/**
 * Statements → actions, with action.c's control flow (docs/kamailio/control-flow.md): every action returns an
 * int; `return`/`exit`/`drop`/`break` set flags that stop the current action list; `if`
 * and loops catch what their conditions set; nesting counts against max_recursive_level.
 */
import { compileRegex } from "../base/regex/index.js";
import type { AssignStmt, IfStmt, ReturnStmt, Stmt, SwitchStmt, WhileStmt } from "../lang/ast.js";
import { compileCallRaw, compileRouteCall } from "./calls.js";
import { atActionLine, kamailioPos } from "./cfg-pos.js";
import { BREAK_R_F, DROP_R_F, EXIT_R_F, RETURN_R_F, type ScriptContext } from "./context.js";
import {
  isBadRegex,
  logActionError,
  logAssignFail,
  logConditionRegexFail,
  logExprFail,
  logIfFail,
  logNoRightPvar,
  logRunawayWhile,
  logSetPvarFail,
  logTooDeep,
} from "./core-log.js";
import type { CfgPos, CompileEnv } from "./env.js";
import { compileAssigned, compileExpr, compileInt, type IntFn } from "./expr.js";
import { ExprFail } from "./ops.js";
import { PkgFail, storeVar } from "./pkg.js";
import { toStr, type Value } from "./values.js";

export type Action = (ctx: ScriptContext) => number;

/** Thrown when a run exceeds kamsim's step budget (a guard for `max_while_loops=0`). */
export class StepBudgetExceeded extends Error {
  override name = "StepBudgetExceeded";
}

export const STOP = BREAK_R_F | RETURN_R_F | EXIT_R_F;

/** Kamailio's run_actions(): runs a list until a flag stops it; returns the last action's code. */
export function runActions(ctx: ScriptContext, actions: readonly Action[]): number {
  if (++ctx.depth > ctx.maxDepth) {
    logTooDeep(ctx, ctx.depth);
    ctx.depth--;
    return -1;
  }
  let ret = 1;
  for (let i = 0; i < actions.length; i++) {
    if (--ctx.budget < 0) throw new StepBudgetExceeded();
    ret = (actions[i] as Action)(ctx);
    if (ctx.flags & STOP) break;
  }
  ctx.depth--;
  return ret;
}

/** Compiles a statement list into actions (empty statements vanish). */
export function compileList(stmts: readonly Stmt[], env: CompileEnv): Action[] {
  const out: Action[] = [];
  for (const s of stmts) {
    const a = compileStmt(s, env);
    if (a) out.push(a);
  }
  return out;
}

/** A branch or loop body: a block's statements, or the single statement. */
export function body(s: Stmt | undefined, env: CompileEnv): Action[] | undefined {
  if (!s) return undefined;
  return compileList(s.kind === "Block" ? s.stmts : [s], env);
}

export function compileStmt(s: Stmt, env: CompileEnv): Action | undefined {
  const a = atActionLine(s, env, () => compileStmtAt(s, env));
  const before = a && env.traceAction?.(s);
  if (!a || !before) return a;
  // cfgt's per-action hook (do_action()'s SREV_CFG_RUN_ACTION, core/action.c): before the action.
  return (ctx) => {
    before(ctx);
    return a(ctx);
  };
}

function compileStmtAt(s: Stmt, env: CompileEnv): Action | undefined {
  switch (s.kind) {
    case "EmptyStmt":
      return undefined;
    case "Block": {
      const list = compileList(s.stmts, env);
      return (ctx) => {
        const r = runActions(ctx, list);
        ctx.flags &= ~BREAK_R_F;
        return r;
      };
    }
    case "IfStmt":
      return compileIf(s, env);
    case "WhileStmt":
      return compileWhile(s, env);
    case "SwitchStmt":
      return compileSwitch(s, env);
    case "ReturnStmt":
      return compileReturn(s, env);
    case "BreakStmt":
      return (ctx) => {
        ctx.flags |= BREAK_R_F;
        return 0;
      };
    case "AssignStmt":
      return compileAssign(s, env);
    case "CallStmt":
      return s.call.kind === "CallExpr" ? compileCallRaw(s.call, env) : compileRouteCall(s.call, env);
  }
}

/** A condition that failed to evaluate is logged and counts as false (action.c IF_T). */
export function conditionFailed(err: unknown, ctx: ScriptContext, pos: CfgPos): number {
  if (!(err instanceof ExprFail)) throw err;
  if (isBadRegex(err)) logConditionRegexFail(ctx, err);
  else logExprFail(ctx, err, pos);
  logIfFail(ctx, pos);
  return 0;
}

/** Evaluates a condition, failures counting as false. */
function condition(cond: IntFn, ctx: ScriptContext, pos: CfgPos): number {
  try {
    return cond(ctx);
  } catch (err) {
    return conditionFailed(err, ctx, pos);
  }
}

function compileIf(s: IfStmt, env: CompileEnv): Action {
  const cond = compileInt(s.cond, env);
  const pos = kamailioPos(s.cond, env.files, env.pos);
  const then = body(s.then, env);
  const alt = body(s.else, env);
  return (ctx) => {
    let v: number;
    try {
      v = cond(ctx);
    } catch (err) {
      v = conditionFailed(err, ctx, pos);
    }
    if (ctx.flags & EXIT_R_F) return 0;
    ctx.flags &= ~(RETURN_R_F | BREAK_R_F);
    if (v > 0) return then ? runActions(ctx, then) : 1;
    return alt ? runActions(ctx, alt) : 1;
  };
}

function compileWhile(s: WhileStmt, env: CompileEnv): Action {
  const cond = compileInt(s.cond, env);
  const pos = kamailioPos(s.cond, env.files, env.pos);
  const file = env.fileOf(s.span);
  const line = env.pos({ ...s.span, start: s.span.end - 1 }).line;
  const list = body(s.body, env);
  return (ctx) => {
    const max = ctx.sv.maxWhileLoops;
    let i = 0;
    let flags = 0;
    let ret = 1;
    while (!(flags & STOP) && condition(cond, ctx, pos) !== 0) {
      if (max > 0 && ++i > max) {
        logRunawayWhile(ctx, pos, max);
        logActionError(ctx, file, line);
        return -1;
      }
      if (list) {
        ret = runActions(ctx, list);
        flags |= ctx.flags;
        ctx.flags &= ~BREAK_R_F;
      }
    }
    return ret;
  };
}

/**
 * A switch's cases as lists: each case runs its own actions and every later case's (C-like
 * fall-through), compiled by `compile` (this compiler's or suspend.ts's).
 */
export function caseLists<T>(s: SwitchStmt, compile: (stmts: Stmt[]) => T): T[] {
  return s.cases.map((_, i) => compile(s.cases.slice(i).flatMap((c) => c.body)));
}

/** What a switch yields without running a case: none matched (1), exit set (0), failed subject (-1). */
export const SWITCH_NONE = -1;
export const SWITCH_EXIT = -2;
export const SWITCH_FAILED = -3;

/** The value of a switch that ran no case (one of the SWITCH_* codes). */
export function switchValue(code: number): number {
  return code === SWITCH_EXIT ? 0 : code === SWITCH_FAILED ? -1 : 1;
}

/** How a switch picks its case, shared by both compilers (action.c SWITCH_T / MATCH_T). */
export interface SwitchPlan {
  /** Int labels only: the subject is evaluated as an int (compileInt); else as a string. */
  intMode: boolean;
  /**
   * After the subject's value: the case to run, or a SWITCH_* code. A subject that failed to
   * evaluate (`failed`) runs the default case, if any.
   */
  select(ctx: ScriptContext, v: number | string, failed?: unknown): number;
}

export function switchPlan(s: SwitchStmt, env: CompileEnv): SwitchPlan {
  const def = s.cases.findIndex((c) => c.label === undefined);
  const intMode = !s.cases.some((c) => c.label?.kind === "StringLit" || c.regex);
  const found = (i: number) => (i >= 0 ? i : def >= 0 ? def : SWITCH_NONE);
  const enter = (ctx: ScriptContext): boolean => {
    if (ctx.flags & EXIT_R_F) return false;
    ctx.flags &= ~(RETURN_R_F | BREAK_R_F);
    return true;
  };
  if (intMode) {
    const labels = s.cases.map((c) => (c.label?.kind === "NumberLit" ? c.label.value : undefined));
    return {
      intMode,
      select(ctx, v, failed) {
        if (failed !== undefined) {
          if (!(failed instanceof ExprFail)) throw failed;
          return def >= 0 ? def : SWITCH_FAILED;
        }
        return enter(ctx) ? found(labels.indexOf(v as number)) : SWITCH_EXIT;
      },
    };
  }
  const tests = s.cases.map((c) => {
    if (c.label === undefined) return undefined;
    const text = String(c.label.value);
    if (!c.regex) return (v: string) => v === text;
    // switch.c fix_match(): REG_EXTENDED|REG_NOSUB, case-sensitive (re_flags is never set).
    const r = compileRegex(text, { nosub: true });
    if (r.ok) return (v: string) => r.re.test(v);
    env.fixupError(`bad regular expression ${text}`, c.span);
    return () => false;
  });
  return {
    intMode,
    select(ctx, v, failed) {
      if (failed !== undefined) throw failed;
      return enter(ctx) ? found(tests.findIndex((t) => t?.(v as string))) : SWITCH_EXIT;
    },
  };
}

function compileSwitch(s: SwitchStmt, env: CompileEnv): Action {
  const lists = caseLists(s, (stmts) => compileList(stmts, env));
  const plan = switchPlan(s, env);
  const run = (ctx: ScriptContext, i: number): number => {
    if (i < 0) return switchValue(i);
    const r = runActions(ctx, lists[i] as Action[]);
    ctx.flags &= ~BREAK_R_F;
    return r;
  };
  if (plan.intMode) {
    const subject = compileInt(s.subject, env);
    return (ctx) => {
      let v: number;
      try {
        v = subject(ctx);
      } catch (err) {
        return run(ctx, plan.select(ctx, 0, err));
      }
      return run(ctx, plan.select(ctx, v));
    };
  }
  const subject = compileExpr(s.subject, env);
  return (ctx) => run(ctx, plan.select(ctx, toStr(subject(ctx))));
}

function compileReturn(s: ReturnStmt, env: CompileEnv): Action {
  const flags = s.keyword === "drop" ? DROP_R_F | EXIT_R_F : s.keyword === "exit" ? EXIT_R_F : RETURN_R_F;
  const value = s.value ? compileInt(s.value, env) : undefined;
  const fixed = s.keyword === "drop" ? 0 : 1;
  return (ctx) => {
    const ret = value ? value(ctx) : fixed;
    ctx.flags |= flags;
    if (ret === 0 && ctx.flags & RETURN_R_F) ctx.flags |= EXIT_R_F;
    return ret;
  };
}

/** An assignment whose value failed: Kamailio's two ERROR lines, and the action yields -1. */
export function assignFailed(err: unknown, ctx: ScriptContext, pos: CfgPos): number {
  if (!(err instanceof ExprFail)) throw err;
  // No private memory for a string: rvalue.c's own lines, then lval_assign()'s.
  if (err instanceof PkgFail) err.log(ctx);
  else logExprFail(ctx, err, pos);
  logAssignFail(ctx, pos);
  return -1;
}

export function compileAssign(s: AssignStmt, env: CompileEnv): Action {
  if (!s.target.spec) throw new ExprFail(`bad assignment target ${s.target.text}`);
  const pv = env.pv(s.target.spec, s.target.span);
  const set = pv.set;
  if (!set) throw new ExprFail(`read only pvar ${s.target.text}`);
  const pos = kamailioPos(s.value, env.files, env.pos);
  const slot = pv.varSlot;
  const name = s.target.spec.inner ?? "";
  // A PV alone on the right whose getter may fail (a transformation): Kamailio logs it and
  // stores <null> (lval_pvar_assign()'s RV_PVAR case).
  const rhs = s.value.kind === "PvarExpr" && s.value.spec ? env.pv(s.value.spec, s.value.span) : undefined;
  if (rhs && !rhs.total) {
    // Kamailio prints the reference's own span here (checked on 5.6.3 with `$(var(s){s.int})`).
    const at = env.pos(s.value.span);
    const store =
      slot === undefined
        ? (ctx: ScriptContext, v: Value) => set(ctx, v, true)
        : (ctx: ScriptContext, v: Value) => storeVar(ctx, slot, v ?? 0, name);
    return (ctx) => {
      const v = rhs.get(ctx);
      if (v === undefined) {
        logNoRightPvar(ctx, at);
        store(ctx, null);
        return -1;
      }
      if (store(ctx, v) === false) {
        logSetPvarFail(ctx, pos);
        return -1;
      }
      return 1;
    };
  }
  // A total getter never fails: the PV compiled above reads as compileExpr() would read it.
  const value = rhs ? (rhs.get as (ctx: ScriptContext) => Value) : compileAssigned(s.value, env);
  const fromPv = rhs !== undefined;
  if (slot !== undefined)
    // `$var(x) = ...`, the commonest statement: the store without a call (as varPv's set).
    return (ctx) => {
      let v: ReturnType<typeof value>;
      try {
        v = value(ctx);
      } catch (err) {
        return assignFailed(err, ctx, pos);
      }
      if (storeVar(ctx, slot, v === null ? 0 : v, name)) return 1;
      logSetPvarFail(ctx, pos);
      return -1;
    };
  return (ctx) => {
    let v: ReturnType<typeof value>;
    try {
      v = value(ctx);
    } catch (err) {
      return assignFailed(err, ctx, pos);
    }
    if (set(ctx, v, fromPv) === false) {
      logSetPvarFail(ctx, pos);
      return -1;
    }
    return 1;
  };
}
