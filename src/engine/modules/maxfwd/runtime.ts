/**
 * maxfwd at run time (docs/kamailio/maxfwd.md): `mf_process_maxfwd_header(limit)` — 2 when there was no Max-Forwards
 * (one is added), 1 when it was decremented, -1 when it was already 0, -2 when unreadable.
 * The new value, capped by the `max_limit` parameter (default 70), replaces the old one in the
 * received message, as maxfwd does.
 */
import type { CallArg, FunctionImpl } from "../../runtime/env.js";
import { toInt } from "../../runtime/values.js";
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
            ctx.msg.appendHeader(`Max-Forwards: ${toInt(limit(ctx))}`);
            return 2;
          }
          if (!/^\s*\d+\s*$/.test(body)) return -2;
          const v = Number(body);
          if (v === 0) return -1;
          // Written into the received message, so `$hdr(Max-Forwards)` reads it afterwards.
          ctx.msg.rewriteHeader("max-forwards", String(Math.min(v - 1, maxLimit)));
          return 1;
        };
      },
    };
    return { functions: { mf_process_maxfwd_header } };
  },
});
