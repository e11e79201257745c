/**
 * The compiled form of a regex: a Thompson NFA as a flat instruction list that pike.ts,
 * scan.ts and backtrack.ts run. Consuming instructions test one code unit; the others move
 * between instructions without consuming.
 */
import type { AssertKind } from "./ast.js";

export enum Op {
  /** Consume one code unit in `sets[a]`. */
  Set = 0,
  /** Try `a` first, then `b`. */
  Split = 1,
  Jmp = 2,
  /** Record the position in capture slot `a`. */
  Save = 3,
  /** Zero-width test `ASSERTS[a]`. */
  Assert = 4,
  /** Match the text of group `a` again (only backtrack.ts runs these). */
  Backref = 5,
  Match = 6,
  /** Loop `a` is entered: no iteration yet. */
  LoopEnter = 7,
  /** An iteration of loop `a` starts here. */
  IterStart = 8,
  /** An iteration of loop `a` ends: jump to `b` to go round again (see compile.ts on empty iterations). */
  IterEnd = 9,
}

export const ASSERTS: readonly AssertKind[] = ["bol", "eol", "word", "notword", "wordstart", "wordend", "bos", "eos"];

export interface Program {
  op: Uint8Array;
  a: Int32Array;
  b: Int32Array;
  /** For IterEnd: whether a first iteration may match the empty string (loops with min 0). */
  c: Uint8Array;
  /** Byte sets; entry 256 says whether code units above 255 belong. */
  sets: Uint8Array[];
  /** Capture slots: 2 per group, group 0 the whole match. */
  slots: number;
  /** Loop registers (one per unbounded repetition). */
  loops: number;
  groups: number;
  hasBackrefs: boolean;
  icase: boolean;
  newline: boolean;
  /** Code units that can begin a match, or undefined when a match may be empty. */
  first: Uint8Array | undefined;
}
