/**
 * textops' set_body and search_str (src/modules/textops/textops.c, 5.6.3):
 * - set_body(text, type) (ki_set_body): drops the body's pending changes, deletes the body the
 *   Content-Length announces, adds `Content-Length: N` when the message has none and
 *   `Content-Type: type` in place of a different one (both after the last header), and puts the
 *   text where the body starts — all as lumps (docs/kamailio/textops.md#pending-changes);
 * - search_str(text, re) (ki_search_str): 1 match, −1 no match, 2 for an empty regex, −2 for an
 *   empty text or a regex that does not compile.
 */
import { L_ERR, L_WARN } from "../../base/log-levels.js";
import { compileRegex } from "../../base/regex/index.js";
import { parsePvAt } from "../../lang/pv-spec.js";
import type { ScriptContext } from "../../runtime/context.js";
import type { CallArg, FunctionImpl } from "../../runtime/env.js";
import { whereIn } from "../../runtime/services.js";
import { toInt } from "../../runtime/values.js";
import { utf8Length } from "../../sip/utf8.js";
import { anchorLump, clearBodyLumps, delLump, insertAfter, msgView } from "../lumps.js";

function err(ctx: ScriptContext, at: string, fn: string, text: string): void {
  ctx.sv.log.module(ctx.proc, L_ERR, "textops", at, fn, text, whereIn(ctx));
}

export const set_body: FunctionImpl = {
  compile(args) {
    const body = (args[0] as CallArg).str();
    const type = (args[1] as CallArg).str();
    return (ctx) => {
      const nb = body(ctx);
      const nc = type(ctx);
      if (nb === "") {
        err(ctx, "textops.c:2479", "ki_set_body", "invalid body parameter");
        return -1;
      }
      if (nc === "") {
        err(ctx, "textops.c:2485", "ki_set_body", "invalid content-type parameter");
        return -1;
      }
      const v = msgView(ctx.msg);
      if (v?.fields === undefined) {
        err(ctx, "textops.c:2493", "ki_set_body", "malformed sip message");
        return -1;
      }
      clearBodyLumps(ctx.msg);
      const cl = v.fields.find((f) => f.key === "content-length");
      if (cl) {
        const len = Number.parseInt(v.raw.slice(cl.bodyStart, cl.bodyEnd).trim(), 10) || 0;
        if (len > 0) {
          if (v.bodyStart + len > v.raw.length) {
            err(ctx, "textops.c:2507", "ki_set_body", `invalid content length: ${len}`);
            return -1;
          }
          delLump(ctx.msg, v.bodyStart, len);
        }
      }
      const anchor = anchorLump(ctx.msg, v.eoh);
      if (!anchor) return -1;
      if (!cl) insertAfter(anchor, `Content-Length: ${utf8Length(nb)}\r\n`);
      const ct = v.fields.find((f) => f.key === "content-type");
      if (!ct || v.raw.slice(ct.bodyStart, ct.bodyEnd) !== nc) {
        if (ct) delLump(ctx.msg, ct.start, ct.end - ct.start);
        insertAfter(anchor, `Content-Type: ${nc}\r\n`);
      }
      const at = anchorLump(ctx.msg, v.bodyStart);
      if (at) insertAfter(at, nb);
      return 1;
    };
  },
};

export const search_str: FunctionImpl = {
  compile(args) {
    const text = (args[0] as CallArg).str();
    const pattern = (args[1] as CallArg).str();
    return (ctx) => {
      const p = pattern(ctx);
      if (p === "") return 2;
      const t = text(ctx);
      if (t === "") return -2;
      const r = compileRegex(p, { icase: true, newline: true });
      if (!r.ok) {
        err(ctx, "textops.c:4986", "ki_search_str", `failed to compile regex: ${p}`);
        return -2;
      }
      return r.re.test(t) ? 1 : -1;
    };
  },
};

/** glibc's regerror() texts, in the order of their codes (REG_NOMATCH = 1 ... REG_ERPAREN = 16). */
const REGCOMP_CODES = [
  "No match",
  "Invalid regular expression",
  "Invalid collation character",
  "Invalid character class name",
  "Trailing backslash",
  "Invalid back reference",
  "Unmatched [, [^, [:, [., or [=",
  "Unmatched ( or \\(",
  "Unmatched \\{",
  "Invalid content of \\{\\}",
  "Invalid range end",
  "Memory exhausted",
  "Invalid preceding regular expression",
  "Premature end of regular expression",
  "Regular expression too big",
  "Unmatched ) or \\)",
];

/**
 * regex_substring(text, re, index, count, "$var(x)") (ki_regex_substring): group `index` of the
 * first match, with `count` groups asked for, into the variable. The regex is compiled with
 * REG_EXTENDED only (case-sensitive, no REG_NEWLINE), and regexec() is passed REG_EXTENDED as its
 * flags — 1, which regexec() reads as REG_NOTBOL: `^` never matches at the start of the text.
 * −2 when nothing matches; −1 (with Kamailio's line) for an index beyond the count, a group that
 * took no part or matched the empty string, or a regex that does not compile.
 */
export const regex_substring: FunctionImpl = {
  compile(args, env) {
    const [text, re, index, count] = args.slice(0, 4).map((a) => a.str()) as ((c: ScriptContext) => string)[];
    const dst = (args[4] as CallArg).literal ?? "";
    const pv = parsePvAt(dst, 0);
    const access = "error" in pv ? undefined : env.pv(pv.spec, (args[4] as CallArg).node.span);
    const warn = (ctx: ScriptContext, line: number, msg: string) =>
      ctx.sv.log.module(ctx.proc, L_WARN, "textops", `textops.c:${line}`, "ki_regex_substring", msg, whereIn(ctx));
    return (ctx) => {
      const input = (text as (c: ScriptContext) => string)(ctx);
      const pattern = (re as (c: ScriptContext) => string)(ctx);
      const mindex = toInt((index as (c: ScriptContext) => string)(ctx));
      const nmatch = toInt((count as (c: ScriptContext) => string)(ctx));
      if (mindex > nmatch - 1) {
        err(ctx, "textops.c:846", "ki_regex_substring", "matched_index cannot be bigger than match_count");
        return -1;
      }
      if (!access?.set) {
        err(ctx, "textops.c:858", "ki_regex_substring", `destination pseudo-variable is not writable: ${dst} `);
        return -1;
      }
      const r = compileRegex(pattern, {});
      if (!r.ok) {
        const rc = REGCOMP_CODES.indexOf(r.error) + 1;
        err(ctx, "textops.c:879", "ki_regex_substring", `regular expression coudnt be compiled, Error code: (${rc})`);
        return -1;
      }
      const m = r.re.exec(input, 0, { notbol: true });
      if (m === null) return -2;
      const g = mindex < 0 ? undefined : m.groups[mindex];
      if (g === undefined) {
        warn(ctx, 895, "invalid offset for regular expression result");
        return -1;
      }
      if (g[0] === g[1]) {
        warn(ctx, 904, "Matched string is empty");
        return -1;
      }
      access.set(ctx, input.slice(g[0], g[1]));
      return 1;
    };
  },
};
