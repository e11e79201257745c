/**
 * Script values as Kamailio's rvalue.c has them: a 32-bit signed int, a string, or null
 * (a pseudo-variable with no value). Conversions follow docs/kamailio/values-and-expressions.md#string-to-int exactly.
 */

export type Value = number | string | null;

/** Called when a string does not convert to an int (Kamailio logs a WARNING and uses 0). */
export type ConversionWarning = (text: string) => void;

const DECIMAL = /^[+-]?\d+$/;
const HEX = /^0[xX][0-9a-fA-F]+$/;

/** Wraps to C's 32-bit signed int. */
export function int32(n: number): number {
  return n | 0;
}

/**
 * Kamailio's str→int: "" → 0; optional sign and decimal digits; `0x` hex; anything else → 0
 * with a warning (`" 12"`, `"12abc"`, `"abc"`).
 */
export function strToInt(s: string, warn?: ConversionWarning): number {
  if (s === "") return 0;
  if (DECIMAL.test(s)) return int32(Number(s));
  if (HEX.test(s)) return int32(Number.parseInt(s.slice(2), 16));
  warn?.(s);
  return 0;
}

export function toInt(v: Value, warn?: ConversionWarning): number {
  if (typeof v === "number") return v;
  if (v === null) return 0;
  return strToInt(v, warn);
}

/** Int → decimal text; null → "" (as in string concatenation). */
export function toStr(v: Value): string {
  if (typeof v === "string") return v;
  if (v === null) return "";
  return String(v);
}

/** How a value prints inside a format string: null is `<null>` (docs/kamailio/format-strings.md#printing-values). */
export function printValue(v: Value): string {
  if (v === null) return "<null>";
  return typeof v === "number" ? String(v) : v;
}

/**
 * A string stored in Kamailio's shared memory (an mqueue item, an htable value, a `$shv`):
 * Kamailio copies it there. Here a formatted string is a tree of the pieces it was concatenated
 * from, which may point into the message; a store holding a flood's worth of values would keep
 * them all alive. Reading a character makes the engine flatten the tree into one copy.
 */
export function shmCopy<T extends Value>(v: T): T {
  if (typeof v === "string") v.charCodeAt(0);
  return v;
}
