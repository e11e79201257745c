/** Helpers to declare pseudo-variable implementations briefly. */
import type { PvSpec } from "../../lang/pv-spec.js";
import type { ScriptContext } from "../context.js";
import type { CompileEnv, PvAccess, PvImpl } from "../env.js";
import type { Value } from "../values.js";

/** A read-only PV whose value depends only on the context; its getter never fails. */
export function readOnly(get: (ctx: ScriptContext) => Value): PvImpl {
  const access: PvAccess = { get, total: true };
  return { compile: () => access };
}

/** A PV whose access depends on its inner name (`$hdr(Name)`), compiled once per use. */
export function withName(make: (name: string, spec: PvSpec, env: CompileEnv) => PvAccess): PvImpl {
  return { compile: (spec, env) => make(spec.inner ?? "", spec, env) };
}
