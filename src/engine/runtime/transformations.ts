/**
 * Transformations, `$(pv{class.name,params})`: the string ones every config uses, applied as
 * Kamailio's tr_eval_string() does (pv's core transformations). A value that is no string is
 * printed first; `<null>` stays `<null>` (the transformation fails). A failing transformation
 * makes the whole reference `<null>`. Those kamsim does not apply are reported at check time.
 */
import type { Value } from "./values.js";

/** One transformation, or undefined when kamsim does not simulate it. */
export type Transform = (v: Value) => Value;

const asText = (v: number | string): string => (typeof v === "number" ? String(v) : v);

/** `s.substr,offset,length` as tr_eval_string() computes it; null when Kamailio fails. */
function substr(text: string, offset: number, length: number): string | null {
  const len = text.length;
  let o = offset;
  if (o < 0) {
    o = len + o;
    if (o < 0) return null;
  }
  if (o >= len) return null;
  let l = length;
  if (l === 0) l = len - o;
  else if (l < 0) {
    l = len - o + l;
    if (l <= 0) return null;
  }
  if (o + l > len) l = len - o;
  return text.slice(o, o + l);
}

/** str2sint(): a sign and digits, nothing else; anything else fails the transformation. */
function toInt(text: string): number | null {
  return /^[+-]?\d+$/.test(text) ? Number(text) | 0 : null;
}

const INT = /^[+-]?\d+$/;

/** Compiles `body` (the text between the braces), or undefined when it is not simulated. */
export function compileTransform(body: string): Transform | undefined {
  const [name, ...params] = body.split(",").map((s) => s.trim());
  const ints = params.every((p) => INT.test(p)) ? params.map(Number) : undefined;
  const on =
    (f: (text: string) => Value): Transform =>
    (v) =>
      v === null ? null : f(asText(v));
  switch (name) {
    case "s.len":
      return params.length === 0 ? on((t) => t.length) : undefined;
    case "s.toupper":
      return params.length === 0 ? on((t) => t.toUpperCase()) : undefined;
    case "s.tolower":
      return params.length === 0 ? on((t) => t.toLowerCase()) : undefined;
    case "s.int":
      return params.length === 0 ? on(toInt) : undefined;
    case "s.substr":
      return ints?.length === 2 ? on((t) => substr(t, ints[0] as number, ints[1] as number)) : undefined;
    case "s.strip":
      return ints?.length === 1 ? on((t) => t.slice(Math.min(t.length, ints[0] as number))) : undefined;
    case "s.striptail":
      return ints?.length === 1 ? on((t) => t.slice(0, Math.max(0, t.length - (ints[0] as number)))) : undefined;
    default:
      return undefined;
  }
}
