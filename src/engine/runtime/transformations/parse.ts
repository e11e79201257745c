/**
 * Reading a transformation's text (`s.substr,1,$var(n)`, the part between the braces) the way
 * pv_trans.c's tr_parse_*() functions read it (5.6.3): the class up to the first `.`, the name up
 * to the first `,` (trimmed, case-insensitive), then the parameters. A parameter is a PV (it
 * starts with `$`) or a literal: a number (`_tr_parse_nparam`: optional sign, blanks, digits) or
 * a string (`_tr_parse_sparam`: leading blanks skipped, then everything up to a tab, newline,
 * `,` or the end; trailing spaces stay).
 */
import { type PvSpec, parsePvAt } from "../../lang/pv-spec.js";
import { toBytes } from "./bytes.js";

/** One parameter as written. */
export type TrParam =
  | { kind: "int"; n: number }
  /**
   * `first` is the byte C code reading `s[0]` sees: for an empty string, the character that ended
   * it in the config (`}` in `{s.count,}`).
   */
  | { kind: "str"; s: string; first: string }
  | { kind: "pv"; spec: PvSpec };

/** A position in the transformation's text; its end stands for Kamailio's closing `}`. */
export class TrCursor {
  constructor(
    readonly text: string,
    public p: number,
  ) {}

  /** The character here; the end of the text reads as `}` (TR_RBRACKET). */
  get c(): string {
    return this.p < this.text.length ? (this.text[this.p] as string) : "}";
  }

  /** At the closing brace (every parameter read). */
  get atEnd(): boolean {
    return this.p >= this.text.length;
  }

  /** Skips spaces, tabs and newlines (the loops before and after each parameter). */
  skipBlanks(): void {
    while (this.p < this.text.length && /[ \t\n]/.test(this.text[this.p] as string)) this.p++;
  }

  /** Skips blanks, then consumes a `,`; false when there is none. */
  comma(): boolean {
    this.skipBlanks();
    if (this.c !== ",") return false;
    this.p++;
    return true;
  }

  /** Skips blanks; true when the text ends there, as every transformation must. */
  end(): boolean {
    this.skipBlanks();
    return this.atEnd;
  }
}

/** Class and name of a transformation, the cursor after the name (at `,` or the end). */
export function splitName(text: string): { cls: string; name: string; at: TrCursor } | undefined {
  const dot = text.indexOf(".");
  // tr_get_class(): the class is everything before the first `.`, untrimmed and case-sensitive.
  if (dot <= 0) return undefined;
  let p = dot + 1;
  while (p < text.length && text[p] !== "," && text[p] !== "}") p++;
  // trim() in tr_parse_*(): spaces, tabs, CR and LF.
  const name = text
    .slice(dot + 1, p)
    .replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, "")
    .toLowerCase();
  return { cls: text.slice(0, dot), name, at: new TrCursor(text, p) };
}

/** A PV parameter at the cursor (pv_parse_spec() reads one PV and stops after it). */
function pvParam(c: TrCursor): TrParam | undefined {
  const r = parsePvAt(c.text, c.p);
  if ("error" in r) return undefined;
  c.p += r.length;
  return { kind: "pv", spec: r.spec };
}

/** `_tr_parse_nparam`: a PV or an int; undefined where Kamailio refuses the config. */
export function numberParam(c: TrCursor): TrParam | undefined {
  c.skipBlanks();
  if (c.c === "$") return pvParam(c);
  if (!/[-+0-9]/.test(c.c)) return undefined;
  let sign = 1;
  if (c.c === "-") {
    sign = -1;
    c.p++;
  } else if (c.c === "+") c.p++;
  // Blanks may follow the sign; no digit at all reads as 0.
  c.skipBlanks();
  let n = 0;
  while (!c.atEnd && /[0-9]/.test(c.c)) {
    n = (Math.imul(n, 10) + (c.c.charCodeAt(0) - 48)) | 0;
    c.p++;
  }
  return { kind: "int", n: Math.imul(sign, n) };
}

/**
 * `_tr_parse_sparamx`: a PV or a string. With `withComma` (s.count, s.before... and param.count)
 * the string may end with one `,`, which is then part of it: `{s.count,,}` counts commas.
 */
export function stringParam(c: TrCursor, withComma = false): TrParam | undefined {
  c.skipBlanks();
  if (c.c === "$") return pvParam(c);
  const start = c.p;
  while (!c.atEnd && c.c !== "\t" && c.c !== "\n" && c.c !== "," && c.c !== "}") c.p++;
  const first = c.p > start ? String.fromCodePoint(c.text.codePointAt(start) as number) : c.c;
  if (withComma && c.c === ",") c.p++;
  return { kind: "str", s: c.text.slice(start, c.p), first: toBytes(first).charAt(0) };
}
