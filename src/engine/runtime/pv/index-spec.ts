/**
 * A PV's index (`[2]`, `[-1]`, `[*]`, `[+]`, `[$var(i)]`) as core/pvapi.c reads it:
 * pv_parse_index() at start-up, pv_get_spec_index() at run time. A PV index must give an int
 * ("invalid index value"); its getter failing is "cannot get index value".
 */
import type { Span } from "../../base/source.js";
import { parsePvAt } from "../../lang/pv-spec.js";
import type { ScriptContext } from "../context.js";
import type { CompileEnv } from "../env.js";

/** PV_IDX_* of pvapi.h: none given, a number (or PV), `*`, `+`. */
export const IDX_NONE = 0;
export const IDX_INT = 1;
export const IDX_ALL = 2;
export const IDX_ITR = 3;

/** An index read for one use: its kind and number (0 unless IDX_INT). */
export interface IndexValue {
  kind: number;
  n: number;
}

const NONE: IndexValue = { kind: IDX_NONE, n: 0 };
const ALL: IndexValue = { kind: IDX_ALL, n: 0 };
const ITR: IndexValue = { kind: IDX_ITR, n: 0 };
const NO_SPAN: Span = { file: 0, start: 0, end: 0 };

/** The index getter; undefined from it means pv_get_spec_index() failed. */
export type IndexGetter = (ctx: ScriptContext) => IndexValue | undefined;

/**
 * Compiles an index text. A constant index gives a constant result; a `$...` index reads the PV
 * each time. Digits stop at the first non-digit, as pv_parse_index() does (`[2x]` is 2).
 */
export function compileIndex(text: string | undefined, env: CompileEnv, span: Span = NO_SPAN): IndexGetter {
  if (text === undefined) return () => NONE;
  if (text === "*") return () => ALL;
  if (text === "+") return () => ITR;
  if (text.startsWith("$")) {
    const r = parsePvAt(text, 0, true);
    if (!("spec" in r)) return () => undefined;
    const pv = env.pv(r.spec, span);
    return (ctx) => {
      const v = pv.get(ctx);
      return typeof v === "number" ? { kind: IDX_INT, n: v } : undefined;
    };
  }
  const m = /^(-?)(\d*)/.exec(text) as RegExpExecArray;
  const n = Number(m[2] || "0") * (m[1] ? -1 : 1);
  const fixed: IndexValue = { kind: IDX_INT, n };
  return () => fixed;
}
