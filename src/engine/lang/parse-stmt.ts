/**
 * Statements inside route blocks (docs/kamailio/language.md#statements): calls, assignments, `if`/`else`, `while`,
 * `switch`/`case`/`default`, `return`/`exit`/`drop`/`break`. Error-tolerant: a bad statement
 * is reported and skipped up to the next `;` or `}` so that the rest is still parsed.
 */

import type { Span } from "../base/source.js";
import type { Block, CaseClause, Stmt } from "./ast.js";
import type { Cursor } from "./cursor.js";
import { parseCall, parseExpr, parseRouteCall, pvarExpr, stringLit } from "./parse-expr.js";

/** `{ stmts }`; the cursor is on `{`. Reports a missing `}` at the end of the text. */
export function parseBlock(c: Cursor): Block {
  const open = c.next();
  const stmts: Stmt[] = [];
  // An empty block is a syntax error at its `}` (core/cfg.y: `actions` needs one; `;` is one).
  if (c.isPunct("}")) c.error("syntax_error", "syntax error", c.peek().span);
  while (!c.isPunct("}")) {
    if (c.atEnd) {
      const last = c.prev().span;
      c.error("missing_brace", "syntax error: bad command: missing '}'", { ...last, end: c.peek().span.end });
      return { kind: "Block", stmts, span: c.spanFrom(open.span) };
    }
    const before = c.index;
    const s = parseStmt(c);
    if (s) stmts.push(s);
    if (c.index === before) c.next();
  }
  c.next();
  return { kind: "Block", stmts, span: c.spanFrom(open.span) };
}

/**
 * One statement, or undefined after an error (already reported and skipped). A statement inside
 * another (an `if`'s body, a block's statements) is a level of nesting: past MAX_NESTING the
 * parse stops with Kamailio's "memory exhausted" (cursor.ts).
 */
function parseStmt(c: Cursor): Stmt | undefined {
  // A switch is two levels, its own and its case's: walking it costs later phases about twice
  // an `if`'s stack (bison's too: SWITCH rval_expr LBRACE case_stms, then CASE label COLON).
  const weight = c.isWord("switch") ? 2 : 1;
  if (!c.enter(weight)) return undefined;
  try {
    return parseOneStmt(c);
  } finally {
    c.leave(weight);
  }
}

function parseOneStmt(c: Cursor): Stmt | undefined {
  const t = c.peek();
  if (t.kind === "punct") {
    if (t.text === "{") {
      // A block is not a statement of its own (core/cfg.y: only if/else/while take one).
      c.error("syntax_error", "syntax error", t.span);
      return parseBlock(c);
    }
    if (t.text === ";") {
      c.next();
      return { kind: "EmptyStmt", span: t.span };
    }
  }
  if (t.kind === "pvar") return parseAssign(c);
  if (t.kind === "ident") {
    switch (t.text) {
      case "if":
        return parseIf(c);
      case "while":
        return parseWhile(c);
      case "switch":
        return parseSwitch(c);
      case "return":
      case "exit":
      case "drop":
        return parseReturn(c);
      case "break": {
        c.next();
        endStatement(c);
        return { kind: "BreakStmt", span: t.span };
      }
      case "else":
      case "case":
      case "default":
        return recover(c, t.span);
    }
    if (c.isPunct("(", 1)) {
      const call = t.text === "route" ? parseRouteCall(c) : parseCall(c);
      endStatement(c);
      return { kind: "CallStmt", call, span: call.span };
    }
    if (c.isPunct(";", 1)) {
      c.next();
      c.next();
      const call = { kind: "CallExpr" as const, name: t.text, nameSpan: t.span, args: [], bare: true, span: t.span };
      return { kind: "CallStmt", call, span: t.span };
    }
  }
  return recover(c, t.span);
}

/** Reports a syntax error at `span` and skips to the end of the statement. */
function recover(c: Cursor, span: Span): undefined {
  c.error("syntax_error", "syntax error", span);
  let depth = 0;
  while (!c.atEnd) {
    if (c.isPunct("{")) depth++;
    if (c.isPunct("}")) {
      if (depth === 0) return undefined;
      depth--;
    }
    const t = c.next();
    if (depth === 0 && t.kind === "punct" && t.text === ";") return undefined;
  }
  return undefined;
}

/**
 * A statement's closing `;`. Kamailio reports a missing one at the next token (docs/kamailio/language.md#missing-semicolon):
 * "bad command: missing ';'?". Parsing goes on as if it were there.
 */
function endStatement(c: Cursor): void {
  // At the end of the text the missing `}` (or the error that ate the text) says it all.
  if (c.eat(";") || c.atEnd) return;
  c.error("missing_semicolon", "syntax error: bad command: missing ';'?", c.peek().span);
}

function parseAssign(c: Cursor): Stmt | undefined {
  const t = c.next();
  const target = pvarExpr(t);
  const op = c.peek();
  if (!(op.kind === "punct" && op.text === "=")) {
    if (op.kind === "punct" && /^[-+*/|&^%]$/.test(op.text) && c.isPunct("=", 1)) {
      c.error("syntax_error", `syntax error: there is no '${op.text}=' operator`, op.span);
    }
    return recover(c, op.span);
  }
  c.next();
  const value = parseExpr(c);
  endStatement(c);
  return { kind: "AssignStmt", target, op: "=", value, span: c.spanFrom(t.span) };
}

/** The then/else/loop body: a block or exactly one statement. */
function parseBody(c: Cursor): Stmt {
  if (c.isPunct("{")) return parseBlock(c);
  const s = parseStmt(c);
  return s ?? { kind: "EmptyStmt", span: c.prev().span };
}

function parseIf(c: Cursor): Stmt {
  const kw = c.next();
  const cond = parseExpr(c);
  const then = parseBody(c);
  if (c.isWord("else")) {
    c.next();
    const alt = parseBody(c);
    return { kind: "IfStmt", cond, then, else: alt, span: c.spanFrom(kw.span) };
  }
  return { kind: "IfStmt", cond, then, span: c.spanFrom(kw.span) };
}

function parseWhile(c: Cursor): Stmt {
  const kw = c.next();
  const cond = parseExpr(c);
  const body = parseBody(c);
  return { kind: "WhileStmt", cond, body, span: c.spanFrom(kw.span) };
}

function parseReturn(c: Cursor): Stmt {
  const kw = c.next();
  const keyword = kw.text as "return" | "exit" | "drop";
  if (c.eat(";")) return { kind: "ReturnStmt", keyword, span: kw.span };
  if (c.isPunct("(") && c.isPunct(")", 1)) {
    c.next();
    c.next();
    endStatement(c);
    return { kind: "ReturnStmt", keyword, span: c.spanFrom(kw.span) };
  }
  if (c.isPunct("}")) {
    endStatement(c);
    return { kind: "ReturnStmt", keyword, span: kw.span };
  }
  const value = parseExpr(c);
  endStatement(c);
  return { kind: "ReturnStmt", keyword, value, span: c.spanFrom(kw.span) };
}

function parseSwitch(c: Cursor): Stmt | undefined {
  const kw = c.next();
  const subject = parseExpr(c);
  if (!c.isPunct("{")) return recover(c, c.peek().span);
  c.next();
  const cases: CaseClause[] = [];
  while (!c.isPunct("}") && !c.atEnd) {
    const before = c.index;
    const clause = parseCase(c);
    if (clause) cases.push(clause);
    if (c.index === before) c.next();
  }
  c.expect("}", "syntax error: bad command: missing '}'");
  return { kind: "SwitchStmt", subject, cases, span: c.spanFrom(kw.span) };
}

/** `case LABEL:` / `case /"re":` / `default:` and the actions up to the next label. */
function parseCase(c: Cursor): CaseClause | undefined {
  const kw = c.peek();
  if (!(kw.kind === "ident" && (kw.text === "case" || kw.text === "default"))) {
    recover(c, kw.span);
    return undefined;
  }
  c.next();
  let label: CaseClause["label"];
  let regex = false;
  if (kw.text === "case") {
    if (c.eat("/")) regex = true;
    const neg = c.eat("-");
    const l = c.next();
    if (l.kind === "number")
      label = { kind: "NumberLit", value: neg ? -(l.value as number) : (l.value as number), span: l.span };
    else if (l.kind === "string") label = stringLit(l);
    else c.error("syntax_error", "syntax error: bad case label", l.span);
  }
  c.expect(":");
  const body: Stmt[] = [];
  while (!c.atEnd && !c.isPunct("}") && !c.isWord("case") && !c.isWord("default")) {
    const before = c.index;
    const s = parseStmt(c);
    if (s) body.push(s);
    if (c.index === before) c.next();
  }
  const clause: CaseClause = { kind: "CaseClause", regex, body, span: c.spanFrom(kw.span) };
  if (label) clause.label = label;
  return clause;
}
