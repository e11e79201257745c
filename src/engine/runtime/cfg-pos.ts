/**
 * Kamailio's own position of an expression (rve->fpos), which its messages print: "runaway
 * while (L, C)", "rval expression conversion to int failed (L,C-L,C)". cfg.y builds them so:
 * a binary expression joins its operands' positions; a unary one takes its operand's; a leaf
 * takes the lexer's current token when the parser reduces it — for a pseudo-variable that is
 * the token after it, unless it is a right or unary operand; for a function call its closing
 * parenthesis; for a literal the literal itself. (Derived from cfg.y/rvalue.c and checked on
 * 5.6.3: `while ($var(i) < 100)` → the `<`, `while ($var(n))` → the `)`, `!$var(z)` → `$var(z)`.)
 */

import type { SourceFile, Span } from "../base/source.js";
import type { Expr, Stmt } from "../lang/ast.js";
import type { CfgPos, CompileEnv } from "./env.js";

type Role = "left" | "right" | "unary" | "bare";

/** The position Kamailio gives `e` in the role it has in its parent expression. */
export function kamailioPos(e: Expr, role: Role, files: readonly SourceFile[], pos: (s: Span) => CfgPos): CfgPos {
  switch (e.kind) {
    case "BinaryExpr": {
      const a = kamailioPos(e.left, "left", files, pos);
      const b = kamailioPos(e.right, "right", files, pos);
      return { line: a.line, col: a.col, endLine: b.endLine, endCol: b.endCol };
    }
    case "UnaryExpr":
    case "CastExpr":
      return kamailioPos(e.operand, "unary", files, pos);
    case "CallExpr":
    case "RouteCall":
    case "BuiltinExpr":
      return pos({ ...e.span, start: e.span.end - 1 });
    case "PvarExpr":
    case "KeywordExpr":
      if (role === "left" || role === "bare") {
        const next = nextToken(files[e.span.file]?.text ?? "", e.span.end);
        return pos({ file: e.span.file, start: next, end: next + 1 });
      }
      return pos(e.span);
    default:
      return pos(e.span);
  }
}

/**
 * The line Kamailio records for a statement's action (cfg_action_t.cline, printed as `cfg line`):
 * cfg.y's set_cfg_pos() takes the lexer's line when the rule is reduced. That is the statement's
 * last token, except for an `if` without `else`, which the parser reduces only after reading the
 * token that follows it (to see there is no `else`). Checked on 5.6.3: an `if` ending on line 18
 * followed by a statement on line 19 reports 19; an xlog call written over lines 19-20 reports 20.
 */
export function actionLine(s: Stmt, files: readonly SourceFile[], pos: (s: Span) => CfgPos): number {
  if (s.kind === "IfStmt") {
    if (s.else) return actionLine(s.else, files, pos);
    const next = nextToken(files[s.span.file]?.text ?? "", s.span.end);
    return pos({ file: s.span.file, start: next, end: next + 1 }).line;
  }
  return pos({ ...s.span, start: Math.max(s.span.start, s.span.end - 1) }).line;
}

/** Compiles statement `s` with `env.actionLine` set to its action's line, restoring it after. */
export function atActionLine<T>(s: Stmt, env: CompileEnv, compile: () => T): T {
  const outer = env.actionLine;
  env.actionLine = actionLine(s, env.files, env.pos);
  try {
    return compile();
  } finally {
    env.actionLine = outer;
  }
}

/** Offset of the next token after `from`, skipping white space and comments. */
function nextToken(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const c = text[i];
    if (c === " " || c === "\t" || c === "\r" || c === "\n") i++;
    else if (c === "#" || (c === "/" && text[i + 1] === "/")) {
      const nl = text.indexOf("\n", i);
      i = nl < 0 ? text.length : nl;
    } else if (c === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      i = end < 0 ? text.length : end + 2;
    } else break;
  }
  return Math.min(i, Math.max(0, text.length - 1));
}
