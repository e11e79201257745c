/**
 * Where a config names its route blocks, for an outline of who runs each: `route(NAME)` (the
 * grammar's own action, core/cfg.y), the tm hooks `t_on_failure("NAME")`, `t_on_branch`,
 * `t_on_reply`, `t_on_branch_failure` (any loaded module's function whose argument is declared
 * as naming a route), and rtimer's `exec` lines (`route=NAME`). One walk of the statements,
 * only the literal names: a name computed at run time (`route($var(r))`) is not known here.
 */
import type { Span } from "./base/source.js";
import type { Expr, RouteKindName, Stmt } from "./lang/ast.js";
import type { FrontEndResult } from "./lang/compile.js";

export interface RouteRef {
  kind: RouteKindName;
  /** "" for an unnamed block. */
  name: string;
}

export interface RouteUseInfo {
  /** The block named: `t_on_failure("X")` names `failure_route[X]`. */
  target: RouteRef;
  /** How it is named: `route`, the function's name (`t_on_failure`), or `rtimer` for an exec line. */
  via: string;
  /** The block the use is written in; absent for an rtimer's exec line (a modparam). */
  from?: RouteRef;
  /** The call (or the timer's name in its modparam). */
  span: Span;
}

/**
 * The block each route-naming argument names, by the argument's declared name (the modules'
 * `argNames`: tm's t_on_failure takes `failure_route`...). t_on_branch_failure("X") arms
 * `event_route[tm:branch-failure:X]` (tm/tm.c, w_t_on_branch_failure()).
 */
const ARG_KINDS: Readonly<Record<string, (name: string) => RouteRef>> = {
  route: (name) => ({ kind: "route", name }),
  routename: (name) => ({ kind: "route", name }),
  failure_route: (name) => ({ kind: "failure", name }),
  branch_route: (name) => ({ kind: "branch", name }),
  onreply_route: (name) => ({ kind: "onreply", name }),
  branch_failure_route: (name) => ({ kind: "event", name: `tm:branch-failure:${name}` }),
};

/** Functions of the loaded modules whose arguments name routes: name → argument → target maker. */
function routeArgs(front: FrontEndResult): Map<string, Map<number, (name: string) => RouteRef>> {
  const out = new Map<string, Map<number, (name: string) => RouteRef>>();
  for (const m of front.checked.modules) {
    for (const [fn, def] of Object.entries(m.def?.functions ?? {})) {
      for (const [i, arg] of (def.argNames ?? []).entries()) {
        const make = Object.hasOwn(ARG_KINDS, arg) ? ARG_KINDS[arg] : undefined;
        if (!make) continue;
        const byArg = out.get(fn) ?? new Map<number, (name: string) => RouteRef>();
        byArg.set(i, make);
        out.set(fn, byArg);
      }
    }
  }
  return out;
}

class Walker {
  readonly uses: RouteUseInfo[] = [];
  from: RouteRef = { kind: "request", name: "" };
  constructor(private readonly args: Map<string, Map<number, (name: string) => RouteRef>>) {}

  stmt(s: Stmt): void {
    switch (s.kind) {
      case "Block":
        for (const x of s.stmts) this.stmt(x);
        return;
      case "IfStmt":
        this.expr(s.cond);
        this.stmt(s.then);
        if (s.else) this.stmt(s.else);
        return;
      case "WhileStmt":
        this.expr(s.cond);
        this.stmt(s.body);
        return;
      case "SwitchStmt":
        this.expr(s.subject);
        for (const c of s.cases) for (const x of c.body) this.stmt(x);
        return;
      case "ReturnStmt":
        if (s.value) this.expr(s.value);
        return;
      case "AssignStmt":
        this.expr(s.value);
        return;
      case "CallStmt":
        this.expr(s.call);
        return;
      default:
        return;
    }
  }

  expr(e: Expr): void {
    switch (e.kind) {
      case "RouteCall":
        if (typeof e.target === "string") this.add({ kind: "route", name: e.target }, "route", e.span);
        else this.expr(e.target);
        return;
      case "CallExpr": {
        const byArg = this.args.get(e.name);
        for (const [i, a] of e.args.entries()) {
          const make = byArg?.get(i);
          if (make && a.kind === "StringLit") this.add(make(a.value), e.name, e.span);
          else this.expr(a);
        }
        return;
      }
      case "BinaryExpr":
        this.expr(e.left);
        this.expr(e.right);
        return;
      case "UnaryExpr":
      case "CastExpr":
        this.expr(e.operand);
        return;
      case "BuiltinExpr":
        for (const a of e.args) this.expr(a);
        return;
      default:
        return;
    }
  }

  private add(target: RouteRef, via: string, span: Span): void {
    this.uses.push({ target, via, from: this.from, span });
  }
}

/**
 * Every literal use of a route name, in file order of the blocks; then the rtimer exec lines
 * (`timers`: the engine's reading of rtimer's modparams, with where each timer's name is written).
 */
export function routeUses(
  front: FrontEndResult,
  timers: readonly { routes: readonly string[]; span: Span }[],
): RouteUseInfo[] {
  const w = new Walker(routeArgs(front));
  for (const item of front.config.items) {
    if (item.kind !== "RouteBlock") continue;
    w.from = { kind: item.routeKind, name: item.name ?? "" };
    w.stmt(item.body);
  }
  for (const t of timers) {
    for (const name of t.routes) w.uses.push({ target: { kind: "route", name }, via: "rtimer", span: t.span });
  }
  return w.uses;
}
