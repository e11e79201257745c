/**
 * What other modules use of tm (Kamailio's tm API, load_tm_api()): sl's send_reply() replies
 * statefully when the request has a transaction (modules/sl/sl.c w_send_reply() through
 * tmb.t_reply when tmb.t_gett() is set), acc and others register callbacks.
 */
import type { ScriptContext } from "../../runtime/context.js";
import type { TmCallbacks } from "./callbacks.js";
import { tReply } from "./local-reply.js";
import { tmOf } from "./msg-state.js";
import { tmOfServices } from "./registry.js";

/**
 * send_reply() with a transaction: t_reply()'s return code; undefined when tm is not loaded or
 * the run has no transaction (the caller then replies statelessly).
 */
export function tmReplyIfTransaction(ctx: ScriptContext, code: number, reason: string): number | undefined {
  const tm = tmOfServices(ctx.sv);
  if (tm === undefined) return undefined;
  const t = tmOf(ctx).t;
  if (t === undefined) return undefined;
  return tReply(tm, t, code, reason, ctx);
}

/** The run's tm callbacks (register_tmcb()), undefined when tm is not loaded. */
export function tmCallbacks(ctx: { sv: ScriptContext["sv"] }): TmCallbacks | undefined {
  return tmOfServices(ctx.sv)?.callbacks;
}

export type { TmCallback, TmcbParams, TmcbType } from "./callbacks.js";
export type { Cell } from "./cell.js";
