/**
 * Format strings as xlog, mq_add, sl reasons and other "spve" parameters expand them
 * (docs/kamailio/format-strings.md#printing-values): literal text, and each PV printed — null as `<null>`, a failing getter as
 * nothing, ints in decimal. Compiled once; evaluating is a walk over the parts.
 */

import type { Span } from "../base/source.js";
import { parseFormat } from "../lang/pv-spec.js";
import { utf8Length } from "../sip/utf8.js";
import type { ScriptContext } from "./context.js";
import type { CompileEnv, PvAccess } from "./env.js";
import { printValue } from "./values.js";

export type StringFn = (ctx: ScriptContext) => string;

export function compileFormat(text: string, env: CompileEnv, span: Span): StringFn {
  if (!text.includes("$")) return () => text;
  const parsed = parseFormat(text);
  const parts: (string | PvAccess)[] = parsed.parts.map((p) => (p.kind === "text" ? p.text : env.pv(p.spec, span)));
  if (parts.length === 1 && typeof parts[0] !== "string") {
    const pv = parts[0] as PvAccess;
    return (ctx) => printPv(pv, ctx);
  }
  return (ctx) => {
    let out = "";
    for (const p of parts) out += typeof p === "string" ? p : printPv(p, ctx);
    return out;
  };
}

function printPv(pv: PvAccess, ctx: ScriptContext): string {
  const v = pv.get(ctx);
  return v === undefined ? "" : printValue(v);
}

/** Where a format printed into a fixed buffer ran out of room (pv_printf_mode's overflow). */
export interface FormatOverflow {
  /** The piece that did not fit: literal text or a PV's value. */
  piece: "text" | "spec";
  /** Bytes printed before it. */
  printed: number;
  /** Its length in bytes. */
  token: number;
}

/**
 * A format printed into a buffer of `size` bytes the way pv_printf does it (xlog's `buf_size`):
 * piece by piece, each literal text and each PV value must fit with the terminating NUL, and the
 * first that does not stops the printing. Counting UTF-8 bytes is skipped while the text is
 * short enough to fit whatever its characters are (3 bytes per UTF-16 unit at most).
 */
export function compileBoundedFormat(
  text: string,
  env: CompileEnv,
  span: Span,
  size: number,
): (ctx: ScriptContext) => string | FormatOverflow {
  const parts: (string | PvAccess)[] = text.includes("$")
    ? parseFormat(text).parts.map((p) => (p.kind === "text" ? p.text : env.pv(p.spec, span)))
    : [text];
  return (ctx) => {
    let out = "";
    /** Bytes printed so far, or more: exact only after a tight fit was checked. */
    let bound = 0;
    for (const p of parts) {
      const isText = typeof p === "string";
      const piece = isText ? p : printPv(p, ctx);
      // pv_printf_mode skips empty literal text; an empty value is checked (and always fits).
      if (isText && piece === "") continue;
      if (bound + piece.length * 3 < size) {
        bound += piece.length * 3;
      } else {
        const printed = utf8Length(out);
        const token = utf8Length(piece);
        if (printed + token >= size) return { piece: isText ? "text" : "spec", printed, token };
        bound = printed + token;
      }
      out += piece;
    }
    return out;
  };
}
