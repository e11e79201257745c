/**
 * The parsed form of a POSIX extended regular expression (glibc's dialect, posix/regcomp.c):
 * what parse.ts produces and compile.ts turns into a program.
 */

/** A set of bytes (0-255) as a 256-entry table; codes above 255 never belong to a set. */
export type ByteSet = Uint8Array;

/** Zero-width assertions: `^ $` (line or string ends), GNU `\b \B \< \>`, and `` \` \' ``. */
export type AssertKind = "bol" | "eol" | "word" | "notword" | "wordstart" | "wordend" | "bos" | "eos";

export type Node =
  | { t: "empty" }
  | { t: "char"; c: number }
  | { t: "any" }
  | { t: "set"; set: ByteSet; negated: boolean }
  | { t: "cat"; items: Node[] }
  | { t: "alt"; items: Node[] }
  | { t: "group"; index: number; node: Node }
  | { t: "repeat"; node: Node; min: number; max: number }
  | { t: "assert"; kind: AssertKind }
  | { t: "backref"; index: number };

/** `max` of a repeat without upper bound. */
export const UNBOUNDED = -1;

/** glibc's RE_DUP_MAX: a larger count in `{n,m}` is "Regular expression too big". */
export const DUP_MAX = 0x7fff;
