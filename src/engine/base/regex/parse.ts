/**
 * Pattern text to AST with glibc's ERE grammar (regcomp with REG_EXTENDED, i.e.
 * RE_SYNTAX_POSIX_EXTENDED in posix/regcomp.c) and regerror's words for each failure.
 * Behaviour checked against glibc in tests/regex/glibc-table.json:
 * - `*+?{` with nothing before them (start, after `(` `|` or an anchor) is REG_BADRPT;
 * - an unmatched `)` is an ordinary character (RE_UNMATCHED_RIGHT_PAREN_ORD);
 * - `^` and `$` are anchors anywhere (RE_CONTEXT_INDEP_ANCHORS);
 * - a backslash before any other character makes it literal (`\d` is "d");
 * - inside brackets a backslash is literal, `]` first is literal, `-` first or last is literal.
 */
import { type ByteSet, DUP_MAX, type Node, UNBOUNDED } from "./ast.js";
import { CLASSES, upper, WORD } from "./classes.js";

/** regerror's texts (posix/regcomp.c __re_error_msgid). */
export const REG_ERRORS = {
  BADPAT: "Invalid regular expression",
  EBRACK: "Unmatched [, [^, [:, [., or [=",
  EPAREN: "Unmatched ( or \\(",
  EBRACE: "Unmatched \\{",
  BADBR: "Invalid content of \\{\\}",
  BADRPT: "Invalid preceding regular expression",
  ERANGE: "Invalid range end",
  ECTYPE: "Invalid character class name",
  ECOLLATE: "Invalid collation character",
  EESCAPE: "Trailing backslash",
  ESUBREG: "Invalid back reference",
  ESIZE: "Regular expression too big",
} as const;

/** A pattern glibc refuses; `message` is regerror's text. */
export class RegexSyntaxError extends Error {}

export interface Parsed {
  node: Node;
  /** Number of capturing groups. */
  groups: number;
  hasBackrefs: boolean;
}

const SPECIAL_AFTER_ESCAPE: Record<string, () => Node> = {
  w: () => ({ t: "set", set: WORD, negated: false }),
  W: () => ({ t: "set", set: WORD, negated: true }),
  s: () => ({ t: "set", set: CLASSES.space as ByteSet, negated: false }),
  S: () => ({ t: "set", set: CLASSES.space as ByteSet, negated: true }),
  b: () => ({ t: "assert", kind: "word" }),
  B: () => ({ t: "assert", kind: "notword" }),
  "<": () => ({ t: "assert", kind: "wordstart" }),
  ">": () => ({ t: "assert", kind: "wordend" }),
  "`": () => ({ t: "assert", kind: "bos" }),
  "'": () => ({ t: "assert", kind: "eos" }),
};

class Parser {
  private pos = 0;
  private groups = 0;
  private readonly closed = new Set<number>();
  private depth = 0;
  hasBackrefs = false;

  /**
   * With REG_ICASE glibc upper-cases the pattern (and the text) before matching, except the
   * character after a backslash and class names: so `\\d` (a lower-case d) then matches
   * nothing, `[[:lower:]]` becomes `[[:alpha:]]` and `[Z-a]` becomes the invalid `[Z-A]`.
   */
  constructor(
    private readonly src: string,
    private readonly icase: boolean,
  ) {}

  private fold(c: number): number {
    return this.icase ? upper(c) : c;
  }

  fail(msg: string): never {
    throw new RegexSyntaxError(msg);
  }

  parse(): Parsed {
    const node = this.alternation();
    // Only a `)` at depth 0 could stop the top level, and that one is literal: so we are at the end.
    return { node, groups: this.groups, hasBackrefs: this.hasBackrefs };
  }

  private alternation(): Node {
    // A back reference may name a group closed before the alternation or in its own branch
    // (regcomp.c parse_reg_exp resets completed_bkref_map for each branch).
    const initial = new Set(this.closed);
    const items = [this.branch()];
    while (this.src[this.pos] === "|") {
      this.pos++;
      const accumulated = new Set(this.closed);
      this.closed.clear();
      for (const g of initial) this.closed.add(g);
      items.push(this.branch());
      for (const g of accumulated) this.closed.add(g);
    }
    return items.length === 1 ? (items[0] as Node) : { t: "alt", items };
  }

  private branch(): Node {
    const items: Node[] = [];
    for (;;) {
      const ch = this.src[this.pos];
      if (ch === undefined || ch === "|" || (ch === ")" && this.depth > 0)) break;
      let atom = this.atom();
      // A repetition needs something repeatable before it: glibc refuses `*` after nothing or an anchor.
      const repeatable = atom.t !== "assert";
      for (;;) {
        const op = this.src[this.pos];
        if (op !== "*" && op !== "+" && op !== "?" && op !== "{") break;
        if (!repeatable) this.fail(REG_ERRORS.BADRPT);
        this.pos++;
        const [min, max] =
          op === "*" ? [0, UNBOUNDED] : op === "+" ? [1, UNBOUNDED] : op === "?" ? [0, 1] : this.interval();
        atom = { t: "repeat", node: atom, min, max };
      }
      items.push(atom);
    }
    if (items.length === 0) return { t: "empty" };
    return items.length === 1 ? (items[0] as Node) : { t: "cat", items };
  }

  /** After `{`: `n`, `n,`, `,m`, `n,m`, `,` then `}` (regcomp.c parse_dup_op / fetch_number). */
  private interval(): [number, number] {
    const min = this.number();
    let max = min;
    const comma = this.src[this.pos] === ",";
    if (comma) {
      this.pos++;
      max = this.number();
      if (this.src[this.pos] === ",") this.badInterval();
    }
    this.pos++; // the `}`
    if (min === -2 || max === -2 || (min === null && !comma)) this.fail(REG_ERRORS.BADBR);
    const lo = min ?? 0;
    const hi = comma ? (max ?? UNBOUNDED) : lo;
    if (hi !== UNBOUNDED && hi < lo) this.fail(REG_ERRORS.BADBR);
    if (lo > DUP_MAX || hi > DUP_MAX) this.fail(REG_ERRORS.ESIZE);
    return [lo, hi];
  }

  /** Digits up to `,` or `}`: null when empty, -2 when anything else came (an error once `}` is found). */
  private number(): number | null {
    let n: number | null = null;
    for (;;) {
      const ch = this.src[this.pos];
      if (ch === undefined) this.fail(REG_ERRORS.EBRACE);
      if (ch === "," || ch === "}") return n;
      this.pos++;
      if (n === -2 || ch < "0" || ch > "9") n = -2;
      else n = Math.min((n ?? 0) * 10 + (ch.charCodeAt(0) - 48), DUP_MAX + 1);
    }
  }

  private badInterval(): never {
    // Skip to the closing brace: an unterminated interval is "Unmatched \{" whatever it held.
    if (this.src.indexOf("}", this.pos) < 0) this.fail(REG_ERRORS.EBRACE);
    this.fail(REG_ERRORS.BADBR);
  }

  private atom(): Node {
    const ch = this.src[this.pos] as string;
    this.pos++;
    switch (ch) {
      case "*":
      case "+":
      case "?":
      case "{":
        return this.fail(REG_ERRORS.BADRPT);
      case "(": {
        const index = ++this.groups;
        this.depth++;
        const node = this.alternation();
        if (this.src[this.pos] !== ")") this.fail(REG_ERRORS.EPAREN);
        this.pos++;
        this.depth--;
        this.closed.add(index);
        return { t: "group", index, node };
      }
      case ".":
        return { t: "any" };
      case "^":
        return { t: "assert", kind: "bol" };
      case "$":
        return { t: "assert", kind: "eol" };
      case "[":
        return this.bracket();
      case "\\":
        return this.escape();
      default:
        return { t: "char", c: this.fold(ch.charCodeAt(0)) };
    }
  }

  private escape(): Node {
    const ch = this.src[this.pos];
    if (ch === undefined) this.fail(REG_ERRORS.EESCAPE);
    this.pos++;
    if (ch >= "1" && ch <= "9") {
      const index = ch.charCodeAt(0) - 48;
      // glibc accepts a back reference only to a group already closed (regcomp.c: `completed_bkref_map`).
      if (!this.closed.has(index)) this.fail(REG_ERRORS.ESUBREG);
      this.hasBackrefs = true;
      return { t: "backref", index };
    }
    const special = SPECIAL_AFTER_ESCAPE[ch];
    return special ? special() : { t: "char", c: ch.charCodeAt(0) };
  }

  /** `[...]` (regcomp.c parse_bracket_exp): classes, equivalence classes, collating symbols, ranges. */
  private bracket(): Node {
    const set = new Uint8Array(256);
    let negated = false;
    if (this.pos >= this.src.length) this.fail(REG_ERRORS.BADPAT);
    if (this.src[this.pos] === "^") {
      negated = true;
      this.pos++;
      if (this.pos >= this.src.length) this.fail(REG_ERRORS.BADPAT);
    }
    let first = true;
    for (;;) {
      if (this.pos >= this.src.length) this.fail(REG_ERRORS.EBRACK);
      const ch = this.src[this.pos] as string;
      if (ch === "]" && !first) {
        this.pos++;
        break;
      }
      first = false;
      const start = this.element();
      if (start.kind === "class") {
        if (this.src[this.pos] === "-" && this.src[this.pos + 1] !== "]" && this.pos + 1 < this.src.length)
          this.fail(REG_ERRORS.ERANGE);
        for (let c = 0; c < 256; c++) if (start.set[c]) set[c] = 1;
        continue;
      }
      if (this.src[this.pos] === "-" && this.src[this.pos + 1] !== "]" && this.pos + 1 < this.src.length) {
        this.pos++;
        if (start.kind === "equiv") this.fail(REG_ERRORS.ERANGE);
        const end = this.element();
        if (end.kind !== "char" || end.c < start.c) this.fail(REG_ERRORS.ERANGE);
        // `[a-c-e]`: a range may not be followed by another `-` that starts a range.
        if (this.src[this.pos] === "-" && this.src[this.pos + 1] !== "]") this.fail(REG_ERRORS.ERANGE);
        for (let c = start.c; c <= end.c && c < 256; c++) set[c] = 1;
        continue;
      }
      if (start.c < 256) set[start.c] = 1;
    }
    return { t: "set", set, negated };
  }

  /** One bracket element: `[:name:]`, `[=c=]`, `[.c.]` or a character. */
  private element(): { kind: "char" | "equiv"; c: number } | { kind: "class"; set: ByteSet } {
    const ch = this.src[this.pos] as string;
    const next = this.src[this.pos + 1];
    if (ch === "[" && (next === ":" || next === "=" || next === ".")) {
      const close = this.src.indexOf(`${next}]`, this.pos + 2);
      if (close < 0) this.fail(REG_ERRORS.EBRACK);
      const name = this.src.slice(this.pos + 2, close);
      this.pos = close + 2;
      if (next === ":") {
        const set = CLASSES[this.icase && (name === "upper" || name === "lower") ? "alpha" : name];
        if (!set) this.fail(REG_ERRORS.ECTYPE);
        return { kind: "class", set };
      }
      // The C locale has no multi-character collating elements.
      if (name.length !== 1) this.fail(REG_ERRORS.ECOLLATE);
      return { kind: next === "=" ? "equiv" : "char", c: this.fold(name.charCodeAt(0)) };
    }
    this.pos++;
    return { kind: "char", c: this.fold(ch.charCodeAt(0)) };
  }
}

/** Parses an ERE; throws RegexSyntaxError with regerror's text. */
export function parseRegex(pattern: string, icase: boolean): Parsed {
  return new Parser(pattern, icase).parse();
}
