/**
 * The lexer: Kamailio config text → tokens (docs/kamailio/language.md#lexical-layer), with exact spans.
 *
 * It mirrors cfg.lex where it matters to users: `#`, `//` and nesting block comments; `#!` and
 * `!!` directives (an unknown `#!word` is a comment); double-quoted strings with Kamailio's
 * escapes joined across whitespace; raw single-quoted strings; numbers in decimal, hex, octal
 * and binary; boolean words; IPv4/IPv6 addresses; pseudo-variables with balanced parentheses.
 */

import type { Span } from "../base/source.js";
import type { DiagnosticBag } from "./diagnostics.js";
import { BOOL_WORDS, DEFINE_LIKE, DIRECTIVES, PUNCTS_BY_FIRST, SHEBANGS } from "./lexer-tables.js";
import type { Token, TokenKind } from "./tokens.js";

const isIdStart = (c: string) => (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c === "_";
const isDigit = (c: string) => c >= "0" && c <= "9";
const isIdChar = (c: string) => isIdStart(c) || isDigit(c);
const isSpace = (c: string) => c === " " || c === "\t" || c === "\r" || c === "\n" || c === "\f" || c === "\b";

const IPV4 = /\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}(?![\d.])/y;
const IPV6_BRACKETED = /\[[0-9a-fA-F:.]*:[0-9a-fA-F:.]*\]/y;
const IPV6_BARE = /(?:[0-9a-fA-F]{0,4}:){2,7}(?:[0-9a-fA-F]{1,4}|\d{1,3}(?:\.\d{1,3}){3})?(?![\w:])/y;

/**
 * For a front end that lexes a piece of text (the editor, a line at a time): comments reported
 * instead of only skipped, and a piece that starts inside a block comment or a string.
 */
export interface LexerOptions {
  /** Every comment skipped; `depth` > 0 when the text ends inside a block comment that deep. */
  onComment?: (start: number, end: number, depth: number) => void;
  /** The text starts inside a block comment this deep, or inside a string opened by this quote. */
  startIn?: { comment: number } | { quote: '"' | "'" };
  /** False when the text is not the start of a file: `#!KAMAILIO` is then a comment. */
  atFileStart?: boolean;
}

/** Turns one file's text into tokens on demand. */
export class Lexer {
  private pos = 0;
  private sawNewline = true;
  private startIn: LexerOptions["startIn"];
  /** The last bracket scan reached the end of the text unclosed. */
  private openAtEnd = false;

  constructor(
    private readonly text: string,
    private readonly file: number,
    private readonly diags: DiagnosticBag,
    private readonly options: LexerOptions = {},
  ) {
    this.startIn = options.startIn;
  }

  private span(start: number, end = this.pos): Span {
    return { file: this.file, start, end };
  }

  private make(kind: TokenKind, start: number, value?: string | number): Token {
    const text = this.text.slice(start, this.pos);
    const tok: Token = { kind, text, value: value ?? text, span: this.span(start), nl: this.sawNewline };
    this.sawNewline = false;
    return tok;
  }

  /** The next token, skipping white space and comments. Always ends with an `eof` token. */
  next(): Token {
    const resumed = this.resume();
    if (resumed) return resumed;
    for (;;) {
      this.skipSpace();
      const start = this.pos;
      if (start >= this.text.length) return this.make("eof", start, "");
      const c = this.text[start] as string;
      const d = this.text[start + 1] ?? "";
      if (c === "#") {
        const dir = this.directive(start, 1);
        if (dir) return dir;
        this.lineComment(start);
        continue;
      }
      if (c === "!" && d === "!") {
        const dir = this.directive(start, 2);
        if (dir) return dir;
      }
      if (c === "/" && d === "/") {
        this.lineComment(start);
        continue;
      }
      if (c === "/" && d === "*") {
        this.blockComment(start);
        continue;
      }
      return this.token(start, c, d);
    }
  }

  /** The first call of a lexer that starts inside a comment or a string (`options.startIn`). */
  private resume(): Token | undefined {
    const from = this.startIn;
    if (!from) return undefined;
    this.startIn = undefined;
    if ("comment" in from) {
      this.blockComment(0, from.comment);
      return undefined;
    }
    return from.quote === '"' ? this.doubleQuoted(0, 0) : this.singleQuoted(0, 0);
  }

  private lineComment(start: number): void {
    this.skipLine();
    this.options.onComment?.(start, this.pos, 0);
  }

  private token(start: number, c: string, d: string): Token {
    if (c === '"') return this.doubleQuoted(start);
    if (c === "'") return this.singleQuoted(start);
    if (c === "$") return this.pvar(start);
    if (isDigit(c) || (c === ":" && d === ":") || (c === "[" && d !== "")) {
      const addr = this.address(start);
      if (addr) return addr;
    }
    if (isDigit(c)) return this.number(start);
    if (isIdStart(c)) {
      const v6 = this.bareIpv6Word(start);
      if (v6) return v6;
      while (this.pos < this.text.length && isIdChar(this.text[this.pos] as string)) this.pos++;
      const word = this.text.slice(start, this.pos);
      const b = BOOL_WORDS[word];
      return b === undefined ? this.make("ident", start) : this.make("number", start, b);
    }
    for (const p of PUNCTS_BY_FIRST.get(c) ?? []) {
      if (this.text.startsWith(p, start)) {
        this.pos = start + p.length;
        return this.make("punct", start);
      }
    }
    // An unknown character is reported here and handed on as punctuation, so that the
    // parser's own complaint lands on the same spot (and is folded into this one).
    this.pos = start + 1;
    this.diags.error("unexpected_char", `syntax error: unexpected character '${c}'`, this.span(start));
    return this.make("punct", start);
  }

  private skipSpace(): void {
    while (this.pos < this.text.length) {
      const c = this.text[this.pos] as string;
      if (!isSpace(c)) break;
      if (c === "\n") this.sawNewline = true;
      this.pos++;
    }
  }

  private skipLine(): void {
    const nl = this.text.indexOf("\n", this.pos);
    this.pos = nl < 0 ? this.text.length : nl;
  }

  /** A block comment, nesting as Kamailio's does; unclosed at EOF is only a complaint (docs/kamailio/language.md#comments). */
  private blockComment(start: number, depth = 0): void {
    while (this.pos < this.text.length) {
      if (this.text.startsWith("/*", this.pos)) {
        depth++;
        this.pos += 2;
      } else if (this.text.startsWith("*/", this.pos)) {
        depth--;
        this.pos += 2;
        if (depth === 0) {
          this.options.onComment?.(start, this.pos, 0);
          return;
        }
      } else {
        if (this.text[this.pos] === "\n") this.sawNewline = true;
        this.pos++;
      }
    }
    this.options.onComment?.(start, this.pos, depth);
    this.diags.warning(
      "unclosed_comment",
      `cfg. parser: unexpected EOF: ${depth} comments open`,
      this.span(start, start + 2),
    );
  }

  /** `#!name args` / `!!name args`; null when `name` is not a directive (then `#` is a comment). */
  private directive(start: number, prefix: number): Token | null {
    if (this.text[start + 1] !== "!") return null;
    let p = start + 2;
    while (p < this.text.length && isIdChar(this.text[p] as string)) p++;
    const word = this.text.slice(start + 2, p);
    const lower = word.toLowerCase();
    const shebang = prefix === 1 && start === 0 && this.options.atFileStart !== false && SHEBANGS.has(word);
    if (!shebang && !DIRECTIVES.has(lower)) return null;
    this.pos = p;
    const argsStart = p;
    if (DEFINE_LIKE.has(lower)) this.continuedLine();
    else this.skipLine();
    let args = this.text.slice(argsStart, this.pos);
    if (DEFINE_LIKE.has(lower)) args = args.replace(/\\\r?\n/g, "");
    const tok = this.make("directive", start, shebang ? "shebang" : lower);
    tok.args = shebang ? word : args.replace(/\r$/, "");
    tok.argsSpan = this.span(argsStart);
    return tok;
  }

  /** To the end of the line, following backslash-newline continuations. */
  private continuedLine(): void {
    for (;;) {
      this.skipLine();
      if (this.pos < this.text.length && continuesLine(this.text, this.pos)) {
        this.pos++;
        continue;
      }
      return;
    }
  }

  /** A double-quoted string with Kamailio's escapes; adjacent ones join (docs/kamailio/language.md#strings). */
  private doubleQuoted(start: number, bodyFrom = start + 1): Token {
    let out = "";
    this.pos = bodyFrom;
    for (;;) {
      const r = this.quotedBody();
      if (r === null) return this.unclosed(start, out, '"');
      out += r;
      let p = this.pos;
      while (p < this.text.length && isSpace(this.text[p] as string)) p++;
      if (this.text[p] !== '"') break;
      this.pos = p + 1;
    }
    const tok = this.make("string", start, out);
    tok.quote = '"';
    return tok;
  }

  /** Reads up to the closing quote; returns the processed text, or null at EOF. */
  private quotedBody(): string | null {
    let out = "";
    const t = this.text;
    while (this.pos < t.length) {
      const c = t[this.pos] as string;
      if (c === '"') {
        this.pos++;
        return out;
      }
      if (c !== "\\") {
        out += c;
        this.pos++;
        continue;
      }
      const e = t[this.pos + 1] ?? "";
      const simple: Record<string, string> = { n: "\n", r: "\r", t: "\t", a: "\x07", '"': '"', "\\": "\\" };
      if (e in simple) {
        out += simple[e];
        this.pos += 2;
      } else if (e === "\n") {
        this.pos += 2;
      } else if (e === "x" && /[0-9a-fA-F]/.test(t[this.pos + 2] ?? "")) {
        const m = /^[0-9a-fA-F]{1,2}/.exec(t.slice(this.pos + 2, this.pos + 4)) as RegExpExecArray;
        out += String.fromCharCode(Number.parseInt(m[0], 16));
        this.pos += 2 + m[0].length;
      } else if (/[0-7]/.test(e) && /[0-7]/.test(t[this.pos + 2] ?? "")) {
        const m = /^[0-7]{2,3}/.exec(t.slice(this.pos + 1, this.pos + 4)) as RegExpExecArray;
        out += String.fromCharCode(Number.parseInt(m[0], 8) & 0xff);
        this.pos += 1 + m[0].length;
      } else {
        out += c;
        this.pos++;
      }
    }
    return null;
  }

  private singleQuoted(start: number, bodyFrom = start + 1): Token {
    const end = this.text.indexOf("'", bodyFrom);
    if (end < 0) return this.unclosed(start, this.text.slice(bodyFrom), "'");
    this.pos = end + 1;
    const tok = this.make("string", start, this.text.slice(bodyFrom, end));
    tok.quote = "'";
    return tok;
  }

  private unclosed(start: number, value: string, quote: '"' | "'"): Token {
    this.pos = this.text.length;
    this.diags.error("unclosed_string", "cfg. parser: unexpected EOF in unclosed string", this.span(start, start + 1));
    const tok = this.make("string", start, value);
    tok.quote = quote;
    tok.open = true;
    return tok;
  }

  /**
   * `$name`, `$name(inner)`, `$(...)`, `$?`; parentheses balance. As core/cfg.lex: the PV ends
   * at the `)` of its inner name (an index is written `$(avp(x)[1])`), and `$rc` and `$retcode`
   * are the return-code token whatever follows them (`RETCODE` is a longer match than `$`), so
   * `$rcv(x)` is `$rc` then `v(x)`.
   */
  private pvar(start: number): Token {
    const t = this.text;
    let p = start + 1;
    const retcode = /^\$(?:retcode|rc)/.exec(t.slice(start, start + 8));
    if (retcode) {
      p = start + retcode[0].length;
    } else if (t[p] === "(") {
      p = this.balanced(p, "(", ")");
    } else if (t[p] === "?") {
      p++;
    } else if (isIdStart(t[p] ?? "")) {
      while (p < t.length && isIdChar(t[p] as string)) p++;
      if (t[p] === "(") p = this.balanced(p, "(", ")");
    } else {
      this.pos = start + 1;
      this.diags.error("bad_pvar", `error searching pvar "" at '$'`, this.span(start));
      return this.make("pvar", start);
    }
    this.pos = p;
    const tok = this.make("pvar", start);
    if (this.openAtEnd) tok.open = true;
    this.openAtEnd = false;
    return tok;
  }

  /** Position after the bracket matching the one at `p` (or the end of the line if none). */
  private balanced(p: number, open: string, close: string): number {
    const t = this.text;
    let depth = 0;
    for (let i = p; i < t.length; i++) {
      const c = t[i];
      if (c === open) depth++;
      else if (c === close && --depth === 0) return i + 1;
      else if (c === "\n") break;
    }
    const end = t.indexOf("\n", p);
    const stop = end < 0 ? t.length : end;
    // The text stops inside the parentheses: the editor is at a name still being typed.
    this.openAtEnd = end < 0;
    this.diags.error("bad_pvar", `non-closing inner-name parenthesis [${t.slice(p - 1, Math.min(stop, p + 40))}]`, {
      file: this.file,
      start: p,
      end: p + 1,
    });
    return stop;
  }

  /** IPv4, bracketed IPv6 or bare IPv6 starting with a digit or `::`. */
  private address(start: number): Token | null {
    for (const [re, kind] of [
      [IPV4, "ipv4"],
      [IPV6_BRACKETED, "ipv6"],
      [IPV6_BARE, "ipv6"],
    ] as const) {
      re.lastIndex = start;
      const m = re.exec(this.text);
      if (m && (kind !== "ipv6" || m[0].split(":").length > 2)) {
        this.pos = start + m[0].length;
        return this.make(kind, start);
      }
    }
    return null;
  }

  /** A bare IPv6 address that starts with hex letters (`fe80::1`): needs `::` to be one. */
  private bareIpv6Word(start: number): Token | null {
    IPV6_BARE.lastIndex = start;
    const m = IPV6_BARE.exec(this.text);
    if (!m?.[0].includes("::")) return null;
    this.pos = start + m[0].length;
    return this.make("ipv6", start);
  }

  private number(start: number): Token {
    const rest = this.text.slice(start, start + 64);
    const forms: [RegExp, (s: string) => number][] = [
      [/^0[xX][0-9a-fA-F]+/, (s) => Number.parseInt(s.slice(2), 16)],
      [/^[01]+b(?![\w])/, (s) => Number.parseInt(s.slice(0, -1), 2)],
      [/^0o?[0-7]+/, (s) => Number.parseInt(s.replace(/^0o?/, ""), 8)],
      [/^\d+/, (s) => Number.parseInt(s, 10)],
    ];
    for (const [re, conv] of forms) {
      const m = re.exec(rest);
      if (m) {
        this.pos = start + m[0].length;
        return this.make("number", start, conv(m[0]));
      }
    }
    this.pos = start + 1;
    return this.make("number", start, 0);
  }

  /**
   * In a skipped `#!ifdef` branch: Kamailio does not lex the text, it only looks for the next
   * conditional directive. Returns that directive, or `eof`.
   */
  nextConditional(): Token {
    const re = /(?:#!|!!)(ifdef|ifndef|ifexp|else|endif)\b/g;
    re.lastIndex = this.pos;
    const m = re.exec(this.text);
    if (!m) {
      this.pos = this.text.length;
      return this.make("eof", this.pos, "");
    }
    this.pos = m.index;
    this.sawNewline = true;
    return this.next();
  }
}

/** Whether the line that ends at `lineEnd` (a newline's offset, or the text's end) ends with a continuation backslash. */
function continuesLine(text: string, lineEnd: number): boolean {
  const before = text[lineEnd - 1] === "\r" ? lineEnd - 2 : lineEnd - 1;
  return text[before] === "\\";
}

/** Whether a directive token continues on the next line (`#!define X a \`). */
export function directiveContinues(tok: Token): boolean {
  return tok.kind === "directive" && DEFINE_LIKE.has(String(tok.value)) && continuesLine(tok.text, tok.text.length);
}

/**
 * Maps an offset in a double-quoted string's processed value back to its offset in the source
 * text of the literal (`raw`, quotes included), following the same escapes and joins as the
 * lexer. Lets a diagnostic inside a format string point at the exact character.
 */
export function sourceOffsetInString(raw: string, valueOffset: number): number {
  let v = 0;
  let i = 1;
  while (i < raw.length) {
    const c = raw[i];
    if (c === '"') {
      // The end of one piece; a joined piece starts after the next quote.
      const next = raw.indexOf('"', i + 1);
      if (next < 0) return i;
      i = next + 1;
      continue;
    }
    const width = c === "\\" ? escapeWidth(raw, i) : 1;
    const produces = c === "\\" && raw[i + 1] === "\n" ? 0 : 1;
    if (produces && v === valueOffset) return i;
    v += produces;
    i += width;
  }
  return raw.length;
}

/** Source length of the escape sequence at `i` (a backslash); 1 when it is kept literally. */
function escapeWidth(raw: string, i: number): number {
  const e = raw[i + 1] ?? "";
  if (e !== "" && 'nrta"\\\n'.includes(e)) return 2;
  if (e === "x") {
    const hex = /^[0-9a-fA-F]{1,2}/.exec(raw.slice(i + 2, i + 4));
    return hex ? 2 + hex[0].length : 1;
  }
  const oct = /^[0-7]{2,3}/.exec(raw.slice(i + 1, i + 4));
  return oct ? 1 + oct[0].length : 1;
}
