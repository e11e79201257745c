/**
 * The `re` class textops registers (modules/textops/txt_var.c): `{re.subst,/re/repl/flags}`,
 * core/re.c's substitution on the value (base/regex/subst.ts). The expression is parsed once at
 * start-up, or, when the parameter is a PV, at each use ("Can't compile regexp" when it does not
 * parse). No match leaves the value as it was; an empty match fails the transformation.
 */
import { L_ERR } from "../../base/log-levels.js";
import { applyReplacements, parseSubst, type SubstExpr, substRun } from "../../base/regex/subst.js";
import { parsePvAt } from "../../lang/pv-spec.js";
import type { ScriptContext } from "../context.js";
import { whereIn } from "../services.js";
import { printValue, type Value } from "../values.js";
import { toBytes } from "./bytes.js";
import type { TrCursor } from "./parse.js";
import type { Transform, TransformEnv } from "./support.js";

function textopsError(ctx: ScriptContext, line: number, text: string): void {
  ctx.sv.log.module(ctx.proc, L_ERR, "textops", `txt_var.c:${line}`, "tr_txt_eval_re", text, whereIn(ctx));
}

/** Where core/re.c logs each of its errors (line, function), by the message's first words. */
const RE_C_SITES: readonly [string, number, string][] = [
  ["too many escapes", 159, "parse_repl"],
  ["bad specifier", 170, "parse_repl"],
  ["missing separator", 183, "parse_repl"],
  ["expression is too short", 223, "subst_parser"],
  ["invalid separator", 230, "subst_parser"],
  ["no separator found", 241, "subst_parser"],
  ["String too short", 246, "subst_parser"],
  ["unknown flag", 268, "subst_parser"],
  ["bad regular expression", 284, "subst_parser"],
  ["Buffer too small", 339, "replace_build"],
  ["Matched string is empty", 446, "subst_run"],
];

function reError(ctx: ScriptContext, text: string): void {
  const [, line, fn] = RE_C_SITES.find(([w]) => text.startsWith(w)) ?? ["", 0, "subst_parser"];
  ctx.sv.log.core(ctx.proc, L_ERR, `re.c:${line}`, fn, text, whereIn(ctx));
}

/** A `$...` of the replacement: its length, as pv_parse_spec() reads it. */
function pvLength(text: string, at: number): number | undefined {
  const p = parsePvAt(text, at);
  return "spec" in p ? p.length : undefined;
}

/** Parses a subst expression whose replacement PVs are read through `env`. */
function compileSubst(
  expr: string,
  env: TransformEnv,
): { se: SubstExpr; pv: (text: string, ctx: ScriptContext) => string } | string {
  const r = parseSubst(toBytes(expr), pvLength);
  if (!r.ok) return r.error;
  const getters = new Map<string, (ctx: ScriptContext) => Value | undefined>();
  for (const part of r.se.parts) {
    if (part.t !== "pv" || getters.has(part.text)) continue;
    const p = parsePvAt(part.text, 0);
    if ("spec" in p) getters.set(part.text, env.pv(p.spec));
  }
  return {
    se: r.se,
    pv: (text, ctx) => {
      const v = getters.get(text)?.(ctx);
      return toBytes(v === undefined || v === null ? "<null>" : printValue(v));
    },
  };
}

/** core/re.c subst_str() on the value: unchanged when nothing matches, undefined on failure. */
function apply(
  se: SubstExpr,
  pv: (text: string, ctx: ScriptContext) => string,
  v: string,
  ctx: ScriptContext,
): string | undefined {
  const r = substRun(se, v, {
    uri: () => toBytes(ctx.msg.ruri ?? ""),
    pv: (text) => pv(text, ctx),
  });
  if ("error" in r) {
    reError(ctx, r.error);
    textopsError(ctx, 96, "subst failed");
    return undefined;
  }
  return applyReplacements(v, r);
}

export function compileRe(name: string, at: TrCursor, env: TransformEnv): Transform | undefined {
  if (name !== "subst" || at.c !== ",") return undefined;
  at.p++;
  const text = at.text;
  if (text[at.p] === "$") {
    const p = parsePvAt(text, at.p);
    if (!("spec" in p)) return undefined;
    at.p += p.length;
    if (!at.end()) return undefined;
    const get = env.pv(p.spec);
    return (value, ctx) => {
      // An int value has its string form too (PV_VAL_STR); an empty one fails.
      const v = typeof value === "number" ? String(value) : value;
      if (v.length === 0) return undefined;
      const e = get(ctx);
      if (typeof e !== "string" || e.length === 0) {
        textopsError(ctx, 66, "Can't evaluate regexp");
        return undefined;
      }
      const c = compileSubst(e, env);
      if (typeof c === "string") {
        reError(ctx, c);
        textopsError(ctx, 71, "Can't compile regexp");
        return undefined;
      }
      return apply(c.se, c.pv, v, ctx);
    };
  }
  // The expression runs to the transformation's closing brace (nested braces counted).
  const expr = text.slice(at.p);
  if (expr.length === 0) return undefined;
  const c = compileSubst(expr, env);
  if (typeof c === "string") return undefined;
  return (value, ctx) => {
    const v = typeof value === "number" ? String(value) : value;
    return v.length > 0 ? apply(c.se, c.pv, v, ctx) : undefined;
  };
}
