/**
 * The message's own flags, Kamailio's `msg->msg_flags` (core/parser/msg_parser.h FL_*): set by
 * core actions and modules, read when the message or its reply is sent. Not the script's flags
 * (`setflag`, ctx.msgFlags). Kept in the message's extras (pv/extras.ts), per message.
 */
import type { ScriptContext } from "./context.js";
import { extrasOf } from "./pv/extras.js";

/** force_rport(): replies go to the source port and the top Via gets `rport=` filled (action.c FORCE_RPORT_T). */
export const FL_FORCE_RPORT = 1 << 0;
/** add_local_rport(): kamsim's own Via gets an empty `rport` (action.c ADD_LOCAL_RPORT_T). */
export const FL_ADD_LOCAL_RPORT = 1 << 11;
/** A Record-Route was added (rr): another record_route() and msg_apply_changes() refuse. */
export const FL_RR_ADDED = 1 << 18;
/** No SIP reply may be sent for the request (sanity sets it; sl_send_reply then returns -2). */
export const FL_MSG_NOREPLY = 1 << 23;
/** loose_route() found a Route for the next hop after this proxy's own (rr_next_hop_route()). */
export const FL_ROUTE_ADDR = 1 << 25;

/** Sets `flag` in the message's flags. */
export function setMsgFlag(ctx: ScriptContext, flag: number): void {
  const x = extrasOf(ctx);
  x.coreFlags = (x.coreFlags ?? 0) | flag;
}

/** Whether `flag` is set in the message's flags. */
export function hasMsgFlag(ctx: ScriptContext, flag: number): boolean {
  return ((ctx.pvx?.coreFlags ?? 0) & flag) !== 0;
}
