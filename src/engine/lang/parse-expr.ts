/**
 * Expressions (docs/kamailio/values-and-expressions.md#precedence): Kamailio's operators and their unusual precedence, casts,
 * `defined`, `strlen`/`strempty`/`selval`, function calls, `route(...)`, core keywords.
 */

import { joinSpans, type Span } from "../base/source.js";
import type { BinaryOp, CallExpr, Expr, RouteCall } from "./ast.js";
import { type Cursor, MAX_NESTING } from "./cursor.js";
import { parsePvAt } from "./pv-spec.js";
import type { Token } from "./tokens.js";

/** Binary operator levels, lowest first (cfg.y's %left order). */
const LEVELS: readonly (readonly string[])[] = [
  ["||", "or"],
  ["&&", "and"],
  ["|"],
  ["&"],
  ["^"],
  ["<<"],
  [">>"],
  ["==", "!=", "=~", "eq", "ne", "ieq", "ine"],
  [">", "<", ">=", "<="],
  ["+", "-"],
  ["*", "/", "mod"],
];

const WORD_OPS: Readonly<Record<string, BinaryOp>> = { or: "||", and: "&&" };

/** Core keywords that stand as operands in conditions (`method == "INVITE"`, `uri == myself`). */
const CORE_KEYWORDS: ReadonlySet<string> = new Set([
  "method",
  "uri",
  "from_uri",
  "to_uri",
  "src_ip",
  "src_port",
  "dst_ip",
  "dst_port",
  "snd_ip",
  "snd_port",
  "snd_proto",
  "snd_af",
  "to_ip",
  "to_port",
  "proto",
  "af",
  "status",
  "myself",
  "msg:len",
  "uri:host",
  "uri:port",
  "retcode",
  "rcvip",
  "rcvport",
  "udp",
  "tcp",
  "tls",
  "sctp",
  "ws",
  "wss",
  "inet",
  "inet6",
  "max_len",
]);

const COMPOUND_KEYWORDS = new Set(["msg:len", "uri:host", "uri:port"]);

/**
 * Parses an expression. Each one opens a level of nesting (parentheses, arguments, conditions):
 * past MAX_NESTING the parse stops with Kamailio's "memory exhausted" (cursor.ts).
 */
export function parseExpr(c: Cursor): Expr {
  const t = c.peek();
  if (!c.enter()) return { kind: "ErrorExpr", span: t.span };
  try {
    return parseBinary(c, 0);
  } finally {
    c.leave();
  }
}

function opAt(c: Cursor, level: number): string | undefined {
  const t = c.peek();
  const ops = LEVELS[level] as readonly string[];
  if (t.kind === "punct" && ops.includes(t.text)) return t.text;
  if (t.kind === "ident" && ops.includes(t.text)) return t.text;
  return undefined;
}

/** The level of the binary operator at the cursor at `min` or above, or -1. */
function levelAt(c: Cursor, min: number): number {
  for (let level = min; level < LEVELS.length; level++) if (opAt(c, level)) return level;
  return -1;
}

/**
 * Operators at `min` and above, left-associative, by precedence climbing: a chain of one level
 * is a loop, not a recursion, so a 5,000-term sum costs no stack here. The tree it builds is as
 * deep as the chain is long, and later phases walk it recursively: each operator counts as a
 * level of nesting, and one past MAX_NESTING stops the parse there.
 */
function parseBinary(c: Cursor, min: number): Expr {
  let left = parseUnary(c);
  let chain = 0;
  for (let level = levelAt(c, min); level !== -1; level = levelAt(c, min)) {
    const op = opAt(c, level) as string;
    if (c.nesting + chain + 1 > MAX_NESTING) {
      c.abort(c.peek().span);
      return left;
    }
    chain++;
    const opTok = c.next();
    const right = parseBinary(c, level + 1);
    left = makeBinary((WORD_OPS[op] ?? op) as BinaryOp, left, right, opTok.span);
  }
  return left;
}

/** `x == $null` is rewritten into `!defined x`, `x != $null` into `defined x` (docs/kamailio/values-and-expressions.md#null-comparisons). */
function makeBinary(op: BinaryOp, left: Expr, right: Expr, opSpan: Span): Expr {
  const span = joinSpans(left.span, right.span);
  const isNull = (e: Expr) => e.kind === "PvarExpr" && e.spec?.name === "null" && !e.spec.inner;
  if ((op === "==" || op === "!=") && isNull(right)) {
    const defined: Expr = { kind: "UnaryExpr", op: "defined", operand: left, span };
    return op === "==" ? { kind: "UnaryExpr", op: "!", operand: defined, span } : defined;
  }
  return { kind: "BinaryExpr", op, left, right, opSpan, span };
}

function parseUnary(c: Cursor): Expr {
  const t = c.peek();
  const start = t.span;
  if (
    (t.kind === "punct" && (t.text === "!" || t.text === "-" || t.text === "~")) ||
    (t.kind === "ident" && t.text === "not")
  ) {
    c.next();
    const op = t.text === "not" ? "!" : (t.text as "!" | "-" | "~");
    const operand = nestedUnary(c);
    if (op === "-" && operand.kind === "NumberLit") {
      return { kind: "NumberLit", value: -operand.value, span: joinSpans(start, operand.span) };
    }
    return { kind: "UnaryExpr", op, operand, span: joinSpans(start, operand.span) };
  }
  if (t.kind === "ident" && t.text === "defined") {
    c.next();
    const operand = nestedUnary(c);
    return { kind: "UnaryExpr", op: "defined", operand, span: joinSpans(start, operand.span) };
  }
  if (
    c.isPunct("(") &&
    c.peek(1).kind === "ident" &&
    (c.peek(1).text === "int" || c.peek(1).text === "str") &&
    c.isPunct(")", 2)
  ) {
    c.next();
    const to = c.next().text as "int" | "str";
    c.next();
    const operand = nestedUnary(c);
    return { kind: "CastExpr", to, operand, span: joinSpans(start, operand.span) };
  }
  return parsePrimary(c);
}

/** A unary operator's operand: one level of nesting deeper (`- - - ... 1`, `!!!...`). */
function nestedUnary(c: Cursor): Expr {
  const t = c.peek();
  if (!c.enter()) return { kind: "ErrorExpr", span: t.span };
  try {
    return parseUnary(c);
  } finally {
    c.leave();
  }
}

function parsePrimary(c: Cursor): Expr {
  const t = c.peek();
  switch (t.kind) {
    case "number":
      c.next();
      return { kind: "NumberLit", value: t.value as number, span: t.span };
    case "string":
      c.next();
      return stringLit(t);
    case "pvar":
      c.next();
      return pvarExpr(t);
    case "ipv4":
    case "ipv6":
      return ipLiteral(c);
    case "punct":
      if (t.text === "(") {
        // The inner expression keeps its own span: Kamailio positions point inside parentheses.
        c.next();
        const inner = parseExpr(c);
        c.expect(")");
        return inner;
      }
      break;
    case "ident":
      return identPrimary(c, t);
    default:
      break;
  }
  c.error("syntax_error", "syntax error", t.span);
  return { kind: "ErrorExpr", span: t.span };
}

/** A string literal node; its raw text is kept when the token's span is its own text. */
export function stringLit(t: Token): Expr & { kind: "StringLit" } {
  const lit: Expr & { kind: "StringLit" } = {
    kind: "StringLit",
    value: String(t.value),
    quote: t.quote ?? '"',
    span: t.span,
  };
  if (t.span.end - t.span.start === t.text.length) lit.raw = t.text;
  return lit;
}

/** Builds a PV node, reading its structure; bad PV text is reported here. */
export function pvarExpr(t: Token): Expr & { kind: "PvarExpr" } {
  const r = parsePvAt(t.text, 0, true);
  if ("error" in r) return { kind: "PvarExpr", text: t.text, span: t.span };
  return { kind: "PvarExpr", text: t.text, spec: r.spec, span: t.span };
}

function ipLiteral(c: Cursor): Expr {
  const t = c.next();
  const address = t.kind === "ipv6" ? t.text.replace(/^\[|\]$/g, "") : t.text;
  const family = t.kind === "ipv6" ? 6 : 4;
  if (c.isPunct("/") && c.peek(1).kind === "number") {
    c.next();
    const p = c.next();
    return { kind: "IpLit", address, family, prefix: p.value as number, span: joinSpans(t.span, p.span) };
  }
  return { kind: "IpLit", address, family, span: t.span };
}

function identPrimary(c: Cursor, t: Token): Expr {
  const word = t.text;
  if (c.isPunct(":", 1) && c.peek(2).kind === "ident" && COMPOUND_KEYWORDS.has(`${word}:${c.peek(2).text}`)) {
    c.next();
    c.next();
    const last = c.next();
    return { kind: "KeywordExpr", name: `${word}:${last.text}`, span: joinSpans(t.span, last.span) };
  }
  if (c.isPunct("(", 1)) {
    if (word === "route") return parseRouteCall(c);
    if (word === "strlen" || word === "strempty" || word === "selval") {
      c.next();
      const args = parseArgs(c);
      return { kind: "BuiltinExpr", name: word, args, span: c.spanFrom(t.span) };
    }
    return parseCall(c);
  }
  if (CORE_KEYWORDS.has(word)) {
    c.next();
    return { kind: "KeywordExpr", name: word, span: t.span };
  }
  c.error("syntax_error", "syntax error", t.span);
  c.next();
  return { kind: "ErrorExpr", span: t.span };
}

/** `(a, b, ...)` after a function name; the cursor is on `(`. */
function parseArgs(c: Cursor): Expr[] {
  const args: Expr[] = [];
  c.expect("(");
  if (c.eat(")")) return args;
  for (;;) {
    const before = c.index;
    args.push(parseExpr(c));
    if (c.eat(",")) continue;
    if (c.eat(")")) return args;
    c.error("syntax_error", "syntax error: '(' ')' expected (function call)", c.peek().span);
    if (c.index === before) c.next();
    skipToCallEnd(c);
    return args;
  }
}

/** After a bad argument: skip to the call's `)` or to a token that cannot be inside it. */
function skipToCallEnd(c: Cursor): void {
  let depth = 0;
  while (!c.atEnd) {
    if (c.isPunct("(")) depth++;
    if (c.isPunct(")")) {
      if (depth === 0) {
        c.next();
        return;
      }
      depth--;
    }
    if (c.isPunct(";") || c.isPunct("{") || c.isPunct("}")) return;
    c.next();
  }
}

/** The core's flag actions, which take a flag's name as a bare word too (core/cfg.y `flag_name: STRING | ID`). */
const FLAG_ACTIONS: ReadonlySet<string> = new Set(["setflag", "resetflag", "isflagset"]);

/** `name(args)`; the cursor is on the name. */
export function parseCall(c: Cursor): CallExpr {
  const name = c.next();
  if (FLAG_ACTIONS.has(name.text) && c.isPunct("(") && c.peek(1).kind === "ident" && c.isPunct(")", 2)) {
    c.next();
    const word = c.next();
    c.next();
    const arg: Expr = { kind: "StringLit", value: word.text, quote: '"', span: word.span };
    return { kind: "CallExpr", name: name.text, nameSpan: name.span, args: [arg], span: c.spanFrom(name.span) };
  }
  if (name.text === "force_send_socket" && c.isPunct("(")) {
    const arg = parseBareSocket(c);
    if (arg)
      return { kind: "CallExpr", name: name.text, nameSpan: name.span, args: [arg], span: c.spanFrom(name.span) };
  }
  const args = parseArgs(c);
  return { kind: "CallExpr", name: name.text, nameSpan: name.span, args, span: c.spanFrom(name.span) };
}

/**
 * force_send_socket's argument is a bare `[proto:]host[:port]` (core/cfg.y FORCE_SEND_SOCKET
 * LPAREN phostport RPAREN), not an expression: its tokens, written without blanks between them,
 * become one string. Anything else (a quoted string, blanks) falls back to the ordinary argument
 * list; the cursor is on `(`.
 */
function parseBareSocket(c: Cursor): Expr | undefined {
  let k = 1;
  let text = "";
  let prevEnd = -1;
  for (;;) {
    const t = c.peek(k);
    if (c.isPunct(")", k)) break;
    if (t.kind === "string" || t.kind === "eof" || c.isPunct(";", k) || c.isPunct("(", k)) return undefined;
    if (prevEnd !== -1 && t.span.start !== prevEnd) return undefined;
    text += t.text;
    prevEnd = t.span.end;
    k++;
  }
  if (k === 1) return undefined;
  const first = c.peek(1).span;
  for (let i = 0; i <= k; i++) c.next();
  return { kind: "StringLit", value: text, quote: '"', span: { file: first.file, start: first.start, end: prevEnd } };
}

/** `route(NAME)`, `route("a-b")`, `route(1)` or `route($var(r))` (docs/kamailio/language.md#route-blocks). */
export function parseRouteCall(c: Cursor): RouteCall {
  const kw = c.next();
  c.expect("(");
  const t = c.peek();
  let target: string | Expr;
  if ((t.kind === "ident" || t.kind === "number" || t.kind === "string") && c.isPunct(")", 1)) {
    c.next();
    target = t.kind === "number" ? String(t.value) : String(t.value);
    if (t.kind === "ident") target = t.text;
  } else {
    target = parseExpr(c);
  }
  const targetSpan = typeof target === "string" ? t.span : target.span;
  c.expect(")", "syntax error: '(' ')' expected (function call)");
  return { kind: "RouteCall", target, targetSpan, span: c.spanFrom(kw.span) };
}
