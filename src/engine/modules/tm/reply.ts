/**
 * tm's reply side (modules/tm/t_reply.c, timer.c, 5.6.3):
 * - a reply reaching the proxy (reply_received()): matched by its branch, timers of its branch
 *   stopped, the hop-by-hop ACK sent for a negative INVITE reply, the branch's onreply_route
 *   run, then relay_reply() (relay-reply.ts);
 * - the final-response timer (final_response_handler(), fake_reply()): a branch that got no
 *   final reply in time gets a 408 of tm's making, relayed like a received one.
 * Local replies (_reply()) are in local-reply.ts, the failure routes in failure-handlers.ts.
 */
import type { Micros } from "../../base/time.js";
import type { ScriptContext } from "../../runtime/context.js";
import { DROP_R_F } from "../../runtime/context.js";
import type { Process } from "../../runtime/process.js";
import { extrasOf } from "../../runtime/pv/extras.js";
import { nowIn } from "../../runtime/services.js";
import type { SipRequest } from "../../sip/message.js";
import type { SipMessage } from "../../sip/sip-message.js";
import { buildLocalReparse, toLine } from "./build.js";
import { cancelBranch, localCancelReason } from "./cancel.js";
import {
  F_RB_CANCELED,
  F_RB_FR_INV,
  F_RB_REPLIED,
  F_RB_TIMEOUT,
  FAKED_REPLY,
  isInvite,
  newTimer,
  type Uac,
} from "./cell.js";
import type { Where } from "./local-reply.js";
import { enterTmRoute } from "./msg-state.js";
import { relayReply } from "./relay-reply.js";
import type { RbRef, Tm } from "./tm.js";

/** The Via branch of a reply's top Via. */
function topBranch(reply: SipMessage): string | undefined {
  const via = (reply as SipRequest).via;
  return via?.params.find((p) => p.name.toLowerCase() === "branch")?.value;
}

/**
 * reply_received(): true when the reply belongs to a transaction (then the core does not
 * forward it statelessly). `done` is called once its processing ended (an onreply_route that
 * blocks ends later).
 */
export function replyReceived(tm: Tm, ctx: ScriptContext): boolean {
  const rpl = ctx.msg;
  const status = Number(rpl.reply?.status ?? 0);
  const cseqMethod = rpl.cseq?.method ?? "";
  const m = tm.table.matchReply(topBranch(rpl), cseqMethod);
  if (m === undefined) return false;
  const { t, branch } = m;
  const u = t.uacs[branch] as Uac;
  const now = nowIn(ctx);
  const w: Where = { now, proc: ctx.proc as Process, req: ctx.req, prefix: ctx.logPrefix };
  tm.stats.rplReceived++;
  tm.emit({ t: now, op: "reply", branch, code: status, proc: ctx.proc.index, req: ctx.req }, t);
  tm.callbacks.run("RESPONSE_IN", t, { rpl, code: status, branch, t: now, proc: ctx.proc.index });
  // A reply to our own CANCEL: its timers stop, nothing else.
  if (cseqMethod === "CANCEL" && isInvite(t)) {
    if (u.localCancel) {
      if (status >= 200) tm.stopTimers(u.localCancel);
      else tm.stopRetr(u.localCancel, { t, kind: "cancel", branch });
    }
    return true;
  }
  const ref: RbRef = { t, kind: "uac", branch };
  const lastUacStatus = u.lastReceived;
  if (status >= 200) {
    tm.stopTimers(u.request);
    if (isInvite(t) && status >= 300 && u.request.text !== undefined) {
      // The hop-by-hop ACK, built from the INVITE of that branch with the reply's To.
      const to = toLine(rpl);
      if (to !== undefined) tm.send(u.request.dst, buildLocalReparse(u.request.text, "ACK", to), now, w.proc, w.req);
    }
  } else {
    if ((u.request.flags & F_RB_CANCELED) !== 0) {
      // Canceled before it answered: now that it did, it gets its CANCEL.
      if (u.localCancel?.text !== undefined) tm.send(u.localCancel.dst, u.localCancel.text, now, w.proc, w.req);
      else if (u.request.text !== undefined) {
        u.lastReceived = Math.max(u.lastReceived, status);
        const reason = t.uas.status >= 200 ? localCancelReason(tm, t.uas.status) : [];
        cancelBranch(tm, t, branch, reason, now, w.proc);
      }
      return true;
    }
    if (isInvite(t)) tm.stopRetr(u.request, ref);
    else tm.switchToT2(u.request, ref);
  }
  const finish = (): void => {
    const code = Number(rpl.reply?.status ?? status);
    relayReply(tm, t, rpl, branch, code, w);
    u.request.flags |= F_RB_REPLIED;
    if (
      isInvite(t) &&
      code < 200 &&
      (tm.cfg.restartFrOnEachReply || (lastUacStatus < code && (code >= 180 || lastUacStatus === 0)))
    ) {
      if (u.lastReceived < 200) {
        // The flag first: the `arm` event of the restart names the limit fr_inv.
        u.request.flags |= F_RB_FR_INV;
        tm.restartFr(u.request, ref, t.frInvTimeout);
      }
    }
  };
  const name = u.onReply;
  const cell = name !== undefined ? tm.host?.onreplyRoute(name) : undefined;
  if (cell === undefined || tm.host === undefined) {
    finish();
    return true;
  }
  enterTmRoute(ctx, t, "onreply", branch, rpl, status);
  tm.emit({ t: now, op: "route", route: cell.name, branch, code: status, proc: ctx.proc.index, req: ctx.req }, t);
  ctx.msgFlags = t.msgFlags;
  extrasOf(ctx).bflags = u.branchFlags;
  if (status > lastUacStatus) u.lastReceived = status;
  ctx.flags = 0;
  tm.host.runRoute(cell, ctx, () => {
    u.lastReceived = lastUacStatus;
    t.msgFlags = ctx.msgFlags;
    u.branchFlags = ctx.pvx?.bflags ?? u.branchFlags;
    if ((ctx.flags & DROP_R_F) !== 0 && status < 200) return;
    finish();
  });
  return true;
}

/**
 * The timers' end (final_response_handler()): a branch without a final reply gets tm's 408
 * (fake_reply(): a branch with a provisional is also canceled); a negative INVITE reply never
 * ACKed puts the transaction on wait; a local CANCEL just stops.
 */
export function finalResponse(tm: Tm, ref: RbRef, now: Micros, proc: Process | undefined): void {
  const t = ref.t;
  if (t.state === "deleted") return;
  if (ref.kind === "cancel") return;
  if (ref.kind === "uas") {
    tm.putOnWait(t);
    return;
  }
  const u = t.uacs[ref.branch] as Uac;
  tm.emit(
    {
      t: now,
      op: "timer",
      timer: (u.request.flags & F_RB_FR_INV) !== 0 ? "fr_inv" : "fr",
      branch: ref.branch,
      proc: proc?.index,
    },
    t,
  );
  const silent =
    !tm.cfg.noisyCtimer && isInvite(t) && t.uacs.length === 1 && t.onFailure === undefined && u.lastReceived === 0;
  if (silent) {
    tm.putOnWait(t);
    return;
  }
  u.request.flags |= F_RB_TIMEOUT;
  const doCancel = isInvite(t) && u.lastReceived >= 100 && u.lastReceived < 200 && u.localCancel === undefined;
  u.request.flags |= F_RB_CANCELED;
  const w: Where = { now, proc, req: t.req };
  const rps = relayReply(tm, t, FAKED_REPLY, ref.branch, 408, w);
  if (doCancel && u.request.text !== undefined) {
    // fake_reply() cancels with an empty cancel_info: no Reason header.
    const text = buildLocalReparse(u.request.text, "CANCEL", undefined, []);
    u.localCancel = { text, dst: u.request.dst, flags: 0, timer: newTimer() };
    tm.send(u.request.dst, text, now, proc);
    tm.startRetr(u.localCancel, { t, kind: "cancel", branch: ref.branch }, t.frTimeout);
  }
  if (rps === "completed") tm.putOnWait(t);
}
