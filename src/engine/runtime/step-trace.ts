/**
 * The `step` events (events.ts StepEvent, docs/trace.md): the hooks the compiler adds when an
 * observer asks for them, and only then — a run without them compiles no wrapper at all, as
 * with cfgt (runtime/cfgt/). Each statement about to run tells its route and line (the place
 * the debugger's cfgtrace prints, modules/debugger/debugger_api.c dbg_cfg_trace()); each module
 * or core function tells, once it has returned, its arguments and its return code.
 *
 * The trace must not change the run it watches (the playground replays a run to trace one
 * message: both runs must take the same path). So an argument is shown as evaluated only when
 * evaluating it again reads state and changes none: a literal, or a format whose every
 * pseudo-variable is one of READ_ONLY_PVS; `null` otherwise.
 */
import type { SourceFile } from "../base/source.js";
import type { EventOutput, StepEvent } from "../events.js";
import type { CallExpr, Expr, Stmt } from "../lang/ast.js";
import type { ScriptContext } from "./context.js";
import type { CallArg, CompileEnv, FunctionImpl } from "./env.js";

/**
 * Pseudo-variable classes whose read is pure in kamsim: it fills no cache the script would see
 * later (`$Ts` caches the time per message), draws no random number (`$rand`), builds no text of
 * a stream's request (`$hdr`, `$mb` do) and creates nothing (`$T_*`, `$sht`).
 */
const READ_ONLY_PVS = new Set([
  "var",
  "avp",
  "xavp",
  "ru",
  "rU",
  "rd",
  "rp",
  "fu",
  "fU",
  "fd",
  "tu",
  "tU",
  "td",
  "si",
  "sp",
  "rm",
  "ci",
  "du",
  "rs",
  "rr",
  "Ri",
  "Rp",
  "rc",
  "retcode",
]);

/** The statement as the trace names it. */
export function stepWhat(s: Stmt): string | undefined {
  switch (s.kind) {
    case "Block":
    case "EmptyStmt":
      return undefined;
    case "IfStmt":
      return "if";
    case "WhileStmt":
      return "while";
    case "SwitchStmt":
      return "switch";
    case "AssignStmt":
      return "assign";
    case "ReturnStmt":
      return s.keyword;
    case "BreakStmt":
      return "break";
    case "CallStmt":
      return s.call.kind === "RouteCall" ? "route" : "call";
  }
}

/** Whether reading `e` again cannot change the run (see READ_ONLY_PVS). */
function pureArg(e: Expr): boolean {
  if (e.kind === "NumberLit") return true;
  if (e.kind === "StringLit") {
    for (const m of e.value.matchAll(/\$\(?([A-Za-z_][A-Za-z0-9_]*)/g))
      if (!READ_ONLY_PVS.has(m[1] as string)) return false;
    return true;
  }
  if (e.kind === "PvarExpr")
    return e.spec !== undefined && READ_ONLY_PVS.has(e.spec.name) && e.spec.transforms.length === 0;
  return false;
}

function sourceOf(files: readonly SourceFile[], e: { span: { file: number; start: number; end: number } }): string {
  return files[e.span.file]?.text.slice(e.span.start, e.span.end) ?? "";
}

/** The place of a span as a step event carries it. */
function placeOf(env: CompileEnv, span: { file: number; start: number; end: number }) {
  const p = env.pos(span);
  return { file: env.fileOf(span), line: p.line, col: p.col, endLine: p.endLine };
}

/**
 * CompileEnv.traceAction for `step` events, run before `inner` (cfgt's hook, when both are
 * wanted): an `action` event for every statement of the route `route()` names while it compiles.
 */
export function stepActionHook(
  out: EventOutput,
  env: CompileEnv,
  route: () => string,
  inner: CompileEnv["traceAction"],
): (s: Stmt) => ((ctx: ScriptContext) => void) | undefined {
  return (s) => {
    const then = inner?.(s);
    const what = stepWhat(s);
    if (what === undefined) return then;
    const name = route();
    const place = placeOf(env, s.span);
    return (ctx) => {
      out.emit({
        kind: "step",
        t: ctx.start + ctx.cost,
        op: "action",
        proc: ctx.proc.index,
        req: ctx.req,
        route: name,
        what,
        ...place,
      });
      then?.(ctx);
    };
  };
}

/** A function's behaviour wrapped to emit a `call` event when it returns. */
export function tracedFunction(
  out: EventOutput,
  impl: FunctionImpl,
  standIn: boolean,
  route: () => string,
): FunctionImpl {
  return {
    blocking: impl.blocking,
    compile(args: readonly CallArg[], env: CompileEnv, call: CallExpr) {
      const f = impl.compile(args, env, call);
      const name = route();
      const place = placeOf(env, call.span);
      const written = call.args.map((a) => sourceOf(env.files, a));
      const readers = args.map((a) => (pureArg(a.node) ? a.str() : undefined));
      return (ctx: ScriptContext) => {
        const values = readers.map((r) => {
          if (r === undefined) return null;
          try {
            return r(ctx);
          } catch {
            return null;
          }
        });
        const result = f(ctx);
        const e: StepEvent = {
          kind: "step",
          t: ctx.start + ctx.cost,
          op: "call",
          proc: ctx.proc.index,
          req: ctx.req,
          route: name,
          ...place,
          fn: call.name,
          args: written,
          values,
          result,
          standIn,
        };
        out.emit(e);
        return result;
      };
    },
  };
}
