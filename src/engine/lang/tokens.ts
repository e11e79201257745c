/** Tokens produced by the lexer and rearranged by the preprocessor. */
import type { Span } from "../base/source.js";

export type TokenKind =
  /** A word: keyword, function, core parameter, route name, define name. */
  | "ident"
  /** An integer literal in any base, or one of yes/no/on/off/true/false/enable/disable. */
  | "number"
  /** A string literal; `value` holds it with escapes processed and adjacent strings joined. */
  | "string"
  /** A pseudo-variable in any of its forms (`$si`, `$var(x)`, `$(avp(x)[*])`, ...). */
  | "pvar"
  /** An IPv4 address. */
  | "ipv4"
  /** An IPv6 address, bare or in brackets. */
  | "ipv6"
  /** An operator or punctuation mark; `text` is the mark. */
  | "punct"
  /** A preprocessor directive (`#!define`, `!!ifdef`, ...); `value` is its lower-case name. */
  | "directive"
  | "eof";

export interface Token {
  kind: TokenKind;
  /** The token exactly as written in the source. */
  text: string;
  /** Processed value: string contents, numeric value, directive name; otherwise `text`. */
  value: string | number;
  span: Span;
  /** A line break lies between the previous token and this one. */
  nl: boolean;
  /** The text ended inside it: a string or a pseudo-variable's parenthesis left open. */
  open?: boolean;
  /** For strings: the quote that opened it. */
  quote?: '"' | "'";
  /** For directives: the text after the directive's name (continuations joined). */
  args?: string;
  /** For directives: span of `args` in the source. */
  argsSpan?: Span;
}
