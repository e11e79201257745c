/**
 * The parser: preprocessed tokens → AST (docs/kamailio/language.md). Top-level statements are core
 * parameters, `loadmodule`/`loadpath`, `modparam` and route blocks. It recovers after every
 * error, so one pass reports them all and keeps every valid item.
 */

import type { SourceFile, Span } from "../base/source.js";
import { joinSpans } from "../base/source.js";
import type {
  CfgVar,
  Config,
  CoreParam,
  CoreValue,
  FlagsDecl,
  ModParam,
  RouteBlock,
  RouteKindName,
  TopItem,
} from "./ast.js";
import { Cursor } from "./cursor.js";
import type { DiagnosticBag } from "./diagnostics.js";
import { parseBlock } from "./parse-stmt.js";
import type { Token } from "./tokens.js";

/** Route block keywords and the kind each names when it has no name. */
const ROUTE_KEYWORDS: Readonly<Record<string, RouteKindName>> = {
  request_route: "request",
  route: "request",
  failure_route: "failure",
  branch_route: "branch",
  onreply_route: "reply",
  reply_route: "reply",
  onsend_route: "onsend",
  error_route: "error",
  event_route: "event",
};

/** Route kinds that must have a name. */
// `failure_route { }` without a name is accepted by Kamailio 5.6.3 (checked with -c and at start).
const NEEDS_NAME: ReadonlySet<string> = new Set(["branch_route", "event_route"]);
/** Route kinds that cannot have one. */
const NO_NAME: ReadonlySet<string> = new Set(["request_route", "reply_route", "onsend_route", "error_route"]);

const EVENT_NAME = /^[A-Za-z][A-Za-z0-9-]*(:[A-Za-z][A-Za-z0-9_-]*)+$/;

/** Parses a token stream produced by `preprocess`. Never throws on user input. */
export function parseConfig(tokens: readonly Token[], files: readonly SourceFile[], diags: DiagnosticBag): Config {
  const c = new Cursor(tokens, diags);
  const items: TopItem[] = [];
  while (!c.atEnd) {
    const before = c.index;
    const item = parseTopItem(c, files);
    if (item) items.push(item);
    if (c.index === before) c.next();
  }
  if (tokens.every((t) => t.kind === "eof") && !diags.items.some((d) => d.severity === "error")) {
    // core/cfg.y: a config is one statement or more. With nothing left after the preprocessor
    // (and no error of its own, which stops Kamailio first), Kamailio says "syntax error" from
    // the last line with text (line 1 if none) to the end.
    const end = c.peek().span;
    const body = (files[end.file]?.text ?? "").trimEnd();
    c.error("syntax_error", "syntax error", { file: end.file, start: body.lastIndexOf("\n") + 1, end: end.end });
  }
  const first = tokens[0]?.span ?? { file: 0, start: 0, end: 0 };
  return { kind: "Config", items, span: joinSpans(first, c.peek().span) };
}

function parseTopItem(c: Cursor, files: readonly SourceFile[]): TopItem | undefined {
  const t = c.peek();
  if (t.kind === "punct" && t.text === ";") {
    c.next();
    return undefined;
  }
  if (t.kind === "ident") {
    if (t.text in ROUTE_KEYWORDS && (c.isPunct("{", 1) || c.isPunct("[", 1))) return parseRoute(c, files);
    if (t.text === "loadmodule") return parseLoadModule(c);
    if (t.text === "loadpath" || t.text === "mpath") return parseLoadPath(c);
    if (t.text === "modparam") return parseModParam(c);
    if (t.text === "flags" && !c.isPunct("=", 1)) return parseFlags(c);
    if (c.isPunct("=", 1)) return parseCoreParam(c, files);
    if (c.isPunct(".", 1) && c.peek(2).kind === "ident" && c.isPunct("=", 3)) return parseCfgVar(c);
    // A word may start `ID EQUAL ...` or `ID DOT ID EQUAL ...` (core/cfg.y), so Kamailio's parser
    // takes it and fails on the token after it.
    const next = c.peek(1);
    if (next.kind !== "eof") {
      c.error("syntax_error", "syntax error", next.span);
      skipToTopItem(c);
      return undefined;
    }
  }
  c.error("syntax_error", "syntax error", t.span);
  skipToTopItem(c);
  return undefined;
}

/** Skips to a token that can start a top-level item. */
function skipToTopItem(c: Cursor): void {
  c.next();
  let depth = 0;
  while (!c.atEnd) {
    const t = c.peek();
    if (c.isPunct("{")) depth++;
    else if (c.isPunct("}")) depth = Math.max(0, depth - 1);
    else if (depth === 0 && t.kind === "ident" && t.nl) {
      if (
        t.text in ROUTE_KEYWORDS ||
        t.text === "loadmodule" ||
        t.text === "modparam" ||
        c.isPunct("=", 1) ||
        c.isPunct(".", 1)
      )
        return;
    }
    c.next();
  }
}

function parseLoadModule(c: Cursor): TopItem | undefined {
  const kw = c.next();
  const arg = c.peek();
  if (arg.kind !== "string") {
    c.error("syntax_error", "syntax error", arg.span);
    return undefined;
  }
  c.next();
  c.eat(";");
  const path = String(arg.value);
  const module = (path.split("/").pop() ?? "").replace(/\.so$/, "");
  return { kind: "LoadModule", path, module, pathSpan: arg.span, span: joinSpans(kw.span, arg.span) };
}

/** `flags NAME[:POS], ...` (core/cfg.y flags_decl: `flag_name` is a string or a word; docs/kamailio/language.md#flags). */
function parseFlags(c: Cursor): FlagsDecl | undefined {
  const kw = c.next();
  const flags: FlagsDecl["flags"] = [];
  for (;;) {
    const t = c.peek();
    if (t.kind !== "ident" && t.kind !== "string") {
      c.error("syntax_error", "syntax error: flag list expected", t.span);
      skipToTopItem(c);
      return undefined;
    }
    c.next();
    const name = t.kind === "string" ? String(t.value) : t.text;
    if (c.eat(":")) {
      const n = c.peek();
      if (n.kind !== "number") {
        c.error("syntax_error", "syntax error: flag list expected", n.span);
        skipToTopItem(c);
        return undefined;
      }
      c.next();
      flags.push({ name, pos: n.value as number, span: joinSpans(t.span, n.span) });
    } else flags.push({ name, span: t.span });
    if (!c.eat(",")) break;
  }
  c.eat(";");
  const last = flags[flags.length - 1] as FlagsDecl["flags"][number];
  return { kind: "FlagsDecl", flags, span: joinSpans(kw.span, last.span) };
}

function parseLoadPath(c: Cursor): TopItem | undefined {
  const kw = c.next();
  c.eat("=");
  const arg = c.peek();
  if (arg.kind !== "string") {
    c.error("syntax_error", "syntax error", arg.span);
    return undefined;
  }
  c.next();
  c.eat(";");
  return { kind: "LoadPath", path: String(arg.value), span: joinSpans(kw.span, arg.span) };
}

/** `modparam("module", "param", "string" | int)` (docs/kamailio/language.md#modules-and-modparam). */
function parseModParam(c: Cursor): ModParam | undefined {
  const kw = c.next();
  if (!c.expect("(")) return void skipToTopItem(c);
  const mod = c.next();
  if (mod.kind !== "string" || !c.expect(",")) return fail(c, mod.span);
  const param = c.next();
  if (param.kind !== "string" || !c.expect(",")) return fail(c, param.span);
  const neg = c.eat("-");
  const v = c.next();
  if (!(v.kind === "string" && !neg) && v.kind !== "number") return fail(c, v.span);
  if (!c.expect(")")) return void skipToTopItem(c);
  c.eat(";");
  const valueSpan = neg ? joinSpans(neg.span, v.span) : v.span;
  return {
    kind: "ModParam",
    module: String(mod.value),
    moduleSpan: mod.span,
    param: String(param.value),
    paramSpan: param.span,
    value: v.kind === "number" ? (neg ? -(v.value as number) : (v.value as number)) : String(v.value),
    valueType: v.kind === "number" ? "int" : "string",
    valueSpan,
    span: c.spanFrom(kw.span),
  };
}

/** `group.name = value [desc "text"]`: a custom config variable (core cfg framework). */
function parseCfgVar(c: Cursor): CfgVar | undefined {
  const group = c.next();
  c.next();
  const name = c.next();
  c.next();
  const neg = c.eat("-");
  const v = c.next();
  if (!(v.kind === "string" && !neg) && v.kind !== "number") return fail(c, v.span);
  const item: CfgVar = {
    kind: "CfgVar",
    group: group.text,
    name: name.text,
    value: v.kind === "number" ? (neg ? -(v.value as number) : (v.value as number)) : String(v.value),
    span: group.span,
  };
  if (c.isWord("desc")) {
    c.next();
    const d = c.next();
    if (d.kind !== "string") return fail(c, d.span);
    item.desc = String(d.value);
  }
  c.eat(";");
  item.span = c.spanFrom(group.span);
  return item;
}

function fail(c: Cursor, span: Span): undefined {
  c.error("syntax_error", "syntax error", span);
  skipToTopItem(c);
  return undefined;
}

/**
 * `name = value`. Kamailio's grammar has a rule per parameter; kamsim reads the value as the
 * tokens up to the end of the line and lets the checker judge it against the parameter's type.
 */
function parseCoreParam(c: Cursor, files: readonly SourceFile[]): CoreParam {
  const name = c.next();
  c.next();
  const toks: Token[] = [];
  while (!c.atEnd) {
    const t = c.peek();
    if (toks.length > 0 && (t.nl || (t.kind === "ident" && c.isPunct("=", 1)))) break;
    if (t.kind === "punct" && (t.text === ";" || t.text === "{" || t.text === "}")) break;
    toks.push(c.next());
  }
  c.eat(";");
  const value = coreValue(toks, files, c.prev().span);
  if (toks.length === 0) c.error("syntax_error", "syntax error: value expected", c.peek().span);
  return { kind: "CoreParam", name: name.text, nameSpan: name.span, value, span: joinSpans(name.span, value.span) };
}

function coreValue(toks: Token[], files: readonly SourceFile[], fallback: Span): CoreValue {
  const first = toks[0];
  const last = toks[toks.length - 1];
  if (!first || !last) return { type: "phrase", value: "", span: fallback };
  const span = joinSpans(first.span, last.span);
  if (toks.length === 1 && first.kind === "number") return { type: "int", value: first.value as number, span };
  if (toks.length === 2 && first.text === "-" && last.kind === "number")
    return { type: "int", value: -(last.value as number), span };
  if (toks.length === 1 && first.kind === "string") return { type: "string", value: String(first.value), span };
  if (toks.length === 1 && first.kind === "ident") return { type: "id", value: first.text, span };
  const sameFile = toks.every((t) => t.span.file === first.span.file);
  const text = sameFile
    ? (files[first.span.file]?.text ?? "").slice(span.start, span.end)
    : toks.map((t) => t.text).join(" ");
  return { type: "phrase", value: text, span };
}

/** A route block: keyword, optional `[name]`, body (docs/kamailio/language.md#route-blocks). */
function parseRoute(c: Cursor, files: readonly SourceFile[]): RouteBlock | undefined {
  const kw = c.next();
  const keyword = kw.text;
  let name: string | undefined;
  let nameSpan: Span | undefined;
  if (c.eat("[")) {
    const r = keyword === "event_route" ? eventName(c, files) : routeName(c);
    if (!r) return void skipToTopItem(c);
    ({ name, nameSpan } = r);
    if (!c.expect("]")) return void skipToTopItem(c);
  }
  if (name !== undefined && NO_NAME.has(keyword)) {
    c.error("syntax_error", "syntax error", nameSpan as Span);
  }
  if (name === undefined && NEEDS_NAME.has(keyword)) {
    c.error("syntax_error", "syntax error", c.peek().span);
  }
  if (!c.isPunct("{")) {
    c.error("syntax_error", "syntax error", c.peek().span);
    return void skipToTopItem(c);
  }
  const body = parseBlock(c);
  const isMain = name === undefined || name === "0" || name === "DEFAULT_ROUTE";
  let routeKind = ROUTE_KEYWORDS[keyword] as RouteKindName;
  if (keyword === "route" && !isMain) routeKind = "route";
  if (routeKind === "reply" && !isMain) routeKind = "onreply";
  const block: RouteBlock = { kind: "RouteBlock", routeKind, keyword, body, span: c.spanFrom(kw.span) };
  if (name !== undefined && !(isMain && (routeKind === "request" || routeKind === "reply"))) {
    block.name = name;
    block.nameSpan = nameSpan as Span;
  }
  return block;
}

function routeName(c: Cursor): { name: string; nameSpan: Span } | undefined {
  const t = c.next();
  if (t.kind === "ident") return { name: t.text, nameSpan: t.span };
  if (t.kind === "number" || t.kind === "string") return { name: String(t.value), nameSpan: t.span };
  c.error("syntax_error", "syntax error", t.span);
  return undefined;
}

/** `event_route[module:event-name]`: the raw text up to `]`, checked like Kamailio's lexer. */
function eventName(c: Cursor, files: readonly SourceFile[]): { name: string; nameSpan: Span } | undefined {
  const toks: Token[] = [];
  while (!c.atEnd && !c.isPunct("]") && !c.isPunct("{")) toks.push(c.next());
  const first = toks[0];
  const last = toks[toks.length - 1];
  if (!first || !last) {
    c.error("syntax_error", "syntax error", c.peek().span);
    return undefined;
  }
  const nameSpan = joinSpans(first.span, last.span);
  const raw =
    toks.length === 1 && first.kind === "string"
      ? String(first.value)
      : (files[first.span.file]?.text ?? "").slice(nameSpan.start, nameSpan.end);
  if (!EVENT_NAME.test(raw)) {
    c.error("bad_event_route", "syntax error", nameSpan);
    return undefined;
  }
  return { name: raw, nameSpan };
}
