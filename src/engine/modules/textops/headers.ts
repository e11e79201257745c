/**
 * textops' header functions (src/modules/textops/textops.c, 5.6.3): they look at the headers
 * as received and record their changes as lumps (../lumps.ts), so `$hdr` and `$mb` later in the
 * script still show the received text (docs/kamailio/textops.md#pending-changes).
 *
 * A header name is matched as hname_fixup() does it: a name Kamailio knows (`From`, `Call-ID`,
 * `Max-Forwards`...) by its header type, so its compact form matches too (`remove_hf("f")`
 * removes `From:` lines and the other way round); any other name case-insensitively, whole
 * name only — no pattern.
 */
import { L_ERR, L_INFO } from "../../base/log-levels.js";
import { compileRegex } from "../../base/regex/index.js";
import type { ScriptContext } from "../../runtime/context.js";
import type { CallArg, FunctionImpl } from "../../runtime/env.js";
import { parseAllHeaders } from "../../runtime/parse-headers.js";
import { whereIn } from "../../runtime/services.js";
import { toInt } from "../../runtime/values.js";
import { headerKey } from "../../sip/header-names.js";
import type { HeaderField } from "../../sip/headers.js";
import { addReplyLump, anchorLump, delLump, insertBefore, type MsgView, msgView } from "../lumps.js";

/** A header name as parse_hname2_short() reads `name:`: name characters, then only blanks. */
const HNAME = /^[A-Za-z0-9\-._+~]+[ \t]*$/;

/** The key a header name matches by, or undefined when Kamailio cannot parse it as a name. */
export function hnameKey(name: string): string | undefined {
  return HNAME.test(name) ? headerKey(name.replace(/[ \t]+$/, "")) : undefined;
}

function err(ctx: ScriptContext, at: string, fn: string, text: string): void {
  ctx.sv.log.module(ctx.proc, L_ERR, "textops", at, fn, text, whereIn(ctx));
}

/**
 * The received text with all headers parsed (parse_headers(msg, HDR_EOH_F, 0)); on a header
 * line Kamailio cannot parse, the function's own error and undefined.
 */
function parsed(
  ctx: ScriptContext,
  at: string,
  fn: string,
  text: string,
): (MsgView & { fields: HeaderField[] }) | undefined {
  // parse_headers()'s own lines first (a received header that fails after receipt).
  const v = parseAllHeaders(ctx) ? msgView(ctx.msg) : undefined;
  if (v?.fields === undefined) {
    err(ctx, at, fn, text);
    return undefined;
  }
  return v as MsgView & { fields: HeaderField[] };
}

/** The key of a name argument, computed once when the name is literal (hname_fixup()). */
function keyArg(arg: CallArg): (ctx: ScriptContext) => string | undefined {
  const lit = arg.literal;
  if (lit !== undefined) {
    const key = hnameKey(lit);
    return () => key;
  }
  const name = arg.str();
  return (ctx) => hnameKey(name(ctx));
}

/** remove_hf(name): every header of that name; -1 when there was none (remove_hf_f). */
export const remove_hf: FunctionImpl = {
  compile(args) {
    const keyOf = keyArg(args[0] as CallArg);
    return (ctx) => {
      const key = keyOf(ctx);
      const v = parsed(ctx, "textops.c:1797", "remove_hf_f", "error while parsing message headers");
      if (!v) return -1;
      let cnt = 0;
      for (const f of v.fields) {
        if (f.key !== key) continue;
        delLump(ctx.msg, f.start, f.end - f.start);
        cnt++;
      }
      return cnt === 0 ? -1 : 1;
    };
  },
};

/** remove_hf_pv(name): the same removal (sr_kemi_hdr_remove in core/kemi.c), but always 1. */
export const remove_hf_pv: FunctionImpl = {
  compile(args) {
    const name = (args[0] as CallArg).str();
    return (ctx) => {
      const n = name(ctx);
      const key = hnameKey(n);
      if (key === undefined) {
        ctx.sv.log.core(
          ctx.proc,
          L_ERR,
          "kemi.c:2255",
          "sr_kemi_hdr_remove",
          `error parsing header name [${n}]`,
          whereIn(ctx),
        );
        return -1;
      }
      const v = msgView(ctx.msg);
      if (v?.fields === undefined) return -1;
      for (const f of v.fields) if (f.key === key) delLump(ctx.msg, f.start, f.end - f.start);
      return 1;
    };
  },
};

/**
 * remove_hf_idx(name, idx) (ki_remove_hf_idx): the idx-th header of that name, counted from 0,
 * or from the end when negative; 2 when there is no such header.
 */
export const remove_hf_idx: FunctionImpl = {
  compile(args) {
    const name = (args[0] as CallArg).str();
    const idx = (args[1] as CallArg).value();
    return (ctx) => {
      const v = parsed(ctx, "textops.c:1835", "ki_remove_hf_idx", "error parsing headers");
      if (!v) return -1;
      const n = name(ctx);
      const key = hnameKey(n);
      if (key === undefined) {
        err(ctx, "textops.c:1841", "ki_remove_hf_idx", `failed to parse header name [${n}]`);
        return -1;
      }
      const i = toInt(idx(ctx));
      const same = v.fields.filter((f) => f.key === key);
      const pos = i >= 0 ? i : same.length + i;
      if (i < 0 && pos < 0) return 1;
      const f = same[pos];
      if (f === undefined) return 2;
      delLump(ctx.msg, f.start, f.end - f.start);
      return 1;
    };
  },
};

function present(ctx: ScriptContext, key: string | undefined): number {
  const v = parsed(ctx, "textops.c:2042", "is_present_hf_helper_f", "error while parsing message headers");
  if (!v) return -1;
  for (const f of v.fields) if (f.key === key) return 1;
  return -1;
}

/** is_present_hf(name): 1 when a header of that name was received. */
export const is_present_hf: FunctionImpl = {
  compile(args) {
    const keyOf = keyArg(args[0] as CallArg);
    return (ctx) => present(ctx, keyOf(ctx));
  },
};

/** is_present_hf_pv(name): the same with a name read per call (ki_is_present_hf). */
export const is_present_hf_pv: FunctionImpl = {
  compile(args) {
    const name = (args[0] as CallArg).str();
    return (ctx) => {
      const n = name(ctx);
      if (n === "") return -1;
      const key = hnameKey(n);
      if (key === undefined) {
        err(ctx, "textops.c:2125", "ki_hname_gparam", `error parsing header name: ${n}`);
        return -1;
      }
      return present(ctx, key);
    };
  },
};

/**
 * add_hf_helper(): append (after the last header, or after the last header named `anchor`) or
 * insert (before the first header, or before the first header named `anchor`). The text is
 * added as given: it must carry its own line end. Empty text: "nothing to add", -1.
 */
function addHf(mode: "append" | "insert", uriParts: boolean): FunctionImpl {
  return {
    compile(args) {
      const text = (args[0] as CallArg).str();
      const suffix = uriParts ? (args[1] as CallArg).str() : undefined;
      const anchorKey = !uriParts && args[1] ? keyArg(args[1]) : undefined;
      return (ctx) => {
        const v = parseAllHeaders(ctx) ? msgView(ctx.msg) : undefined;
        if (v?.fields === undefined || v.fields.length === 0) {
          err(ctx, "textops.c:3685", "add_hf_helper", "error while parsing message");
          return -1;
        }
        let at: number;
        if (anchorKey !== undefined) {
          const key = anchorKey(ctx);
          const same = v.fields.filter((f) => f.key === key);
          const hf = mode === "append" ? same[same.length - 1] : same[0];
          if (mode === "append") at = hf ? hf.end : v.eoh;
          else at = hf ? hf.start : (v.fields[0] as HeaderField).start;
        } else at = mode === "append" ? v.eoh : (v.fields[0] as HeaderField).start;
        const anchor = anchorLump(ctx.msg, at);
        let s = text(ctx);
        // append_urihf(prefix, suffix): prefix, the request line's URI as received, suffix.
        if (suffix) s += v.raw.slice(v.uriStart, v.uriEnd) + suffix(ctx);
        if (s === "") {
          ctx.sv.log.module(
            ctx.proc,
            L_INFO,
            "textops",
            "textops.c:3750",
            "add_hf_helper",
            "nothing to add",
            whereIn(ctx),
          );
          return -1;
        }
        if (anchor) insertBefore(anchor, s);
        return 1;
      };
    },
  };
}

export const append_hf = addHf("append", false);
export const insert_hf = addHf("insert", false);
export const append_urihf = addHf("append", true);

/**
 * remove_hf_match(name, op, value) (ki_remove_hf_match): the headers of that name whose body
 * is (`eq`), is not (`ne`), contains (`in`) or matches (`re`, textops' regex flags) the value;
 * 1 when one was removed, -2 when none.
 */
export const remove_hf_match: FunctionImpl = {
  compile(args) {
    const [name, op, expr] = args.map((a) => a.str()) as [
      (c: ScriptContext) => string,
      (c: ScriptContext) => string,
      (c: ScriptContext) => string,
    ];
    return (ctx) => {
      const v = parsed(ctx, "textops.c:2252", "ki_remove_hf_match", "error parsing headers");
      if (!v) return -1;
      const n = name(ctx);
      const key = hnameKey(n);
      if (key === undefined) {
        err(ctx, "textops.c:2258", "ki_remove_hf_match", `failed to parse header name [${n}]`);
        return -1;
      }
      const o = op(ctx).toLowerCase();
      const e = expr(ctx);
      let test: (body: string) => boolean;
      if (o === "eq") test = (b) => b === e;
      else if (o === "ne") test = (b) => b !== e;
      else if (o === "in") test = (b) => b.includes(e);
      else if (o === "re") {
        const r = compileRegex(e, { icase: true, newline: true });
        if (!r.ok) {
          err(ctx, "textops.c:2274", "ki_remove_hf_match", `failed to compile regex: [${e}]`);
          return -1;
        }
        test = (b) => r.re.test(b);
      } else {
        err(ctx, "textops.c:2279", "ki_remove_hf_match", `unknown operator [${op(ctx)}]`);
        return -1;
      }
      let ret = -2;
      for (const f of v.fields) {
        if (f.key !== key || !test(v.raw.slice(f.bodyStart, f.bodyEnd))) continue;
        delLump(ctx.msg, f.start, f.end - f.start);
        ret = 1;
      }
      return ret;
    };
  },
};

/** append_to_reply(text): a header line for the replies Kamailio itself sends to this request. */
export const append_to_reply: FunctionImpl = {
  compile(args) {
    const text = (args[0] as CallArg).str();
    return (ctx) => {
      addReplyLump(ctx.msg, text(ctx));
      return 1;
    };
  },
};
