/**
 * textops' string tests (src/modules/textops/textops.c, 5.6.3), with their return codes:
 * cmp_str/cmp_istr/starts_with/ends_with give 1 equal, -1 when the first string sorts after the
 * second, -2 before (strncmp's sign, bytes compared as unsigned); str_find/str_ifind give the
 * position of the needle plus 1; in_list/in_list_prefix split the list at a one-character
 * separator, blanks around items ignored.
 */
import { L_ERR } from "../../base/log-levels.js";
import type { ScriptContext } from "../../runtime/context.js";
import type { CallArg, FunctionImpl } from "../../runtime/env.js";
import { whereIn } from "../../runtime/services.js";
import { utf8Bytes } from "../../sip/utf8.js";

/** strncmp() over the UTF-8 bytes: negative, 0 or positive. */
export function byteCompare(a: string, b: string, n: number, icase = false): number {
  const x = utf8Bytes(a);
  const y = utf8Bytes(b);
  for (let i = 0; i < n; i++) {
    let p = x[i] ?? 0;
    let q = y[i] ?? 0;
    if (icase) {
      if (p >= 65 && p <= 90) p += 32;
      if (q >= 65 && q <= 90) q += 32;
    }
    if (p !== q) return p - q;
    if (p === 0) return 0;
  }
  return 0;
}

function byteLen(s: string): number {
  return utf8Bytes(s).length;
}

/** cmp_str()/cmpi_str() of core/strutils.c: an empty string sorts first, then by bytes, then by length. */
export function cmpStr(a: string, b: string, icase: boolean): number {
  const la = byteLen(a);
  const lb = byteLen(b);
  if (la === 0 && lb === 0) return 0;
  if (la === 0) return -1;
  if (lb === 0) return 1;
  const r = byteCompare(a, b, Math.min(la, lb), icase);
  if (r !== 0) return r;
  return la === lb ? 0 : la < lb ? -1 : 1;
}

const code = (r: number): number => (r === 0 ? 1 : r > 0 ? -1 : -2);

function two(args: readonly CallArg[]): [(c: ScriptContext) => string, (c: ScriptContext) => string] {
  return [(args[0] as CallArg).str(), (args[1] as CallArg).str()];
}

export const cmp_str: FunctionImpl = {
  compile(args) {
    const [a, b] = two(args);
    return (ctx) => code(cmpStr(a(ctx), b(ctx), false));
  },
};

export const cmp_istr: FunctionImpl = {
  compile(args) {
    const [a, b] = two(args);
    return (ctx) => code(cmpStr(a(ctx), b(ctx), true));
  },
};

export const starts_with: FunctionImpl = {
  compile(args) {
    const [a, b] = two(args);
    return (ctx) => {
      const s = a(ctx);
      const p = b(ctx);
      const lp = byteLen(p);
      if (byteLen(s) < lp) return -1;
      return code(byteCompare(s, p, lp));
    };
  },
};

export const ends_with: FunctionImpl = {
  compile(args) {
    const [a, b] = two(args);
    return (ctx) => {
      const s = utf8Bytes(a(ctx));
      const p = utf8Bytes(b(ctx));
      if (p.length > s.length) return -1;
      for (let i = 0; i < p.length; i++) {
        const d = (s[s.length - p.length + i] as number) - (p[i] as number);
        if (d !== 0) return d > 0 ? -1 : -2;
      }
      return 1;
    };
  },
};

/**
 * str_search()/str_casesearch() of core/ut.c over bytes; the position (0-based) or -1. An empty
 * needle: str_search matches only the string's end (its terminating NUL against the needle's),
 * str_casesearch its start.
 */
export function strSearch(text: string, needle: string, icase: boolean): number {
  const t = utf8Bytes(text);
  const n = utf8Bytes(needle);
  if (n.length === 0) return icase ? 0 : t.length;
  const low = (c: number) => (icase && ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) ? c | 0x20 : c);
  for (let i = 0; i + n.length <= t.length; i++) {
    let j = 0;
    while (j < n.length && low(t[i + j] as number) === low(n[j] as number)) j++;
    if (j === n.length) return i;
  }
  return -1;
}

function finder(icase: boolean): FunctionImpl {
  return {
    compile(args) {
      const [a, b] = two(args);
      return (ctx) => {
        const t = a(ctx);
        const n = b(ctx);
        if (byteLen(n) > byteLen(t)) return -1;
        const p = strSearch(t, n, icase);
        return p < 0 ? -1 : p + 1;
      };
    },
  };
}

export const str_find = finder(false);
export const str_ifind = finder(true);

const BLANK = " \t\r\n";

/** ki_in_list()/ki_in_list_prefix(): items split at `sep`, blanks trimmed around each. */
export function inList(subject: string, list: string, sep: string, prefix: boolean): number {
  if (subject === "" || list === "" || sep === "") return -1;
  const items = list.split(sep[0] as string);
  for (let i = 0; i < items.length; i++) {
    let item = items[i] as string;
    let a = 0;
    let b = item.length;
    while (a < b && BLANK.includes(item[a] as string)) a++;
    while (b > a && BLANK.includes(item[b - 1] as string)) b--;
    item = item.slice(a, b);
    const last = i === items.length - 1;
    if (!prefix) {
      if (item === subject) return 1;
      if (last) return -1;
      continue;
    }
    const ok = item !== "" && byteLen(item) <= byteLen(subject) && subject.startsWith(item);
    if (ok) return 1;
    if (last) return -1;
  }
  return -1;
}

function lister(prefix: boolean): FunctionImpl {
  return {
    compile(args) {
      const [subject, list] = two(args);
      const sepArg = args[2] as CallArg;
      const sep = sepArg.literal !== undefined ? () => sepArg.literal as string : sepArg.str();
      return (ctx) => {
        const s = subject(ctx);
        if (s === "") {
          ctx.sv.log.module(
            ctx.proc,
            L_ERR,
            "textops",
            prefix ? "textops.c:4395" : "textops.c:4289",
            prefix ? "in_list_prefix_f" : "in_list_f",
            "subject cannot be empty string",
            whereIn(ctx),
          );
          return -1;
        }
        return inList(s, list(ctx), sep(ctx), prefix);
      };
    },
  };
}

export const in_list = lister(false);
export const in_list_prefix = lister(true);
