/**
 * maxfwd at run time: `mf_process_maxfwd_header(limit)` — 2 when there was no Max-Forwards
 * (one is added), 1 when it was decremented, -1 when it was already 0, -2 when unreadable.
 */
import type { CallArg, FunctionImpl } from "../../runtime/env.js";
import { toInt } from "../../runtime/values.js";
import type { ModuleInstance, ModuleRuntime } from "../runtime-types.js";

export const maxfwdRuntime: ModuleRuntime = {
  name: "maxfwd",
  create(): ModuleInstance {
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
          // The forwarded value would be min(v - 1, max_limit); kamsim forwards nothing.
          return 1;
        };
      },
    };
    return { functions: { mf_process_maxfwd_header } };
  },
};
