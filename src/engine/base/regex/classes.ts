/**
 * Byte classes of the C locale, the locale Kamailio runs in (it never calls setlocale, so
 * glibc's regcomp sees "C": ASCII classes, bytes above 127 belong to no class).
 */
import type { ByteSet } from "./ast.js";

function setOf(test: (c: number) => boolean): ByteSet {
  const s = new Uint8Array(256);
  for (let c = 0; c < 128; c++) if (test(c)) s[c] = 1;
  return s;
}

const isUpper = (c: number) => c >= 65 && c <= 90;
const isLower = (c: number) => c >= 97 && c <= 122;
const isDigit = (c: number) => c >= 48 && c <= 57;
const isAlpha = (c: number) => isUpper(c) || isLower(c);
const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);
const isPrint = (c: number) => c >= 32 && c < 127;
const isGraph = (c: number) => c > 32 && c < 127;

/** The twelve POSIX class names glibc knows in the C locale (`[[:name:]]`). */
export const CLASSES: Readonly<Record<string, ByteSet>> = {
  alpha: setOf(isAlpha),
  digit: setOf(isDigit),
  alnum: setOf((c) => isAlpha(c) || isDigit(c)),
  upper: setOf(isUpper),
  lower: setOf(isLower),
  space: setOf(isSpace),
  blank: setOf((c) => c === 32 || c === 9),
  punct: setOf((c) => isGraph(c) && !isAlpha(c) && !isDigit(c)),
  xdigit: setOf((c) => isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102)),
  cntrl: setOf((c) => c < 32 || c === 127),
  print: setOf(isPrint),
  graph: setOf(isGraph),
};

/** GNU `\w`: alphanumerics and underscore (regcomp.c builds it as `[_[:alnum:]]`). */
export const WORD: ByteSet = setOf((c) => isAlpha(c) || isDigit(c) || c === 95);

/** Whether a code unit is a word character for `\b \B \< \>`. */
export function isWordChar(c: number): boolean {
  return c < 256 && WORD[c] === 1;
}

/** ASCII case folding, the C locale's tolower/toupper. */
export function lower(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

export function upper(c: number): number {
  return c >= 97 && c <= 122 ? c - 32 : c;
}
