/**
 * Canceling (modules/tm/t_fwd.c e2e_cancel(), t_cancel.c cancel_branch(), 5.6.3): a CANCEL that
 * matches an INVITE's transaction marks it canceled, sends a CANCEL on each branch with a
 * provisional reply (cancel_b_method 1: one with none is canceled once it answers) and answers
 * the CANCEL 200; local_cancel_reason's Reason header on the CANCELs tm sends itself.
 */
import type { Micros } from "../../base/time.js";
import type { ScriptContext } from "../../runtime/context.js";
import type { Process } from "../../runtime/process.js";
import { nowIn } from "../../runtime/services.js";
import { buildLocalReparse } from "./build.js";
import { type Cell, F_RB_CANCELED, newTimer, T_CANCELED, type Uac } from "./cell.js";
import { tReply } from "./local-reply.js";
import type { Tm } from "./tm.js";

/** Reason header lines of a received CANCEL (CANCEL_REAS_RCVD_CANCEL). */
function reasonLines(ctx: ScriptContext): string[] {
  const raw = ctx.msg.raw;
  const out: string[] = [];
  const re = /(^|\n)(Reason[ \t]*:[^\n]*\n)/gi;
  const eoh = raw.search(/\r?\n\r?\n/);
  const head = eoh < 0 ? raw : raw.slice(0, eoh + 1);
  for (const m of head.matchAll(re)) out.push(m[2] as string);
  return out;
}

/**
 * e2e_cancel(): the INVITE is marked canceled; each branch with a provisional reply gets a
 * CANCEL; one with none is left to time out (cancel_b_method 1); the CANCEL is answered 200.
 */
export function e2eCancel(tm: Tm, ctx: ScriptContext, tCancel: Cell, inv: Cell): void {
  const now = nowIn(ctx);
  inv.flags |= T_CANCELED;
  inv.canceled = true;
  tm.emit({ t: now, op: "cancel", proc: ctx.proc.index, req: ctx.req }, inv);
  if (inv.uacs.length === 0) {
    tReply(tm, inv, 487, "Request canceled", undefined, now, ctx.proc as Process);
    tReply(tm, tCancel, 200, "ok -- no more pending branches", ctx);
    return;
  }
  const reason = tm.cfg.e2eCancelReason ? reasonLines(ctx) : [];
  let pending = 0;
  for (const u of inv.uacs) {
    if (u.lastReceived >= 200) continue;
    if (cancelBranch(tm, inv, u.index, reason, now, ctx.proc as Process)) pending++;
  }
  tReply(tm, tCancel, 200, pending > 0 ? "canceling" : "ok -- no more pending branches", ctx);
}

/**
 * cancel_branch() with cancel_b_method 1: a branch with no reply yet stops retransmitting and
 * is canceled once a provisional comes (reply.ts); one with a provisional gets a CANCEL built
 * from its INVITE (build_local_reparse()) with the same branch, retransmitted like a
 * non-INVITE. True when the branch stays pending.
 */
export function cancelBranch(
  tm: Tm,
  t: Cell,
  i: number,
  reason: readonly string[],
  now: Micros,
  proc: Process | undefined,
): boolean {
  const u = t.uacs[i] as Uac;
  u.request.flags |= F_RB_CANCELED;
  const ref = { t, kind: "uac" as const, branch: i };
  // cancel_b_method 1 (F_CANCEL_B_FORCE_RETR): a branch with no reply keeps retransmitting;
  // its CANCEL goes once a provisional comes (reply.ts).
  if (u.lastReceived < 100) return true;
  tm.stopRetr(u.request, ref);
  if (u.localCancel !== undefined || u.request.text === undefined) return true;
  const text = buildLocalReparse(u.request.text, "CANCEL", undefined, reason);
  u.localCancel = { text, dst: u.request.dst, flags: 0, timer: newTimer() };
  tm.send(u.request.dst, text, now, proc);
  tm.startRetr(u.localCancel, { t, kind: "cancel", branch: i }, t.frTimeout);
  return true;
}

/** The cause a CANCEL tm sends itself gives (Reason: SIP;cause=N;text="..."), local_cancel_reason. */
export function localCancelReason(tm: Tm, code: number, text?: string): string[] {
  if (!tm.cfg.localCancelReason || code <= 0) return [];
  return [`Reason: SIP;cause=${code}${text !== undefined ? `;text="${text}"` : ""}\r\n`];
}
