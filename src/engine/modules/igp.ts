/**
 * Integer parameters of module functions given as "igp" (core/mod_fix.c fixup_igp_*): a number,
 * or a string that is one pseudo-variable whose value must then be an int
 * (get_int_fparam() in core/sr_module.c). Shared by kex and pv.
 */
import { L_ERR } from "../base/log-levels.js";
import { parsePvAt } from "../lang/pv-spec.js";
import type { ScriptContext } from "../runtime/context.js";
import type { CallArg, CompileEnv } from "../runtime/env.js";
import { whereIn } from "../runtime/services.js";
import type { Value } from "../runtime/values.js";

/**
 * fixup_get_ivalue() on an igp parameter (get_int_fparam() in core/sr_module.c): an int, or a PV
 * whose value carries the int flag; anything else logs `Could not convert PV to int`.
 */
export function ivalue(ctx: ScriptContext, v: Value): number | undefined {
  if (typeof v === "number") return v | 0;
  ctx.sv.log.core(ctx.proc, L_ERR, "sr_module.c:1763", "get_int_fparam", "Could not convert PV to int", whereIn(ctx));
  return undefined;
}

/**
 * An igp parameter (fixup_igp_null() in core/mod_fix.c): a string that is one PV reads that PV
 * (its int, or the conversion error for a string), a number is a constant, and any other string
 * was refused at start-up.
 */
export function igp(arg: CallArg, env: CompileEnv): (ctx: ScriptContext) => Value {
  const text = arg.node.kind === "StringLit" ? arg.literal : undefined;
  if (text?.startsWith("$")) {
    const r = parsePvAt(text, 0, true);
    if ("spec" in r && r.length === text.length) {
      const pv = env.pv(r.spec, arg.node.span);
      return (ctx) => pv.get(ctx) ?? null;
    }
  }
  if (text !== undefined && /^[+-]?\d+$/.test(text.trim())) {
    const n = Number(text.trim()) | 0;
    return () => n;
  }
  return arg.value();
}
