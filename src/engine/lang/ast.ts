/**
 * The AST of a Kamailio config. Kinds are PascalCase nouns; every node has a span. The parser
 * keeps all valid structure even when it reports errors, so later phases see as much as possible.
 */

import type { Span } from "../base/source.js";
import type { PvSpec } from "./pv-spec.js";

/** A whole config after preprocessing. */
export interface Config {
  kind: "Config";
  items: TopItem[];
  span: Span;
}

export type TopItem = CoreParam | CfgVar | LoadModule | LoadPath | ModParam | FlagsDecl | RouteBlock;

/** `flags NAME[:POS], ...`: names for message flags (core/cfg.y flags_decl). */
export interface FlagsDecl {
  kind: "FlagsDecl";
  flags: { name: string; pos?: number; span: Span }[];
  span: Span;
}

/** A core parameter value, as far as the grammar tells it apart. */
export type CoreValue =
  | { type: "int"; value: number; span: Span }
  | { type: "string"; value: string; span: Span }
  | { type: "id"; value: string; span: Span }
  /** Anything longer (`udp:127.0.0.1:5060 advertise 1.2.3.4`): its source text. */
  | { type: "phrase"; value: string; span: Span };

/** `name = value` at the top level (`debug=2`, `listen=udp:127.0.0.1:5060`). */
export interface CoreParam {
  kind: "CoreParam";
  name: string;
  nameSpan: Span;
  value: CoreValue;
  span: Span;
}

/** A custom config variable, `group.name = value [desc "text"]`, read as `$sel(cfg_get.group.name)`. */
export interface CfgVar {
  kind: "CfgVar";
  group: string;
  name: string;
  value: string | number;
  desc?: string;
  span: Span;
}

/** `loadmodule "name.so"`. */
export interface LoadModule {
  kind: "LoadModule";
  path: string;
  /** The module name: the file's base name without `.so`. */
  module: string;
  pathSpan: Span;
  span: Span;
}

/** `loadpath "dir"` (also `mpath`). */
export interface LoadPath {
  kind: "LoadPath";
  path: string;
  span: Span;
}

/** `modparam("module", "param", value)`. */
export interface ModParam {
  kind: "ModParam";
  module: string;
  moduleSpan: Span;
  param: string;
  paramSpan: Span;
  value: string | number;
  valueType: "int" | "string";
  valueSpan: Span;
  span: Span;
}

/** Which block a route is, in Kamailio's terms. */
export type RouteKindName =
  /** `request_route`, `route`, `route[0]`: the main request route. */
  | "request"
  /** `route[NAME]`: a sub-route called with `route(NAME)`. */
  | "route"
  | "failure"
  | "branch"
  /** `onreply_route`/`reply_route` without a name: the core reply route. */
  | "reply"
  /** `onreply_route[NAME]`: a tm reply route. */
  | "onreply"
  | "onsend"
  /** `error_route`: runs on SIP parse errors. */
  | "error"
  | "event";

/** A route block. */
export interface RouteBlock {
  kind: "RouteBlock";
  routeKind: RouteKindName;
  /** The keyword as written (`route`, `request_route`, `reply_route`, ...). */
  keyword: string;
  name?: string;
  nameSpan?: Span;
  body: Block;
  span: Span;
}

export type Stmt = Block | IfStmt | WhileStmt | SwitchStmt | ReturnStmt | BreakStmt | AssignStmt | CallStmt | EmptyStmt;

export interface Block {
  kind: "Block";
  stmts: Stmt[];
  span: Span;
}

export interface IfStmt {
  kind: "IfStmt";
  cond: Expr;
  then: Stmt;
  else?: Stmt;
  span: Span;
}

export interface WhileStmt {
  kind: "WhileStmt";
  cond: Expr;
  body: Stmt;
  span: Span;
}

export interface SwitchStmt {
  kind: "SwitchStmt";
  subject: Expr;
  cases: CaseClause[];
  span: Span;
}

/** `case LABEL:`, `case /"re":` or `default:`, with the actions up to the next label. */
export interface CaseClause {
  kind: "CaseClause";
  /** Absent for `default`. */
  label?: NumberLit | StringLit;
  regex: boolean;
  body: Stmt[];
  span: Span;
}

/** `return [e]`, `exit [e]`, `drop [e]`. */
export interface ReturnStmt {
  kind: "ReturnStmt";
  keyword: "return" | "exit" | "drop";
  value?: Expr;
  span: Span;
}

export interface BreakStmt {
  kind: "BreakStmt";
  span: Span;
}

/** `$pv = e` (Kamailio 5.6 has no `:=`). */
export interface AssignStmt {
  kind: "AssignStmt";
  target: PvarExpr;
  op: "=";
  value: Expr;
  span: Span;
}

/** A function or `route()` call used as a statement. */
export interface CallStmt {
  kind: "CallStmt";
  call: CallExpr | RouteCall;
  span: Span;
}

export interface EmptyStmt {
  kind: "EmptyStmt";
  span: Span;
}

export type Expr =
  | NumberLit
  | StringLit
  | PvarExpr
  | IpLit
  | KeywordExpr
  | CallExpr
  | RouteCall
  | BinaryExpr
  | UnaryExpr
  | CastExpr
  | BuiltinExpr
  | ErrorExpr;

export interface NumberLit {
  kind: "NumberLit";
  value: number;
  span: Span;
}

export interface StringLit {
  kind: "StringLit";
  value: string;
  quote: '"' | "'";
  /** The literal as written, quotes included; absent when it came from a define's value. */
  raw?: string;
  /**
   * Set by the checker when a function's fixup reads this literal as the id of an AVP (`"$foo"`
   * where no pvar is named foo: fixup_var_*() in core/sr_module.c): the AVP's name.
   */
  avp?: string;
  span: Span;
}

/** A pseudo-variable; `spec` is absent when its text could not be read (error reported). */
export interface PvarExpr {
  kind: "PvarExpr";
  text: string;
  spec?: PvSpec;
  span: Span;
}

/** An IP address or network literal (`10.0.0.0/8`), as used with `src_ip ==`. */
export interface IpLit {
  kind: "IpLit";
  address: string;
  family: 4 | 6;
  prefix?: number;
  span: Span;
}

/** A core keyword used as an operand: `method`, `uri`, `src_ip`, `myself`, `udp`, ... */
export interface KeywordExpr {
  kind: "KeywordExpr";
  name: string;
  span: Span;
}

/** A module or core function call, `name(args)`. */
export interface CallExpr {
  kind: "CallExpr";
  name: string;
  nameSpan: Span;
  args: Expr[];
  /** Written without parentheses (`force_rport;`), which only some core actions allow. */
  bare?: boolean;
  span: Span;
}

/** `route(NAME)` with a static name, or `route($var(r))` resolved at run time. */
export interface RouteCall {
  kind: "RouteCall";
  target: string | Expr;
  targetSpan: Span;
  span: Span;
}

export type BinaryOp =
  | "||"
  | "&&"
  | "|"
  | "&"
  | "^"
  | "<<"
  | ">>"
  | "=="
  | "!="
  | "=~"
  | "eq"
  | "ne"
  | "ieq"
  | "ine"
  | ">"
  | "<"
  | ">="
  | "<="
  | "+"
  | "-"
  | "*"
  | "/"
  | "mod";

export interface BinaryExpr {
  kind: "BinaryExpr";
  op: BinaryOp;
  left: Expr;
  right: Expr;
  opSpan: Span;
  span: Span;
}

export interface UnaryExpr {
  kind: "UnaryExpr";
  op: "!" | "-" | "~" | "defined";
  operand: Expr;
  span: Span;
}

export interface CastExpr {
  kind: "CastExpr";
  to: "int" | "str";
  operand: Expr;
  span: Span;
}

/** `strlen(e)`, `strempty(e)`, `selval(c, a, b)`. */
export interface BuiltinExpr {
  kind: "BuiltinExpr";
  name: "strlen" | "strempty" | "selval";
  args: Expr[];
  span: Span;
}

/** Stands where an expression could not be parsed (an error was reported). */
export interface ErrorExpr {
  kind: "ErrorExpr";
  span: Span;
}
