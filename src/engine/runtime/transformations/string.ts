/**
 * The string class, `{s.*}`, as tr_parse_string() reads it and tr_eval_string() applies it
 * (src/modules/pv/pv_trans.c, 5.6.3). Every transformation counts bytes (UTF-8), not
 * characters; the ASCII-only ones (case, whitespace) leave other bytes alone.
 */
import type { ScriptContext } from "../context.js";
import { bytesOf, toBytes } from "./bytes.js";
import { compileEncoding } from "./encode.js";
import { numberParam, stringParam, type TrCursor, type TrParam } from "./parse.js";
import { prefixes, selectField, strToSint, substr, trimBytes, unescapeRm } from "./string-ops.js";
import { intParam, type ParamFn, strParam, type Transform, type TransformEnv, trError } from "./support.js";

const FN = "tr_eval_string";

/** A transformation on the value's bytes whose result is a string. */
const onBytes =
  (f: (bytes: string, ctx: ScriptContext) => string | undefined): Transform =>
  (v, ctx) =>
    f(bytesOf(v), ctx);

/** The cfg-line suffix of tr_eval_string()'s messages. */
const at = (env: TransformEnv) => ` (cfg line: ${env.line})`;

/** A string parameter as the byte Kamailio compares with (`st.s[0]`). */
function firstByte(p: TrParam, env: TransformEnv): ParamFn<string> {
  if (p.kind === "str") {
    const b = p.first;
    return () => b;
  }
  const get = strParam(p, env);
  return (ctx) => get(ctx)?.charAt(0);
}

/** Reads one string parameter and the end; the transformation with it, or undefined. */
function oneString(
  c: TrCursor,
  withComma: boolean,
  make: (p: TrParam) => Transform | undefined,
): Transform | undefined {
  if (!c.comma()) return undefined;
  const p = stringParam(c, withComma);
  return p && c.end() ? make(p) : undefined;
}

/** A parameter read at run time; `line` is the ERROR line logged when it cannot be read. */
function needed<T>(get: ParamFn<T>, env: TransformEnv, line: number, what: string) {
  return (ctx: ScriptContext): T | undefined => {
    const v = get(ctx);
    if (v === undefined) trError(ctx, line, FN, `${what}${at(env)}`);
    return v;
  };
}

/** Compiles `s.NAME...` (the cursor after the name), or undefined when kamsim does not apply it. */
export function compileString(name: string, c: TrCursor, env: TransformEnv): Transform | undefined {
  switch (name) {
    case "len":
      return c.end() ? (v) => bytesOf(v).length : undefined;
    case "int":
      // An int stays as it is; a string must be an int's text (it keeps that text in Kamailio:
      // `+12` prints as `+12`, while kamsim's value is the int 12).
      return c.end() ? (v) => (typeof v === "number" ? v : strToSint(v)) : undefined;
    case "toupper":
      return c.end() ? (v) => bytesOf(v).replace(/[a-z]+/g, (s) => s.toUpperCase()) : undefined;
    case "tolower":
      return c.end() ? (v) => bytesOf(v).replace(/[A-Z]+/g, (s) => s.toLowerCase()) : undefined;
    case "trim":
    case "rtrim":
    case "ltrim": {
      const left = name !== "rtrim";
      const right = name !== "ltrim";
      return c.end() ? (v) => trimBytes(bytesOf(v), left, right) : undefined;
    }
    case "rmws":
      return c.end() ? (v) => bytesOf(v).replace(/[ \t\r\n]/g, "") : undefined;
    case "numeric":
      return c.end() ? (v) => bytesOf(v).replace(/[^0-9]/g, "") : undefined;
    case "unquote":
    case "unbracket": {
      const pairs = name === "unquote" ? ['""', "''"] : ["()", "[]", "{}", "<>"];
      if (!c.end()) return undefined;
      return (v) => {
        const t = bytesOf(v);
        // Under 2 bytes the value is left as it is, int or string.
        if (t.length < 2) return v;
        return pairs.includes(`${t[0]}${t[t.length - 1]}`) ? t.slice(1, -1) : t;
      };
    }
    case "substr":
      return compileSubstr(c, env);
    case "select":
      return compileSelect(c, env);
    case "strip":
    case "striptail": {
      if (!c.comma()) return undefined;
      const p = numberParam(c);
      if (!p || !c.end()) return undefined;
      const n = needed(intParam(p, env), env, 863, "select cannot get p1");
      const tail = name === "striptail";
      return onBytes((s, ctx) => {
        const i = n(ctx);
        if (i === undefined) return undefined;
        if (i <= 0) return s;
        if (i >= s.length) return "";
        return tail ? s.slice(0, s.length - i) : s.slice(i);
      });
    }
    case "stripto":
      return oneString(c, false, (p) => {
        const ch = needed(firstByte(p, env), env, 904, "stripto cannot get p1");
        return onBytes((s, ctx) => {
          const b = ch(ctx);
          if (b === undefined) return undefined;
          const i = s.indexOf(b);
          return i < 0 ? "" : s.slice(i);
        });
      });
    case "prefixes":
    case "prefixes.quoted":
      return compilePrefixes(c, env, name === "prefixes.quoted");
    case "replace":
      return compileReplace(c, env);
    case "rm":
      return oneString(c, false, (p) => {
        // An empty literal would make Kamailio loop for ever on a `}` in the value.
        if (p.kind === "str" && p.s === "") return undefined;
        const lit = p.kind === "str" ? toBytes(p.s.includes("\\") ? unescapeRm(p.s) : p.s) : undefined;
        const get = needed(strParam(p, env), env, 1168, "cannot get parameter value");
        return onBytes((s, ctx) => {
          const x = lit ?? get(ctx);
          return x === undefined ? undefined : s.split(x).join("");
        });
      });
    case "count":
      return oneString(c, true, (p) => {
        const ch = needed(firstByte(p, env), env, 1323, "cannot get parameter value");
        return (v, ctx) => {
          const b = ch(ctx);
          return b === undefined ? undefined : bytesOf(v).split(b).length - 1;
        };
      });
    case "before":
    case "after":
      return oneString(c, true, (p) => {
        const after = name === "after";
        const ch = needed(firstByte(p, env), env, after ? 1418 : 1364, "cannot get parameter value");
        return onBytes((s, ctx) => {
          const b = ch(ctx);
          if (b === undefined) return undefined;
          const found = s.indexOf(b);
          const i = found < 0 ? s.length : found;
          if (!after) return s.slice(0, i);
          return i >= s.length - 1 ? "" : s.slice(i + 1);
        });
      });
    case "md5":
    case "encode.hexa":
    case "decode.hexa":
    case "encode.base64":
    case "decode.base64":
    case "escape.common":
    case "unescape.common":
    case "escape.user":
    case "unescape.user":
    case "escape.param":
    case "unescape.param":
      return c.end() ? compileEncoding(name) : undefined;
    default:
      // s.rbefore and s.rafter scan forward from the last byte in 5.6.3 (`i++` for `i--`) and
      // read past the value; the rest (hashes, base58, 7bit, ftime...) are not simulated.
      return undefined;
  }
}

function compileSubstr(c: TrCursor, env: TransformEnv): Transform | undefined {
  if (!c.comma()) return undefined;
  const p1 = numberParam(c);
  if (!p1 || !c.comma()) return undefined;
  const p2 = numberParam(c);
  // A negative literal length is refused at start-up ("substr negative offset").
  if (!p2 || (p2.kind === "int" && p2.n < 0) || !c.end()) return undefined;
  const first = needed(intParam(p1, env), env, 644, "substr cannot get p1");
  const second = needed(intParam(p2, env), env, 657, "substr cannot get p2");
  return onBytes((s, ctx) => {
    const i = first(ctx);
    if (i === undefined) return undefined;
    const j = second(ctx);
    if (j === undefined) return undefined;
    if (j < 0) {
      trError(ctx, 666, FN, `substr negative offset${at(env)}`);
      return undefined;
    }
    const r = substr(s, i, j);
    if (typeof r === "string") return r;
    trError(ctx, r, FN, `substr out of range${at(env)}`);
    return undefined;
  });
}

function compileSelect(c: TrCursor, env: TransformEnv): Transform | undefined {
  if (!c.comma()) return undefined;
  const p = numberParam(c);
  if (!p || !c.comma() || c.atEnd) return undefined;
  // The separator is the one character after the comma (blanks included), or `\\`, `\n`, `\r`, `\t`.
  let sep = c.c;
  c.p++;
  if (sep === "\\") {
    const e = c.c;
    if (!"\\nrt".includes(e) || c.atEnd) return undefined;
    sep = e === "n" ? "\n" : e === "r" ? "\r" : e === "t" ? "\t" : "\\";
    c.p++;
  }
  if (sep.charCodeAt(0) > 0x7f || !c.end()) return undefined;
  const index = needed(intParam(p, env), env, 729, "select cannot get p1");
  return onBytes((s, ctx) => {
    const i = index(ctx);
    return i === undefined ? undefined : selectField(s, i, sep);
  });
}

function compilePrefixes(c: TrCursor, env: TransformEnv, quoted: boolean): Transform | undefined {
  let max: ((ctx: ScriptContext) => number | undefined) | undefined;
  if (!c.atEnd) {
    if (!c.comma()) return undefined;
    const p = numberParam(c);
    if (!p || !c.end()) return undefined;
    max = needed(intParam(p, env), env, 946, "prefixes cannot get max");
  }
  return onBytes((s, ctx) => {
    let m = s.length;
    if (max) {
      const n = max(ctx);
      if (n === undefined) return undefined;
      if (n > 0 && n < m) m = n;
    }
    // The size check of tr_eval_string(), as written (3 for the unquoted form, 1 for quoted).
    if (m * (Math.trunc(m / 2) + (quoted ? 1 : 3)) > 65535) {
      trError(ctx, 956, FN, `prefixes buffer too short${at(env)}`);
      return undefined;
    }
    return prefixes(s, m, quoted);
  });
}

function compileReplace(c: TrCursor, env: TransformEnv): Transform | undefined {
  if (!c.comma()) return undefined;
  const p1 = stringParam(c);
  if (!p1 || !c.comma()) return undefined;
  const p2 = stringParam(c);
  // An empty literal to match would fill Kamailio's 64 KB buffer with the replacement.
  if (!p2 || !c.end() || (p1.kind === "str" && p1.s === "")) return undefined;
  const match = needed(strParam(p1, env), env, 995, "replace cannot get p1");
  const repl = needed(strParam(p2, env), env, 1009, "replace cannot get p2");
  return onBytes((s, ctx) => {
    const m = match(ctx);
    if (m === undefined) return undefined;
    const r = repl(ctx);
    return r === undefined ? undefined : s.split(m).join(r);
  });
}
