/**
 * tm's per-run state (Kamailio keeps it in process globals reset per message: T, the
 * goto_on_* route indexes, the branch index, the kill reason): here it hangs off the run's
 * context, so a failure route or an onreply route, which runs with its own context, has its own.
 */
import type { ScriptContext } from "../../runtime/context.js";
import type { SipMessage } from "../../sip/sip-message.js";
import type { Cell } from "./cell.js";

/** Which tm route a context runs (route_type of core/route.h, for tm's own checks). */
export type TmRouteKind = "request" | "failure" | "onreply" | "branch" | "branch_failure";

/** Kill reasons (kr) of t_funcs.h: what happened to T during the request route. */
export const REQ_FWDED = 1;
export const REQ_RPLD = 2;
export const REQ_RLSD = 4;
export const REQ_EXIST = 8;

export interface MsgTm {
  /** T: the current transaction (undefined: T_UNDEFINED). */
  t: Cell | undefined;
  onFailure: string | undefined;
  onReply: string | undefined;
  onBranch: string | undefined;
  onBranchFailure: string | undefined;
  kind: TmRouteKind;
  /** The branch a reply or failure route is about ($T_branch_idx), -1 when none. */
  branch: number;
  /** The reply that triggered a failure or onreply route (FAKED: a timeout/cancel). */
  reply: SipMessage | "faked" | undefined;
  /** Its code ($T_reply_code in a failure route). */
  replyCode: number;
  kr: number;
  /** t_set_fr() before the transaction exists: fr_inv and fr in ms (0 = default). */
  frInv: number;
  fr: number;
  /** t_set_auto_inv_100() before the transaction exists. */
  autoInv100: boolean | undefined;
  /** t_relay() failed: the error a delayed reply uses. */
  tmError: number;
}

const states = new WeakMap<ScriptContext, MsgTm>();

export function tmOf(ctx: ScriptContext): MsgTm {
  let s = states.get(ctx);
  if (s === undefined) {
    s = {
      t: undefined,
      onFailure: undefined,
      onReply: undefined,
      onBranch: undefined,
      onBranchFailure: undefined,
      kind: ctx.msg.reply ? "onreply" : "request",
      branch: -1,
      reply: undefined,
      replyCode: 0,
      kr: 0,
      frInv: 0,
      fr: 0,
      autoInv100: undefined,
      tmError: 0,
    };
    states.set(ctx, s);
  }
  return s;
}

/** The state if tm touched this run at all (hot paths skip tm's work otherwise). */
export function tmIfAny(ctx: ScriptContext): MsgTm | undefined {
  return states.get(ctx);
}

/**
 * A failure, branch-failure or onreply route about to run on `ctx`: T, the route kind, the branch
 * and the reply it is about ($T_branch_idx, $T_reply_code, $T_rpl), as t_reply.c sets them.
 */
export function enterTmRoute(
  ctx: ScriptContext,
  t: Cell,
  kind: TmRouteKind,
  branch: number,
  reply: SipMessage | "faked" | undefined,
  code: number,
): MsgTm {
  const s = tmOf(ctx);
  s.t = t;
  s.kind = kind;
  s.branch = branch;
  s.reply = reply;
  s.replyCode = code;
  return s;
}
