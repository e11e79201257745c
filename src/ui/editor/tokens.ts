/**
 * A forgiving tokenizer of Kamailio config text for the editor's helpers (completion context,
 * hover, go to definition, names). It is not the engine's lexer: it never fails, keeps comments
 * and directive lines as tokens, and marks a string, comment or pseudo-variable that the text
 * ends inside of as `open` (that is where the cursor is while typing).
 */

export type TokenKind = "ident" | "string" | "number" | "pv" | "punct" | "comment" | "directive";

export interface Token {
  kind: TokenKind;
  /** Offset of the first character. */
  start: number;
  /** Offset just past the last character. */
  end: number;
  text: string;
  /** The text ended before this string, block comment or pseudo-variable was closed. */
  open?: boolean;
}

const IDENT_START = /[A-Za-z_]/;
const IDENT_PART = /[A-Za-z0-9_]/;
const PV_NAME_PART = /[A-Za-z0-9_.]/;
const DIGIT = /[0-9]/;

/** True when only spaces or tabs stand between the start of the line and `at`. */
function atLineStart(text: string, at: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    const c = text[i];
    if (c === "\n") return true;
    if (c !== " " && c !== "\t") return false;
  }
  return true;
}

function lineEnd(text: string, from: number, end: number): number {
  const nl = text.indexOf("\n", from);
  return nl === -1 || nl > end ? end : nl;
}

/** A directive line, continued by a trailing backslash (`#!define X a \` + next line). */
function directiveEnd(text: string, from: number, end: number): number {
  let at = lineEnd(text, from, end);
  while (at < end && text[at - 1] === "\\") at = lineEnd(text, at + 1, end);
  return at;
}

/** `/* … *\/`, nested as Kamailio's lexer nests them (cfg.lex, COMMENT state). */
function blockCommentEnd(text: string, from: number, end: number): { end: number; open: boolean } {
  let depth = 0;
  let i = from;
  while (i < end) {
    if (text.startsWith("/*", i) && i + 1 < end) {
      depth++;
      i += 2;
    } else if (text.startsWith("*/", i) && i + 1 < end) {
      depth--;
      i += 2;
      if (depth === 0) return { end: i, open: false };
    } else i++;
  }
  return { end, open: true };
}

function stringEnd(text: string, from: number, end: number): { end: number; open: boolean } {
  const quote = text[from];
  let i = from + 1;
  while (i < end) {
    const c = text[i];
    if (c === "\\") i += 2;
    else if (c === quote) return { end: i + 1, open: false };
    else i++;
  }
  return { end, open: true };
}

/** Skips balanced parentheses starting at `(`; quotes inside do not count. */
function parenEnd(text: string, from: number, end: number, close = ")"): { end: number; open: boolean } {
  const openChar = close === ")" ? "(" : "[";
  let depth = 0;
  for (let i = from; i < end; i++) {
    const c = text[i];
    if (c === openChar) depth++;
    else if (c === close && --depth === 0) return { end: i + 1, open: false };
    else if (c === "\n") return { end: i, open: true };
  }
  return { end, open: true };
}

/** `$name`, `$name(inner)`, `$name(inner)[index]`, `$(name{transformations})`. */
function pvEnd(text: string, from: number, end: number): { end: number; open: boolean } {
  let i = from + 1;
  if (text[i] === "(") return parenEnd(text, i, end);
  if (text[i] === "?") return { end: i + 1, open: false };
  while (i < end && PV_NAME_PART.test(text[i] as string)) i++;
  if (i < end && text[i] === "(") {
    const inner = parenEnd(text, i, end);
    if (inner.open) return inner;
    i = inner.end;
  } else if (i === end && i > from + 1) {
    // The text stops inside the name: still being typed.
    return { end, open: false };
  }
  if (i < end && text[i] === "[") return parenEnd(text, i, end, "]");
  return { end: i, open: false };
}

function scanOne(text: string, i: number, end: number): Token {
  const c = text[i] as string;
  const two = text.slice(i, i + 2);
  const make = (kind: TokenKind, to: number, open?: boolean): Token => {
    const t: Token = { kind, start: i, end: to, text: text.slice(i, to) };
    if (open) t.open = true;
    return t;
  };
  if ((two === "#!" || two === "!!") && atLineStart(text, i)) return make("directive", directiveEnd(text, i, end));
  if (c === "#" || two === "//") return make("comment", lineEnd(text, i, end));
  if (two === "/*") {
    const r = blockCommentEnd(text, i, end);
    return make("comment", r.end, r.open);
  }
  if (c === '"' || c === "'") {
    const r = stringEnd(text, i, end);
    return make("string", r.end, r.open);
  }
  if (c === "$") {
    const r = pvEnd(text, i, end);
    return make("pv", r.end, r.open);
  }
  if (IDENT_START.test(c)) {
    let j = i + 1;
    while (j < end && IDENT_PART.test(text[j] as string)) j++;
    return make("ident", j);
  }
  if (DIGIT.test(c)) {
    let j = i + 1;
    while (j < end && /[0-9A-Fa-fx]/.test(text[j] as string)) j++;
    return make("number", j);
  }
  return make("punct", i + 1);
}

/** Tokens of `text` up to `end` (the cursor, for completion), comments and directives included. */
export function tokenize(text: string, end = text.length): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < end) {
    const c = text[i] as string;
    if (c === " " || c === "\t" || c === "\n" || c === "\r") {
      i++;
      continue;
    }
    const t = scanOne(text, i, end);
    out.push(t);
    i = t.end;
  }
  return out;
}

/** Only the tokens that are code (no comments, no directive lines). */
export function codeTokens(tokens: readonly Token[]): Token[] {
  return tokens.filter((t) => t.kind !== "comment" && t.kind !== "directive");
}

/** The text of a string token without its quotes. */
export function unquote(t: Token): string {
  if (t.kind !== "string") return t.text;
  return t.text.slice(1, t.open ? undefined : -1);
}

/** Whether a newline stands between two offsets. */
export function newlineBetween(text: string, from: number, to: number): boolean {
  return text.slice(from, to).includes("\n");
}

/** Pseudo-variables written inside a string token (`"src [$si] $mqk(alert)"`), as pv tokens. */
export function embeddedPvs(t: Token): Token[] {
  if (t.kind !== "string") return [];
  const out: Token[] = [];
  const s = t.text;
  const end = t.open ? s.length : s.length - 1;
  let i = 1;
  while (i < end) {
    if (s[i] === "\\") i += 2;
    else if (s[i] === "$" && s[i + 1] !== "$") {
      const r = pvEnd(s, i, end);
      out.push({
        kind: "pv",
        start: t.start + i,
        end: t.start + r.end,
        text: s.slice(i, r.end),
        ...(r.open ? { open: true } : {}),
      });
      i = Math.max(r.end, i + 1);
    } else i++;
  }
  return out;
}
