/**
 * textops' set_body and search_str (src/modules/textops/textops.c, 5.6.3):
 * - set_body(text, type) (ki_set_body): drops the body's pending changes, deletes the body the
 *   Content-Length announces, adds `Content-Length: N` when the message has none and
 *   `Content-Type: type` in place of a different one (both after the last header), and puts the
 *   text where the body starts — all as lumps (docs/kamailio/textops.md#pending-changes);
 * - search_str(text, re) (ki_search_str): 1 match, −1 no match, 2 for an empty regex, −2 for an
 *   empty text or a regex that does not compile.
 */
import { L_ERR } from "../../base/log-levels.js";
import { compileRegex } from "../../base/regex/index.js";
import type { ScriptContext } from "../../runtime/context.js";
import type { CallArg, FunctionImpl } from "../../runtime/env.js";
import { whereIn } from "../../runtime/services.js";
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
