/**
 * The param class, `{param.*}`, as tr_parse_paramlist() reads it and tr_eval_paramlist()
 * applies it (src/modules/pv/pv_trans.c, 5.6.3), on a list such as `a=1;b=2;c`. The value must be
 * a non-empty string; a separator ending it is dropped, then parse_params2() splits it (see
 * param-list.ts). Each process keeps the last list it parsed: a text that failed to parse fails
 * again, silently, until another text is parsed.
 */
import type { ScriptContext } from "../context.js";
import { bytesOf, fromBytes } from "./bytes.js";
import { findParam, paramAt, parseParamList } from "./param-list.js";
import { numberParam, stringParam, type TrCursor, type TrParam } from "./parse.js";
import {
  coreError,
  intParam,
  type ParamItem,
  processState,
  strParam,
  type Transform,
  type TransformEnv,
  trError,
} from "./support.js";

const FN = "tr_eval_paramlist";

/** This process's list for the text and separator (byte strings), parsed if it is not the last one. */
function listOf(ctx: ScriptContext, text: string, sep: string): ParamItem[] | undefined {
  const state = processState(ctx);
  const last = state.params;
  if (last && last.text === text && last.sep === sep) return last.list;
  const body = text.length > 1 && text.endsWith(sep) ? text.slice(0, -1) : text;
  const parsed = parseParamList(body, sep);
  if ("errors" in parsed) for (const e of parsed.errors) coreError(ctx, e.at, e.fn, fromBytes(e.text));
  const list = "list" in parsed ? parsed.list : undefined;
  state.params = { text, sep, list };
  return list;
}

/**
 * An optional `,SEP` after the first parameter: exactly one character (blanks count, and a blank
 * then leaves an empty separator, which fails at run time). Undefined on a parse error.
 */
function separator(c: TrCursor): { sep: string | undefined } | undefined {
  c.skipBlanks();
  if (c.c !== ",") return { sep: ";" };
  c.p++;
  const start = c.p;
  const p = stringParam(c);
  if (p?.kind !== "str" || c.p - start !== 1 || c.text.charCodeAt(start) > 0x7f) return undefined;
  return { sep: p.s.length === 1 ? p.s : undefined };
}

/** Compiles `param.NAME...` (the cursor after the name), or undefined when kamsim does not apply it. */
export function compileParam(name: string, c: TrCursor, env: TransformEnv): Transform | undefined {
  if (name === "count") return compileCount(c, env);
  if (name !== "value" && name !== "in" && name !== "valueat" && name !== "name") return undefined;
  if (!c.comma()) return undefined;
  const byName = name === "value" || name === "in";
  const p = byName ? stringParam(c) : numberParam(c);
  if (!p) return undefined;
  const s = separator(c);
  if (!s || !c.end()) return undefined;
  const sep = s.sep;
  // A separator that is not one character (a blank) makes every evaluation fail.
  if (sep === undefined) return () => undefined;
  if (byName) {
    const key = strParam(p, env);
    return (v, ctx) => {
      const text = bytesOf(v);
      if (text === "") return undefined;
      const list = listOf(ctx, text, sep);
      if (!list) return undefined;
      const k = key(ctx);
      if (k === undefined) {
        trError(ctx, 1925, FN, "value cannot get p1");
        return undefined;
      }
      const item = findParam(list, k);
      if (name === "in") return item ? 1 : 0;
      return item?.body ?? "";
    };
  }
  const index = intParam(p, env);
  const at = name === "valueat" ? 1969 : 2024;
  return (v, ctx) => {
    const text = bytesOf(v);
    if (text === "") return undefined;
    const list = listOf(ctx, text, sep);
    if (!list) return undefined;
    const n = index(ctx);
    if (n === undefined) {
      trError(ctx, at, FN, "name cannot get p1");
      return undefined;
    }
    const item = paramAt(list, n);
    return (name === "valueat" ? item?.body : item?.name) ?? "";
  };
}

/** `param.count[,SEP]`: the separator may be a PV (its first byte). */
function compileCount(c: TrCursor, env: TransformEnv): Transform | undefined {
  let sepParam: TrParam | undefined;
  if (!c.atEnd) {
    if (!c.comma()) return undefined;
    const start = c.p;
    sepParam = stringParam(c, true);
    if (!sepParam || (sepParam.kind !== "pv" && c.p - start !== 1) || c.text.charCodeAt(start) > 0x7f) return undefined;
    if (!c.end()) return undefined;
  }
  const literal = sepParam?.kind === "str" ? sepParam.s : undefined;
  // A literal separator must be one character: a blank left none, and every evaluation fails.
  if (literal !== undefined && literal.length !== 1) return () => undefined;
  const fromPv = sepParam?.kind === "pv" ? strParam(sepParam, env) : undefined;
  return (v, ctx) => {
    const text = bytesOf(v);
    if (text === "") return undefined;
    let sep = literal ?? ";";
    if (fromPv) {
      const s = fromPv(ctx);
      if (s === undefined) {
        trError(ctx, 1842, FN, "value cannot get p1");
        return undefined;
      }
      sep = s.charAt(0);
    }
    return listOf(ctx, text, sep)?.length;
  };
}
