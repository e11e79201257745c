/**
 * sl at run time (docs/kamailio/sl.md): a stateless reply, built and sent by send.ts (also a
 * `reply` event with the code and reason as expanded); ACKs are never answered (-1). The code is
 * not range-checked, as in Kamailio.
 */
import type { ScriptContext } from "../../runtime/context.js";
import type { CallArg, CompileEnv, FunctionImpl } from "../../runtime/env.js";
import type { Value } from "../../runtime/values.js";
import { defineRuntime } from "../runtime-types.js";
import { tmReplyIfTransaction } from "../tm/api.js";
import { slModule } from "./def.js";
import { slFilterAck, slReplyError, slSendReply, slStatsText } from "./send.js";

/**
 * The status code as it goes out: sl converts the text to a number and prints its last three
 * digits, so "4044" is sent as "044" (checked on 5.6.3).
 */
function statusCode(text: string): string {
  const n = Number.parseInt(text, 10);
  return Number.isNaN(n) ? text : String(Math.abs(n) % 1000).padStart(3, "0");
}

/** sl's `default_code` and `default_reason` (modules/sl/sl.c), used when an AVP parameter is unset. */
interface Defaults {
  code: number;
  reason: string;
}

/**
 * A code or reason the checker found to be an AVP id (`"$foo"` with no pvar foo; the fixup's
 * FPARAM_AVP): its value as get_*_fparam() reads it, undefined when the AVP is unset (the
 * caller then uses sl's default), or no reader when the parameter is no AVP id.
 */
function avpReader(arg: CallArg, env: CompileEnv): ((ctx: ScriptContext) => Value | undefined) | undefined {
  const name = arg.node.kind === "StringLit" ? arg.node.avp : undefined;
  if (name === undefined) return undefined;
  const access = env.pv({ text: `$avp(${name})`, name: "avp", inner: name, transforms: [] }, arg.node.span);
  return (ctx) => access.get(ctx) ?? undefined;
}

function makeReply(defaults: Defaults, stateful = false): FunctionImpl {
  return {
    compile(args, env) {
      const codeArg = args[0] as CallArg;
      const reasonArg = args[1] as CallArg;
      const codeAvp = avpReader(codeArg, env);
      const reasonAvp = avpReader(reasonArg, env);
      // A literal code is converted once, here.
      const fixed =
        codeArg.literal !== undefined && !codeArg.literal.includes("$") ? statusCode(codeArg.literal) : undefined;
      const code = codeAvp
        ? (ctx: ScriptContext) => {
            // An unset AVP, or a string one that is not digits, falls back to default_code
            // (for the latter Kamailio also logs `Could not convert AVP string value to int`,
            // which kamsim does not).
            const v = codeAvp(ctx);
            const n = typeof v === "number" ? v : typeof v === "string" && /^[0-9]+$/.test(v) ? Number(v) : undefined;
            return String(n ?? defaults.code);
          }
        : codeArg.str();
      const reason = reasonAvp
        ? (ctx: ScriptContext) => {
            const v = reasonAvp(ctx);
            return v === undefined ? defaults.reason : String(v);
          }
        : reasonArg.str();
      return replyWith(fixed, code, reason, stateful);
    },
  };
}

function replyWith(
  fixed: string | undefined,
  code: (ctx: ScriptContext) => string,
  reason: (ctx: ScriptContext) => string,
  stateful: boolean,
): (ctx: ScriptContext) => number {
  return (ctx) => {
    const c = fixed ?? statusCode(code(ctx));
    const r = reason(ctx);
    // send_reply(): t_reply() when the request has a transaction (sl.c w_send_reply(), tm API).
    if (stateful) {
      const t = tmReplyIfTransaction(ctx, Number(c), r);
      if (t !== undefined) return t;
    }
    return slSendReply(ctx, c, r);
  };
}

export const slRuntime = defineRuntime(slModule, {
  create(setup) {
    const defaults: Defaults = { code: 500, reason: "Internal Server Error" };
    for (const p of setup.params) {
      if (p.name === "default_code") defaults.code = Number(p.value);
      if (p.name === "default_reason") defaults.reason = String(p.value);
    }
    const reply = makeReply(defaults);
    const replyError: FunctionImpl = { compile: () => slReplyError };
    let filteredAck: ((ctx: ScriptContext) => void) | undefined;
    return {
      start(host) {
        const cell = host.events("sl:filtered-ack");
        if (cell) filteredAck = (ctx) => host.runRoute(cell, { ...ctx, flags: 0 }, () => {});
      },
      preScript: (ctx) => slFilterAck(ctx, filteredAck),
      rpc: { "sl.stats": () => ({ ok: true, text: slStatsText(setup.sv), data: undefined }) },
      functions: {
        sl_send_reply: reply,
        sl_reply: reply,
        send_reply: makeReply(defaults, true),
        sl_reply_error: replyError,
      },
    };
  },
});
