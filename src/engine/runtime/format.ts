/**
 * Format strings as xlog, mq_add, sl reasons and other "spve" parameters expand them
 * (spec §2.2): literal text, and each PV printed — null as `<null>`, a failing getter as
 * nothing, ints in decimal. Compiled once; evaluating is a walk over the parts.
 */

import { parseFormat } from "../lang/pv-spec.js";
import type { Span } from "../lang/source.js";
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
