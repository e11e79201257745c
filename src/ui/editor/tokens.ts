/**
 * The editor's tokens: the engine's own lexer (scanText), with comments and directive lines as
 * tokens and `open` on a string, comment or pseudo-variable the text ends inside of (that is
 * where the cursor is while typing). The helpers (completion context, hover, go to definition,
 * names) read the text exactly as the checker does.
 */
import { type ScanToken, scanText, stringPvs } from "../../engine/index.js";

export type Token = ScanToken;
export type TokenKind = ScanToken["kind"];

/** Tokens of `text` up to `end` (the cursor, for completion), comments and directives included. */
export function tokenize(text: string, end = text.length): Token[] {
  return scanText(text, end);
}

/** Only the tokens that are code (no comments, no directive lines). */
export function codeTokens(tokens: readonly Token[]): Token[] {
  return tokens.filter((t) => t.kind !== "comment" && t.kind !== "directive");
}

/** The text of a string token without its quotes, as written (offsets stay those of the source). */
export function unquote(t: Token): string {
  if (t.kind !== "string") return t.text;
  return t.text.slice(1, t.open ? undefined : -1);
}

/**
 * A word being typed: an identifier, or one the lexer reads as a boolean number (`on`, `no`,
 * `yes`...) that is also the start of longer words (`onreply_route`, `not`).
 */
export function isWord(t: Token): boolean {
  return t.kind === "ident" || (t.kind === "number" && /^[A-Za-z]/.test(t.text));
}

/** Whether a newline stands between two offsets. */
export function newlineBetween(text: string, from: number, to: number): boolean {
  return text.slice(from, to).includes("\n");
}

/** Pseudo-variables written inside a string token (`"src [$si] $mqk(alert)"`), as pvar tokens. */
export function embeddedPvs(t: Token): Token[] {
  return stringPvs(t).map((p) => ({ kind: "pvar", start: p.start, end: p.end, text: p.text, value: p.text }));
}
