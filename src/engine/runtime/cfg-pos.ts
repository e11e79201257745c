/**
 * Kamailio's own position of an expression (rve->fpos), which its messages print: "runaway
 * while (L, C)", "rval expression conversion to int failed (L,C-L,C)". cfg.y builds them so:
 * a binary expression joins its operands' positions; a unary one takes its operand's; a leaf
 * takes the lexer's current token when the parser reduces it — for a function call its closing
 * parenthesis, for a literal the literal itself, for a pseudo-variable (or keyword) its own
 * text, except right after an opening parenthesis, where the parser reads the next token before
 * it reduces, so the whole next token is named. (Derived from cfg.y/rvalue.c and checked on
 * 5.6.3: `while ($var(i) < 100)` → the `<`, `if ( $var(t) >= 5 )` → the `>=`, `while ($var(n))`
 * → the `)`, `$x = $var(t) < 5` and `return $var(t) < 2` → `$var(t)`, `a && $var(t) < 5` →
 * `$var(t)`, `!$var(z)` → `$var(z)`.)
 */

import type { SourceFile, Span } from "../base/source.js";
import type { Expr, Stmt } from "../lang/ast.js";
import type { CfgPos, CompileEnv } from "./env.js";

/** The position Kamailio gives `e`. */
export function kamailioPos(e: Expr, files: readonly SourceFile[], pos: (s: Span) => CfgPos): CfgPos {
  switch (e.kind) {
    case "BinaryExpr": {
      const a = kamailioPos(e.left, files, pos);
      const b = kamailioPos(e.right, files, pos);
      return { line: a.line, col: a.col, endLine: b.endLine, endCol: b.endCol };
    }
    case "UnaryExpr":
    case "CastExpr":
      return kamailioPos(e.operand, files, pos);
    case "CallExpr":
    case "RouteCall":
    case "BuiltinExpr":
      return pos({ ...e.span, start: e.span.end - 1 });
    case "PvarExpr":
    case "KeywordExpr": {
      const text = files[e.span.file]?.text ?? "";
      if (!afterParen(text, e.span.start)) return pos(e.span);
      const next = nextToken(text, e.span.end);
      return pos({ file: e.span.file, start: next, end: next + tokenLength(text, next) });
    }
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

/** Whether the character before `at` (white space skipped) opens a parenthesis. */
function afterParen(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && (text[i] === " " || text[i] === "\t" || text[i] === "\r" || text[i] === "\n")) i--;
  return text[i] === "(";
}

/** Two-character operators of cfg.y's lexer. */
const PAIRS = new Set(["&&", "||", "==", "!=", "<=", ">=", "=~", "<<", ">>"]);

/** The length of the token at `at`: a word operator (`mod`, `eq`...), a two-character operator, or one character. */
function tokenLength(text: string, at: number): number {
  const word = /^[A-Za-z_]+/.exec(text.slice(at, at + 16));
  if (word) return word[0].length;
  return PAIRS.has(text.slice(at, at + 2)) ? 2 : 1;
}
