/**
 * tm's local replies (modules/tm/t_reply.c, 5.6.3): _reply() / _reply_light() build a reply from
 * the transaction's request with tm's To-tag and send it where the request came from; a final
 * one stops the branches, cancels the unanswered ones of an INVITE (cancel_uacs() with
 * F_CANCEL_B_KILL), starts retransmitting a negative INVITE reply until the ACK
 * (start_final_repl_retr()) and puts the transaction on wait. Also t_retransmit_reply() and
 * kill_transaction() with err2reason_phrase()'s codes.
 */
import { L_INFO } from "../../base/log-levels.js";
import type { Micros } from "../../base/time.js";
import type { ScriptContext } from "../../runtime/context.js";
import { FL_FORCE_RPORT } from "../../runtime/msg-flags.js";
import type { Process } from "../../runtime/process.js";
import { nowIn, whereIn } from "../../runtime/services.js";
import type { SipRequest } from "../../sip/message.js";
import { buildReply } from "../../sip/reply.js";
import { replyLumps } from "../lumps.js";
import { buildLocalReparse } from "./build.js";
import { localCancelReason } from "./cancel.js";
import { type Cell, F_RB_CANCELED, isInvite, newTimer } from "./cell.js";
import { REQ_RPLD, tmOf } from "./msg-state.js";
import type { Tm } from "./tm.js";

/** Where a step of tm runs: the time, the process, and the request id events carry. */
export interface Where {
  now: Micros;
  proc: Process | undefined;
  req?: number;
  /** The log_prefix of the message being handled, for callbacks that log (acc). */
  prefix?: string;
}

/** The parsed request of the transaction (replies are built from it). */
export function requestOfCell(t: Cell): SipRequest {
  return t.parsed;
}

/**
 * _reply() / _reply_light(): a local reply to the transaction's request. 1 sent, -1 refused
 * (a final reply was already sent).
 */
export function tReply(
  tm: Tm,
  t: Cell,
  code: number,
  reason: string,
  ctx?: ScriptContext,
  at?: Micros,
  proc?: Process,
): number {
  const now = ctx ? nowIn(ctx) : (at ?? tm.sv.kernel.now);
  const p = ctx ? (ctx.proc as Process) : proc;
  if (t.uas.status >= 200) {
    const text = `can't generate ${code} reply when a final ${t.uas.status} was sent out`;
    if (p) tm.sv.log.module(p, L_INFO, "tm", "t_reply.c:486", "_reply_light", text, ctx ? whereIn(ctx) : { t: now });
    return -1;
  }
  const text = buildReply(requestOfCell(t), code, reason, t.uas.toTag, tm.sv.serverHeader, {
    source: t.src,
    forceRport: (t.coreFlags & FL_FORCE_RPORT) !== 0,
    lumps: replyLumps(t.request),
  });
  t.uas.status = code;
  t.uas.reason = reason;
  t.uas.response.text = text;
  t.relayedReplyBranch = -2;
  tm.countReply(code);
  tm.stats.rplGenerated++;
  tm.stats.rplSent++;
  const w: Where = { now, proc: p, req: ctx?.req ?? t.req, prefix: ctx?.logPrefix };
  if (code >= 200) {
    if (ctx) tmOf(ctx).kr |= REQ_RPLD;
    tm.cleanupUacTimers(t);
    if (isInvite(t)) cancelUacsKill(tm, t, code, w);
    startFinalReplRetr(tm, t);
  }
  tm.send(t.uas.response.dst, text, now, p, w.req);
  if (code >= 200) {
    tm.emit({ t: now, op: "final", code, proc: p?.index, req: w.req }, t);
    tm.callbacks.run("RESPONSE_OUT", t, {
      req: t.request,
      code,
      reason,
      t: now,
      proc: p?.index,
      process: p,
      prefix: w.prefix,
    });
    tm.putOnWait(t);
  }
  return 1;
}

/** t_retransmit_reply(): the last reply sent, again. */
export function retransmitReply(tm: Tm, t: Cell, now: Micros, ctx?: ScriptContext): number {
  const text = t.uas.response.text;
  if (text === undefined) return -1;
  tm.send(t.uas.response.dst, text, now, ctx?.proc as Process | undefined, ctx?.req);
  return 1;
}

/** err2reason_phrase() of core/error.c with tm's signature: the code and phrase of a failed relay. */
export function errorReply(err: number): { code: number; reason: string } {
  const known: Record<number, [number, string]> = {
    [-477]: [477, "Unfortunately error on sending to next hop occurred"],
    [-478]: [478, "Unresolvable destination"],
    [-400]: [400, "Bad Request"],
    [-14]: [400, "Transaction tuple incomplete"],
    [-12]: [500, "Forking capacity exceeded"],
    [-487]: [487, "Transaction canceled"],
  };
  const k = known[err];
  const [code, text] = k ?? [500, "I'm terribly sorry, server error occurred"];
  return { code, reason: `${text} (${-err}/TM)` };
}

/** kill_transaction(): a relay that failed is answered with its error. */
export function killTransaction(tm: Tm, t: Cell, err: number, ctx?: ScriptContext, w?: Where): number {
  const { code, reason } = errorReply(err);
  return tReply(tm, t, code, reason, ctx, w?.now, w?.proc);
}

/**
 * start_final_repl_retr(): an INVITE's negative final reply is retransmitted (T1 doubling to T2)
 * until the ACK or the fr_timer; a local 2xx too.
 */
export function startFinalReplRetr(tm: Tm, t: Cell): void {
  if (!isInvite(t)) return;
  if (t.uas.status >= 300 || (t.relayedReplyBranch === -2 && t.uas.status >= 200))
    tm.startRetr(t.uas.response, { t, kind: "uas", branch: -1 }, t.frTimeout);
}

/**
 * cancel_uacs(F_CANCEL_B_KILL) after a final reply: every unanswered branch stops; those with a
 * provisional reply get a CANCEL with `Reason: SIP;cause=<code>` (local_cancel_reason).
 */
function cancelUacsKill(tm: Tm, t: Cell, code: number, w: Where): void {
  const reason =
    code >= 200 && code < 300 ? localCancelReason(tm, code, "Call completed elsewhere") : localCancelReason(tm, code);
  for (const u of t.uacs) {
    if (u.lastReceived >= 200) continue;
    if ((u.request.flags & F_RB_CANCELED) !== 0 && u.localCancel !== undefined) continue;
    tm.stopTimers(u.request);
    u.request.flags |= F_RB_CANCELED;
    if (u.lastReceived >= 100 && u.localCancel === undefined && u.request.text !== undefined) {
      const text = buildLocalReparse(u.request.text, "CANCEL", undefined, reason);
      u.localCancel = { text, dst: u.request.dst, flags: 0, timer: newTimer() };
      tm.send(u.request.dst, text, w.now, w.proc);
      tm.startRetr(u.localCancel, { t, kind: "cancel", branch: u.index }, t.frTimeout);
    }
  }
}
