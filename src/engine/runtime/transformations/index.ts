/**
 * Transformations, `$(pv{class.name,params})`, applied as Kamailio 5.6.3's pv module does
 * (src/modules/pv/pv_trans.c): the string class `s.*`, `uri.*`, `param.*` and `nameaddr.*`; and
 * textops' `re.subst` (modules/textops/txt_var.c, re.ts).
 * Values are bytes there: lengths and offsets count UTF-8 bytes, case changes touch ASCII only.
 * A transformation given `<null>`, or one that fails, leaves the reference without a value
 * (xlog prints nothing for it; an assignment logs "non existing right pvar"). Those kamsim does
 * not apply, and texts Kamailio would refuse, compile to undefined: the checker warns about them
 * and the value passes unchanged.
 */
import type { PvSpec } from "../../lang/pv-spec.js";
import type { ScriptContext } from "../context.js";
import type { Value } from "../values.js";
import { fromBytes, toBytes } from "./bytes.js";
import { compileNameAddr } from "./nameaddr.js";
import { compileParam } from "./params.js";
import { numberParam, splitName, stringParam } from "./parse.js";
import { compileRe } from "./re.js";
import { compileString } from "./string.js";
import { CHECK_ENV, type Transform, type TransformEnv } from "./support.js";
import { compileUri } from "./uri.js";

export type { Transform, TransformEnv } from "./support.js";

/**
 * Compiles `body`, the text between the braces (`s.substr,1,3`), or returns undefined when
 * kamsim does not simulate it. Without `env`, PV parameters read as failing and `(cfg line: N)`
 * says 0: enough for the checker, which only asks whether it is simulated.
 */
export function compileTransform(body: string, env: TransformEnv = CHECK_ENV): Transform | undefined {
  const head = splitName(body);
  if (!head) return undefined;
  const { cls, name, at } = head;
  switch (cls) {
    case "s":
      return compileString(name, at, env);
    case "uri":
      return compileUri(name, at, env);
    case "param":
      return compileParam(name, at, env);
    case "nameaddr":
      return compileNameAddr(name, at);
    case "re":
      return compileRe(name, at, env);
    default:
      return undefined;
  }
}

/**
 * A reference's value through its compiled transformations: bytes from one to the next, text
 * at the end. `<null>` or a failure anywhere leaves no value (undefined).
 */
export function runChain(chain: readonly Transform[], v: Value | undefined, ctx: ScriptContext): Value | undefined {
  if (v === undefined || v === null) return undefined;
  let x: number | string | undefined = typeof v === "string" ? toBytes(v) : v;
  for (const t of chain) {
    x = t(x, ctx);
    if (x === undefined) return undefined;
  }
  return typeof x === "string" ? fromBytes(x) : x;
}

/** The PVs written as parameters of a transformation (`$var(n)` in `{s.strip,$var(n)}`). */
export function transformPvParams(body: string): PvSpec[] {
  const specs: PvSpec[] = [];
  compileTransform(body, {
    pv: (spec) => {
      specs.push(spec);
      return () => undefined;
    },
    line: 0,
  });
  return specs;
}

/** Why kamsim leaves a transformation it does not apply unchanged, for the checker's warning. */
export function unsimulatedReason(body: string): string {
  const head = splitName(body);
  if (head?.cls === "s" && (head.name === "rbefore" || head.name === "rafter"))
    return "Kamailio 5.6.3 scans forward from the last byte (`i++` for `i--`), reads past the value and may crash";
  return "";
}

/** Parameter shapes tried to learn whether kamsim applies a class and name at all. */
const SHAPES = ["", ",1", ",1,2", ",a", ",a,b", ",1,a", ",a,1"];

/** Whether kamsim applies `cls.name` with some parameters (then it reads them as pv_trans.c does). */
export function simulatesName(cls: string, name: string): boolean {
  return SHAPES.some((s) => compileTransform(`${cls}.${name}${s}`) !== undefined);
}

/**
 * Texts Kamailio reads but kamsim does not apply by its own choice: `{s.rm,}` and `{s.replace,,x}`
 * (an empty needle; Kamailio loops on it) and `{s.select,1,é}` (a separator beyond ASCII).
 */
export function kamsimOnlyRefusal(body: string): boolean {
  const head = splitName(body);
  if (head?.cls !== "s") return false;
  const { name, at } = head;
  if (name !== "rm" && name !== "replace" && name !== "select") return false;
  if (!at.comma()) return false;
  if (name === "select") {
    numberParam(at);
    return at.comma() && (at.text.codePointAt(at.p) ?? 0) > 0x7f;
  }
  const p = stringParam(at);
  return p?.kind === "str" && p.s === "";
}
