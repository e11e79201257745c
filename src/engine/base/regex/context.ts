/**
 * Zero-width assertions at a position (regexec.c's context rules). The text before `base` is
 * not seen: Kamailio hands regexec a pointer into the buffer, so a later search of subst's `g`
 * flag starts a new buffer there, with REG_NOTBOL (core/re.c subst_run).
 */
import { isWordChar } from "./classes.js";

export interface Subject {
  text: string;
  /** Where the buffer starts. */
  base: number;
  /** REG_NOTBOL: the buffer's start is not a line start. */
  notbol: boolean;
  newline: boolean;
}

const NL = 10;

export function assertAt(kind: number, s: Subject, i: number): boolean {
  const t = s.text;
  switch (kind) {
    case 0: // ^
      if (i === s.base) return !s.notbol;
      return s.newline && t.charCodeAt(i - 1) === NL;
    case 1: // $
      return i === t.length || (s.newline && t.charCodeAt(i) === NL);
    case 6: // \`
      return i === s.base;
    case 7: // \'
      return i === t.length;
  }
  const before = i > s.base && isWordChar(t.charCodeAt(i - 1));
  const after = i < t.length && isWordChar(t.charCodeAt(i));
  switch (kind) {
    case 2:
      return before !== after;
    case 3:
      return before === after;
    case 4:
      return !before && after;
    default:
      return before && !after;
  }
}
