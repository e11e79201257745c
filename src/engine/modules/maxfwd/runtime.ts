/**
 * maxfwd at run time (docs/kamailio/maxfwd.md): `mf_process_maxfwd_header(limit)` — 2 when there was no Max-Forwards
 * (one is added), 1 when it was decremented, -1 when it was already 0, -2 when unreadable.
 * The new value, capped by the `max_limit` parameter (default 70), replaces the old one in the
 * received message, as maxfwd does.
 */
import type { CallArg, FunctionImpl } from "../../runtime/env.js";
import { toInt } from "../../runtime/values.js";
import { anchorLump, insertBefore, msgView } from "../lumps.js";
import { defineRuntime } from "../runtime-types.js";
import { maxfwdModule } from "./def.js";

export const maxfwdRuntime = defineRuntime(maxfwdModule, {
  create(setup) {
    let maxLimit = 70;
    for (const p of setup.params) if (p.name === "max_limit") maxLimit = Number(p.value);
    const mf_process_maxfwd_header: FunctionImpl = {
      compile(args) {
        const limit = (args[0] as CallArg).value();
        return (ctx) => {
          const body = ctx.msg.header("max-forwards");
          if (body === undefined) {
            // add_maxfwd_header() (mf_funcs.c): a lump before the first header, seen once the
            // message is built (or after msg_apply_changes()).
            const first = msgView(ctx.msg)?.fields?.[0];
            const anchor = first && anchorLump(ctx.msg, first.start);
            if (anchor) insertBefore(anchor, `Max-Forwards: ${toInt(limit(ctx))}\r\n`);
            return 2;
          }
          if (!/^\s*\d+\s*$/.test(body)) return -2;
          const v = Number(body);
          if (v === 0) return -1;
          // Written into the received message, so `$hdr(Max-Forwards)` reads it afterwards.
          const now = String(Math.min(v - 1, maxLimit));
          ctx.msg.rewriteHeader("max-forwards", now.length === body.length ? now : inPlace(body, now));
          return 1;
        };
      },
    };
    return { functions: { mf_process_maxfwd_header } };
  },
});

/** decrement_maxfwd() writes the digits right-aligned over the old value, spaces before them. */
function inPlace(body: string, now: string): string {
  const digits = body.trim();
  const at = body.indexOf(digits);
  return body.slice(0, at) + now.padStart(digits.length, " ") + body.slice(at + digits.length);
}
