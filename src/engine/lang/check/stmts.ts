/**
 * Walks the statements of one route block: calls, `route(X)` targets, PVs, constant type
 * errors and `switch` label rules (docs/kamailio/language.md#switch, docs/kamailio/values-and-expressions.md).
 */

import type { CaseClause, Expr, RouteCall, Stmt, SwitchStmt } from "../ast.js";
import type { DiagnosticBag } from "../diagnostics.js";
import type { CallChecker } from "./calls.js";
import { checkOperandTypes } from "./constants.js";
import { foldParam } from "./fold.js";
import { checkAssignTarget, checkPvarExpr } from "./pvars.js";
import { caseLabelError, matchOperandError } from "./regex-args.js";
import type { RouteTable } from "./routes.js";
import type { Scope } from "./scope.js";

/**
 * `uri:host` and `uri:port` are tokens of the forward family's arguments only (core/cfg.y
 * `FORWARD LPAREN URIHOST ...`); anywhere else they are a syntax error.
 */
const URI_PART_CALLS: ReadonlySet<string> = new Set([
  "forward",
  "forward_udp",
  "forward_tcp",
  "forward_tls",
  "forward_sctp",
]);
const isUriPart = (e: Expr) => e.kind === "KeywordExpr" && (e.name === "uri:host" || e.name === "uri:port");

export class StmtChecker {
  constructor(
    private readonly scope: Scope,
    private readonly calls: CallChecker,
    private readonly routes: RouteTable,
    private readonly diags: DiagnosticBag,
    /** Kamailio's route type of the block being walked. */
    private readonly routeType: number,
  ) {}

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
        return this.switchStmt(s);
      case "ReturnStmt":
        if (s.value) this.expr(s.value);
        return;
      case "AssignStmt":
        checkAssignTarget(s.target, this.scope, this.diags);
        this.expr(s.value);
        return;
      case "CallStmt":
        this.expr(s.call);
        return;
      case "BreakStmt":
      case "EmptyStmt":
        return;
    }
  }

  private switchStmt(s: SwitchStmt): void {
    this.expr(s.subject);
    const defaults = s.cases.filter((c) => c.label === undefined);
    if (defaults.length > 1) {
      // Kamailio blames the switch itself, not the second label.
      this.diags.error("switch_default", 'bad switch(): too many "default:" labels', s.span);
    }
    const isInt = (c: CaseClause) => c.label?.kind === "NumberLit" && !c.regex;
    const labelled = s.cases.filter((c) => c.label !== undefined);
    const firstInt = labelled.find(isInt);
    const firstStr = labelled.find((c) => !isInt(c));
    if (firstInt && firstStr) {
      this.diags.error(
        "switch_mixed",
        "type mismatch in case: bad switch(): mixed integer and string/RE cases not allowed",
        s.span,
      );
    }
    for (const c of s.cases) {
      if (c.regex && c.label?.kind === "StringLit") {
        const err = caseLabelError(c.label.value);
        if (err) this.diags.error("bad_regex", err, c.label.span);
      }
    }
    for (const c of s.cases) for (const x of c.body) this.stmt(x);
  }

  expr(e: Expr): void {
    switch (e.kind) {
      case "PvarExpr":
        return checkPvarExpr(e, this.scope, this.diags);
      case "CallExpr":
        for (const a of e.args)
          if (a.kind !== "StringLit" && !(URI_PART_CALLS.has(e.name) && isUriPart(a))) this.expr(a);
        this.calls.check(e, this.routeType);
        return;
      case "RouteCall":
        return this.routeCall(e);
      case "BinaryExpr":
        this.expr(e.left);
        this.expr(e.right);
        checkOperandTypes(e, this.diags);
        if (e.op === "=~" && e.right.kind === "StringLit") {
          const err = matchOperandError(e.right.value, e.left.kind === "KeywordExpr");
          if (err) this.diags.error("bad_regex", err, e.right.span);
        }
        return;
      case "UnaryExpr":
      case "CastExpr":
        return this.expr(e.operand);
      case "BuiltinExpr":
        for (const a of e.args) this.expr(a);
        return;
      case "KeywordExpr":
        if (isUriPart(e)) this.diags.error("syntax_error", "syntax error", e.span);
        return;
      default:
        return;
    }
  }

  /** `route(X)` with a static name needs `route[X]` (Kamailio: fix_actions() at start-up). */
  private routeCall(e: RouteCall): void {
    if (typeof e.target !== "string") {
      this.expr(e.target);
      // A constant expression is evaluated and looked up at start-up too (core/route.c
      // fix_actions(), ROUTE_T: rve_is_constant() → rval_get_str() → route_lookup()).
      const folded = foldParam(e.target);
      if (folded && !this.routes.get("route")?.has(folded.value)) {
        this.diags.error("route_not_defined", `fix_actions(): route "${folded.value}" not found`, e.target.span);
      }
      return;
    }
    if (!this.routes.get("route")?.has(e.target)) {
      this.diags.error("route_not_defined", `fix_actions(): route "${e.target}" not found`, e.targetSpan);
    }
  }
}
