/**
 * sl at run time (docs/kamailio/sl.md): a stateless reply is a `reply` event with the code and reason
 * as expanded; ACKs are never answered (-1). The code is not range-checked, as in Kamailio.
 */
import type { CallArg, FunctionImpl } from "../../runtime/env.js";
import { nowIn } from "../../runtime/services.js";
import { defineRuntime } from "../runtime-types.js";
import { slModule } from "./def.js";

/**
 * The status code as it goes out: sl converts the text to a number and prints its last three
 * digits, so "4044" is sent as "044" (checked on 5.6.3).
 */
function statusCode(text: string): string {
  const n = Number.parseInt(text, 10);
  return Number.isNaN(n) ? text : String(Math.abs(n) % 1000).padStart(3, "0");
}

const reply: FunctionImpl = {
  compile(args) {
    const codeArg = args[0] as CallArg;
    // A literal code is converted once, here.
    const fixed =
      codeArg.literal !== undefined && !codeArg.literal.includes("$") ? statusCode(codeArg.literal) : undefined;
    const code = codeArg.str();
    const reason = (args[1] as CallArg).str();
    return (ctx) => {
      const c = fixed ?? statusCode(code(ctx));
      const r = reason(ctx);
      if (!ctx.real || ctx.msg.method === "ACK") return -1;
      const k = ctx.sv.kernel;
      if (k.wants.reply && ctx.req !== undefined) {
        k.emit({ kind: "reply", t: nowIn(ctx), req: ctx.req, proc: ctx.proc.index, code: c, reason: r });
      }
      return 1;
    };
  },
};

export const slRuntime = defineRuntime(slModule, {
  create() {
    return { functions: { sl_send_reply: reply, sl_reply: reply, send_reply: reply } };
  },
});
