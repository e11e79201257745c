/**
 * What rr keeps between its functions for one request, and its settings. Kamailio keeps the
 * per-request part in static variables guarded by the message's id and pid (msg_ctx_id_t):
 * the buffered add_rr_param() text (record.c rr_param_buf), the Route parameters loose_route()
 * used (loose.c routed_params) and is_direction()'s cached answer. Here they hang off the
 * request's run state (ctx.pvx), which lives as long as the request in its process, as those
 * ids do; msg_apply_changes() keeps both (msg->id survives sip_msg_update_buffer()).
 */
import type { PvSpec } from "../../lang/pv-spec.js";
import type { ScriptContext } from "../../runtime/context.js";
import { extrasOf, type PvExtras } from "../../runtime/pv/extras.js";
import { whereIn } from "../../runtime/services.js";

/** The module's parameters (rr_mod.c params[]) and the socket kamsim listens on. */
export interface RrConfig {
  appendFromtag: boolean;
  /** 0, 1 (double Record-Route when the sockets differ) or 2 (always). */
  enableDoubleRr: number;
  enableFullLr: boolean;
  addUsername: boolean;
  forceSendSocket: boolean;
  mismatchWarning: boolean;
  ignoreSips: boolean;
  /** custom_user_avp, parsed: the variable whose value add_username puts in front (any PV parses). */
  customUser?: PvSpec;
  listen: { ip: string; port: number };
}

export interface RrMsgState {
  /** rr_param_buf: add_rr_param() text waiting for record_route(). */
  paramBuf: string;
  /**
   * routed_params: the parameters of the Route URI loose_route() took as this proxy's (null:
   * loose_route() found none), and whether they were read from the Request-URI (after_strict()),
   * which check_route_param() cannot widen back to their `;`.
   */
  routed?: { params: string | null; fromRuri: boolean };
  /** is_direction()'s cached answer (RR_FLOW_DOWNSTREAM 1, RR_FLOW_UPSTREAM 2). */
  dir?: 1 | 2;
}

const states = new WeakMap<PvExtras, RrMsgState>();

/** The request's rr state, made on first use. */
export function rrState(ctx: ScriptContext): RrMsgState {
  const x = extrasOf(ctx);
  let s = states.get(x);
  if (s === undefined) {
    s = { paramBuf: "" };
    states.set(x, s);
  }
  return s;
}

/** An rr log line: `LEVEL: rr [FILE:LINE]: fn(): text`. */
export function rrLog(ctx: ScriptContext, level: number, at: string, fn: string, text: string): void {
  ctx.sv.log.module(ctx.proc, level, "rr", at, fn, text, whereIn(ctx));
}

/**
 * The tag of the From (or To) header as the core parsed it (msg->from, msg->to: read even when a
 * later header line is bad), "" when it has none; undefined when the header is missing or bad.
 */
export function headerTag(ctx: ScriptContext, key: "from" | "to"): string | undefined {
  const na = key === "from" ? ctx.msg.from : ctx.msg.to;
  return na === undefined ? undefined : (na.tag ?? "");
}
