/**
 * The lexer as an editor needs it: every token with its offsets, comments included, and whether
 * the text ends inside a string or a pseudo-variable (where a cursor is while typing). And one
 * line at a time, for a line-based highlighter, with the state a line leaves to the next: inside
 * a block comment (nested, as cfg.lex nests them), a string, or a directive continued by a
 * backslash. It is the engine's own Lexer underneath, so the editor sees the text exactly as the
 * checker does (an unknown `#!word` is a comment, `!!define` is a directive, strings join...).
 */
import { DiagnosticBag } from "./diagnostics.js";
import { directiveContinues, Lexer, type LexerOptions, sourceOffsetInString } from "./lexer.js";
import { parseFormat } from "./pv-spec.js";
import type { Token } from "./tokens.js";

export type ScanKind = "ident" | "number" | "string" | "pvar" | "ipv4" | "ipv6" | "punct" | "directive" | "comment";

/** One token of the text, by offsets; comments are tokens too. */
export interface ScanToken {
  kind: ScanKind;
  /** Offset of the first character. */
  start: number;
  /** Offset just past the last character. */
  end: number;
  /** The text as written. */
  text: string;
  /**
   * What the lexer made of it: a string's contents (escapes applied), a number's value, a
   * directive's lower-case name (`shebang` for `#!KAMAILIO`); otherwise the text.
   */
  value: string | number;
  /** The text ended inside it (a string, block comment or pseudo-variable not closed). */
  open?: boolean;
  /** For directives: offset where the text after the directive's name starts. */
  argsStart?: number;
  /** For strings: the quote that opened it. */
  quote?: '"' | "'";
}

/** Where a line leaves the text: inside a block comment, a string, a continued directive, or none. */
export interface LineState {
  /** This is the file's first line (only there is `#!KAMAILIO` a mode marker). */
  readonly first: boolean;
  /** Depth of the block comment the line ends in; 0 when none. */
  readonly comment: number;
  /** Quote of the string the line ends in; "" when none. */
  readonly quote: "" | '"' | "'";
  /** The line ends a `#!define` continued by a backslash. */
  readonly directive: boolean;
}

/** The state before a file's first line. */
export const FIRST_LINE: LineState = { first: true, comment: 0, quote: "", directive: false };

function fromToken(t: Token, offset: number): ScanToken {
  const out: ScanToken = {
    kind: t.kind as ScanKind,
    start: t.span.start + offset,
    end: t.span.end + offset,
    text: t.text,
    value: t.value,
  };
  if (t.open) out.open = true;
  if (t.quote) out.quote = t.quote;
  if (t.argsSpan) out.argsStart = t.argsSpan.start + offset;
  return out;
}

/** Lexes `text` with the engine's Lexer; comments come in their place (reported before the token after them). */
function lex(text: string, options: LexerOptions): { tokens: ScanToken[]; last: Token | undefined } {
  const tokens: ScanToken[] = [];
  options.onComment = (start, end, depth) => {
    const c: ScanToken = { kind: "comment", start, end, text: text.slice(start, end), value: depth };
    if (depth > 0) c.open = true;
    tokens.push(c);
  };
  const lexer = new Lexer(text, 0, new DiagnosticBag(), options);
  let last: Token | undefined;
  for (let t = lexer.next(); t.kind !== "eof"; t = lexer.next()) {
    tokens.push(fromToken(t, 0));
    last = t;
  }
  return { tokens, last };
}

/** Tokens of `text` up to `end` (a cursor, for completion), comments and directives included. */
export function scanText(text: string, end = text.length): ScanToken[] {
  return lex(end < text.length ? text.slice(0, end) : text, {}).tokens;
}

/**
 * Tokens of one line (without its newline) given the state the previous line left, and the
 * state this one leaves. Offsets are within the line.
 */
export function scanLine(line: string, state: LineState): { tokens: ScanToken[]; state: LineState } {
  if (state.directive) {
    // The whole line belongs to the directive above; it may continue once more.
    const tok: ScanToken = { kind: "directive", start: 0, end: line.length, text: line, value: "", argsStart: 0 };
    const directive = /\\\r?$/.test(line);
    return { tokens: line ? [tok] : [], state: { first: false, comment: 0, quote: "", directive } };
  }
  const options: LexerOptions = { atFileStart: state.first };
  if (state.comment > 0) options.startIn = { comment: state.comment };
  else if (state.quote) options.startIn = { quote: state.quote };
  const { tokens, last } = lex(line, options);
  const tail = tokens[tokens.length - 1];
  const next: LineState = {
    first: false,
    comment: tail?.kind === "comment" && tail.open ? Number(tail.value) : 0,
    quote: tail?.kind === "string" && tail.open ? (tail.quote ?? '"') : "",
    directive: last !== undefined && tail?.kind === "directive" && directiveContinues(last),
  };
  return { tokens, state: next };
}

/** A pseudo-variable written inside a string token, by offsets into the same text. */
export interface StringPv {
  start: number;
  end: number;
  text: string;
}

/**
 * The pseudo-variables a string token holds, found as a format string's are (`$$` is a `$`,
 * a malformed reference is none), at their offsets in the source text.
 */
export function stringPvs(t: ScanToken): StringPv[] {
  if (t.kind !== "string" || typeof t.value !== "string" || !t.value.includes("$")) return [];
  // A piece of a string resumed on a later line has no opening quote of its own.
  const opened = t.text[0] === t.quote;
  const raw = opened ? t.text : `${t.quote ?? '"'}${t.text}`;
  const shift = t.start - (opened ? 0 : 1);
  const at = (valueOffset: number) => (t.quote === "'" ? valueOffset + 1 : sourceOffsetInString(raw, valueOffset));
  const out: StringPv[] = [];
  for (const part of parseFormat(t.value).parts) {
    if (part.kind !== "pv") continue;
    const start = at(part.offset);
    const end = at(part.offset + part.spec.text.length - 1) + 1;
    out.push({ start: start + shift, end: end + shift, text: raw.slice(start, end) });
  }
  return out;
}
