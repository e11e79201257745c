/**
 * replace_str(match, text, mode), replace_body_str, replace_hdrs_str (ki_replace_str_helper in
 * src/modules/textops/textops.c, 5.6.3): a plain, case-sensitive string replaced by lumps
 * (docs/kamailio/textops.md#pending-changes) — the first occurrence when the mode starts with
 * `f`/`F`, else every one (an empty mode too). replace_str looks from the first header on,
 * replace_body_str in the body (an empty body: −1), replace_hdrs_str in the header block; after a
 * first replacement, "every one" searches on to the end of the message, past the header block
 * too, as Kamailio does. An empty match string changes nothing and returns 1.
 */
import { L_ERR } from "../../base/log-levels.js";
import type { ScriptContext } from "../../runtime/context.js";
import type { CallArg, FunctionImpl } from "../../runtime/env.js";
import { whereIn } from "../../runtime/services.js";
import { delLump, insertAfter, msgView } from "../lumps.js";

type Str = (ctx: ScriptContext) => string;

function replaceStr(where: "msg" | "body" | "hdrs"): FunctionImpl {
  return {
    compile(args) {
      const [key, text, mode] = args.map((a: CallArg) => a.str()) as [Str, Str, Str];
      return (ctx) => {
        const v = msgView(ctx.msg);
        if (!v) return -1;
        let from = v.headerStart;
        let end = v.raw.length;
        if (where === "body") {
          from = v.bodyStart;
          if (from >= end) return -1;
        } else if (where === "hdrs") {
          if (v.fields === undefined) {
            ctx.sv.log.module(
              ctx.proc,
              L_ERR,
              "textops",
              "textops.c:1318",
              "ki_replace_hdrs_str",
              "failed to parse to end of headers",
              whereIn(ctx),
            );
            return -1;
          }
          end = v.eoh;
          if (end <= from) return -1;
        }
        const k = key(ctx);
        const t = text(ctx);
        const m = mode(ctx);
        if (k === "" || end <= from) return 1;
        const first = m[0] === "f" || m[0] === "F";
        let at = v.raw.indexOf(k, from);
        while (at >= 0 && at + k.length <= end) {
          const l = delLump(ctx.msg, at, k.length);
          if (l) insertAfter(l, t);
          if (first) return 1;
          end = v.raw.length;
          at = v.raw.indexOf(k, at + k.length);
        }
        return 1;
      };
    },
  };
}

export const replace_str = replaceStr("msg");
export const replace_body_str = replaceStr("body");
export const replace_hdrs_str = replaceStr("hdrs");
