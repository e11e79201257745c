/**
 * tm's reply side (modules/tm/t_reply.c, timer.c, 5.6.3):
 * - local replies (_reply(), _reply_light()): built from the request with tm's To-tag, sent to
 *   where the request came from; a final one stops the branches, cancels the answered ones
 *   (INVITE), starts retransmitting a negative INVITE reply until the ACK, and puts the
 *   transaction on wait;
 * - a reply reaching the proxy (reply_received()): matched by its branch, timers of its branch
 *   stopped, the hop-by-hop ACK sent for a negative INVITE reply, the branch's onreply_route
 *   run, then relay_reply(): t_should_relay_response() decides — provisional and 2xx go up at
 *   once (not 100), a negative reply waits for every branch, then the best one (t_pick_branch(),
 *   6xx before 2xx-less classes, then 3xx, 4xx, 5xx) goes up unless the failure_route forked
 *   anew or replied itself;
 * - the final-response timer (final_response_handler(), fake_reply()): a branch that got no
 *   final reply in time gets a 408 of tm's making, relayed like a received one.
 */
import { L_INFO, L_WARN } from "../../base/log-levels.js";
import type { Micros } from "../../base/time.js";
import type { ScriptContext } from "../../runtime/context.js";
import { DROP_R_F } from "../../runtime/context.js";
import { FL_FORCE_RPORT } from "../../runtime/msg-flags.js";
import type { Process } from "../../runtime/process.js";
import { extrasOf } from "../../runtime/pv/extras.js";
import { nowIn, whereIn } from "../../runtime/services.js";
import type { SipRequest } from "../../sip/message.js";
import { buildReply } from "../../sip/reply.js";
import type { SipMessage } from "../../sip/sip-message.js";
import { replyLumps } from "../lumps.js";
import type { SimulationHost } from "../runtime-types.js";
import { buildLocalReparse, errorText, relayedReplyText, toLine } from "./build.js";
import {
  type Cell,
  F_RB_CANCELED,
  F_RB_FR_INV,
  F_RB_REPLIED,
  F_RB_TIMEOUT,
  FAKED_REPLY,
  isInvite,
  newTimer,
  T_6xx,
  T_CANCELED,
  T_DISABLE_6xx,
  type Uac,
} from "./cell.js";
import { cancelBranch, localCancelReason } from "./fwd.js";
import { REQ_RPLD, tmOf } from "./msg-state.js";
import type { RbRef, Tm } from "./tm.js";

type Rps = "store" | "provisional" | "completed" | "discarded" | "pushed";

/** Where a step of tm runs: the time, the process, and the request id events carry. */
interface Where {
  now: Micros;
  proc: Process | undefined;
  req?: number;
  /** The log_prefix of the message being handled, for callbacks that log (acc). */
  prefix?: string;
}

/** The parsed request of the transaction (replies are built from it). */
function requestOfCell(t: Cell): SipRequest {
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
function startFinalReplRetr(tm: Tm, t: Cell): void {
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

/** prepare_to_cancel() + cancel_uacs() with cancel_b_method for the other branches (2xx, 6xx). */
function cancelOthers(tm: Tm, t: Cell, except: number, code: number, w: Where): void {
  const reason =
    code >= 200 && code < 300 ? localCancelReason(tm, code, "Call completed elsewhere") : localCancelReason(tm, code);
  for (const u of t.uacs) {
    if (u.index === except || u.lastReceived >= 200 || (u.request.flags & F_RB_CANCELED) !== 0) continue;
    cancelBranch(tm, t, u.index, reason, w.now, w.proc);
  }
}

/** get_prio() of t_reply.c: lower is better; 6xx first, then 3xx, 4xx (some 4xx first), 5xx. */
function prio(tm: Tm, code: number, faked: boolean): number {
  const cls = Math.floor(code / 100);
  const classPrio = [32000, 11000, 0, 3000, 4000, 5000, 1000];
  let p: number;
  if (cls < 7) {
    const xx = code % 100;
    const x4 = xx === 1 || xx === 7 || xx === 15 || xx === 20 || xx === 84 ? xx : 100 + xx;
    p = (classPrio[cls] as number) + (cls === 4 ? x4 : xx);
  } else p = 10000 + code;
  return faked ? p + tm.cfg.fakedReplyPrio : p;
}

/** t_pick_branch(): the best final reply, -2 while a branch is still open. */
export function pickBranch(tm: Tm, t: Cell, incBranch: number, incCode: number): { branch: number; code: number } {
  let bestB = -1;
  let bestS = 0;
  let bestFaked = false;
  for (const u of t.uacs) {
    const faked = u.reply === FAKED_REPLY;
    if (u.index === incBranch) {
      if (prio(tm, incCode, faked) < prio(tm, bestS, bestFaked)) {
        bestB = u.index;
        bestS = incCode;
        bestFaked = faked;
      }
      continue;
    }
    if (u.request.text === undefined && u.lastReceived >= 200) continue;
    if (u.lastReceived < 200) return { branch: -2, code: 0 };
    if (u.reply !== undefined && prio(tm, u.lastReceived, faked) < prio(tm, bestS, bestFaked)) {
      bestB = u.index;
      bestS = u.lastReceived;
      bestFaked = faked;
    }
  }
  return { branch: bestB, code: bestS };
}

/**
 * run_failure_handlers(): the branch's failure_route, on the transaction's request as it was
 * when the transaction was made (R-URI, $du, flags), in the process handling the reply or the
 * timer. The hook is spent: the route must arm it again for another round.
 */
function runFailure(
  tm: Tm,
  t: Cell,
  picked: number,
  code: number,
  reply: SipMessage | typeof FAKED_REPLY,
  w: Where,
): void {
  const u = t.uacs[picked] as Uac;
  const name = u.onFailure;
  const host = tm.host;
  // TMCB_ON_FAILURE callbacks run whether or not a failure_route is armed (run_failure_handlers()).
  tm.callbacks.run("ON_FAILURE", t, {
    req: t.request,
    rpl: reply === FAKED_REPLY ? undefined : reply,
    code,
    branch: picked,
    t: w.now,
    proc: w.proc?.index,
    process: w.proc,
    prefix: w.prefix,
  });
  if (name === undefined || host === undefined || w.proc === undefined) return;
  const cell = host.failureRoute(name);
  t.onFailure = undefined;
  if (cell === undefined) return;
  const ctx = fakedEnv(host, t, w.proc, w.now, t.ruriBflags);
  const x = extrasOf(ctx);
  // faked_env(): ruri_mark_consumed(), the R-URI is not forked to again unless rewritten.
  x.ruriConsumed = t.request.ruri;
  if (t.xavps) x.xavps = t.xavps;
  const s = tmOf(ctx);
  s.t = t;
  s.kind = "failure";
  s.branch = picked;
  s.reply = reply;
  s.replyCode = code;
  host.runRoute(cell, ctx);
  t.msgFlags = ctx.msgFlags;
}

/**
 * faked_env() (t_reply.c): the transaction's request as a route run on it sees it — the R-URI,
 * $du, the branch flags given, the core and message flags the request route left.
 */
function fakedEnv(host: SimulationHost, t: Cell, proc: Process, now: Micros, bflags: number): ScriptContext {
  const msg = t.request;
  msg.ruri = t.ruri;
  const ctx = host.context(proc, msg, now, t.src, t.req);
  const x = extrasOf(ctx);
  x.dstUri = t.dstUri;
  x.bflags = bflags;
  x.coreFlags = t.coreFlags;
  ctx.msgFlags = t.msgFlags;
  return ctx;
}

/**
 * run_branch_failure_handlers(): event_route[tm:branch-failure:<name>] (t_on_branch_failure())
 * for each negative reply of a branch, before the picking, on the transaction's request.
 */
function runBranchFailure(
  tm: Tm,
  t: Cell,
  branch: number,
  code: number,
  reply: SipMessage | typeof FAKED_REPLY,
  w: Where,
): void {
  const u = t.uacs[branch] as Uac;
  const host = tm.host;
  if (host === undefined || w.proc === undefined) return;
  const cell = host.events(`tm:branch-failure:${u.onBranchFailure}`);
  if (cell === undefined) return;
  const ctx = fakedEnv(host, t, w.proc, w.now, u.branchFlags);
  const s = tmOf(ctx);
  s.t = t;
  s.kind = "branch_failure";
  s.branch = branch;
  s.reply = reply;
  s.replyCode = code;
  host.runRoute(cell, ctx);
  t.msgFlags = ctx.msgFlags;
}

/**
 * relay_reply() with t_should_relay_response(): what the reply (or FAKED_REPLY) of branch
 * `branch` does to the transaction, and sending what must go upstream.
 */
export function relayReply(
  tm: Tm,
  t: Cell,
  reply: SipMessage | typeof FAKED_REPLY,
  branch: number,
  code: number,
  w: Where,
): Rps {
  const u = t.uacs[branch] as Uac;
  const invThrough = code >= 200 && code < 300 && isInvite(t);
  let relay = -1;
  let rps: Rps;
  if (t.uas.status >= 200) {
    if (!invThrough) return "discarded";
    u.lastReceived = code;
    relay = branch;
    rps = "pushed";
  } else if (u.lastReceived >= 200 && !(invThrough && u.lastReceived < 300)) {
    if (u.lastReceived !== code && !(u.lastReceived === 487 || (u.lastReceived === 408 && code === 487)) && w.proc) {
      const text = `status rewrite by UAS: stored: ${u.lastReceived}, received: ${code}`;
      tm.sv.log.module(w.proc, L_WARN, "tm", "t_reply.c:1399", "t_should_relay_response", text, { t: w.now });
    }
    return "discarded";
  } else if (code >= 300) {
    u.lastReceived = code;
    if (u.onBranchFailure !== undefined) runBranchFailure(tm, t, branch, code, reply, w);
    const first = pickBranch(tm, t, branch, code);
    if (first.branch === -2) {
      u.reply = reply;
      if (code >= 600 && (t.flags & (T_6xx | T_DISABLE_6xx)) === 0 && !tm.cfg.disable6xxBlock) {
        cancelOthers(tm, t, branch, code, w);
        t.flags |= T_6xx;
      }
      return "store";
    }
    const branchCnt = t.uacs.length;
    u.reply = reply;
    t.flags &= ~T_6xx;
    let picked = first.branch;
    let pickedCode = first.code;
    let dropped = false;
    const pu = t.uacs[picked] as Uac;
    if (pu.onFailure !== undefined || tm.callbacks.has("ON_FAILURE")) {
      const dropMode = tm.cfg.failureReplyMode;
      runFailure(tm, t, picked, pickedCode, pu.reply ?? reply, w);
      if ((dropMode === 3 && branchCnt < t.uacs.length) || (dropMode !== 0 && dropMode !== 3) || t.dropReplies) {
        for (let i = 0; i < branchCnt; i++) (t.uacs[i] as Uac).reply = undefined;
        picked = -1;
        dropped = true;
        t.dropReplies = false;
      }
    }
    if (t.uas.status >= 200) return "completed";
    if (branchCnt < t.uacs.length) {
      const again = pickBranch(tm, t, dropped ? -1 : branch, code);
      if (again.branch < 0) {
        if (again.branch === -2) return dropped ? "discarded" : "store";
        if (dropped) {
          killTransaction(tm, t, -1, undefined, w);
          return "completed";
        }
      } else {
        picked = again.branch;
        pickedCode = again.code;
      }
    } else if (dropped) {
      killTransaction(tm, t, -1, undefined, w);
      return "completed";
    }
    relay = picked;
    void pickedCode;
    rps = "completed";
  } else if (code >= 100) {
    u.lastReceived = code;
    relay = code === 100 && !tm.cfg.relay100 ? -1 : branch;
    if (code >= 200) {
      cancelOthers(tm, t, branch, code, w);
      rps = "completed";
    } else rps = "provisional";
  } else return "discarded";

  if (relay >= 0) sendRelayed(tm, t, relay, branch, reply, code, rps, w);
  return rps;
}

/** The reply that goes upstream: the picked branch's, or one tm makes (faked, 503 → 500). */
function sendRelayed(
  tm: Tm,
  t: Cell,
  relay: number,
  branch: number,
  reply: SipMessage | typeof FAKED_REPLY,
  code: number,
  rps: Rps,
  w: Where,
): void {
  const ru = t.uacs[relay] as Uac;
  const relayed = relay === branch ? reply : ru.reply;
  let relayedCode: number;
  let text: string;
  let reason: string;
  const req = requestOfCell(t);
  const opts = { source: t.src, forceRport: (t.coreFlags & FL_FORCE_RPORT) !== 0 };
  if (relayed === FAKED_REPLY || relayed === undefined) {
    relayedCode = (t.flags & T_CANCELED) !== 0 ? 487 : relay === branch ? code : ru.lastReceived;
    reason = errorText(relayedCode);
    text = buildReply(req, relayedCode, reason, t.uas.toTag, tm.sv.serverHeader, opts);
    tm.stats.rplGenerated++;
  } else {
    relayedCode = Number(relayed.reply?.status ?? code);
    reason = relayed.reply?.reason ?? "";
    if (relayedCode === 503 && tm.cfg.remap503) {
      // A 503 goes up as a 500 of tm's making, with the 503's reason text (rfc3261 16.7).
      reason = errorText(503);
      text = buildReply(req, 500, reason, t.uas.toTag, tm.sv.serverHeader, opts);
      relayedCode = 500;
    } else text = relayedReplyText(relayed);
  }
  tm.countReply(relayedCode);
  tm.stats.rplSent++;
  if (rps !== "pushed") {
    t.uas.response.text = text;
    t.uas.status = relayedCode;
    t.uas.reason = reason;
    t.relayedReplyBranch = relay;
  }
  if (rps === "completed") startFinalReplRetr(tm, t);
  tm.send(t.uas.response.dst, text, w.now, w.proc, w.req);
  if (relayedCode >= 200) {
    if (rps !== "pushed") tm.emit({ t: w.now, op: "final", code: relayedCode, proc: w.proc?.index, req: w.req }, t);
    tm.callbacks.run("RESPONSE_OUT", t, {
      req: t.request,
      rpl: relayed === FAKED_REPLY ? undefined : relayed,
      code: relayedCode,
      reason,
      branch: relay,
      t: w.now,
      proc: w.proc?.index,
      process: w.proc,
      prefix: w.prefix,
    });
  }
  if (rps === "completed") tm.putOnWait(t);
}

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
        tm.restartFr(u.request, ref, t.frInvTimeout);
        u.request.flags |= F_RB_FR_INV;
      }
    }
  };
  const name = u.onReply;
  const cell = name !== undefined ? tm.host?.onreplyRoute(name) : undefined;
  if (cell === undefined || tm.host === undefined) {
    finish();
    return true;
  }
  const s = tmOf(ctx);
  s.t = t;
  s.kind = "onreply";
  s.branch = branch;
  s.reply = rpl;
  s.replyCode = status;
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
