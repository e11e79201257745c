/**
 * t_newtran() (modules/tm/t_lookup.c, 5.6.3): creates the transaction of a request (build_cell()
 * of h_table.c: keyed by tm's hash of Call-ID and CSeq, the request's xavps moved into it) or
 * finds the one a retransmission belongs to (its last reply resent); t_release_transaction()
 * (t_funcs.c).
 */
import { L_ERR } from "../../base/log-levels.js";
import type { ScriptContext } from "../../runtime/context.js";
import { listsOf } from "../../runtime/pv/xavp.js";
import { nowIn, whereIn } from "../../runtime/services.js";
import type { SipRequest } from "../../sip/message.js";
import type { ViaBody } from "../../sip/via.js";
import { replyDestination, requestOf } from "../sl/send.js";
import { type Cell, newTimer, T_AUTO_INV_100, T_IS_INVITE_FLAG } from "./cell.js";
import { E_BAD_TUPEL, E_SCRIPT } from "./errors.js";
import { charMsgVal, tmHash, tmToTag } from "./ids.js";
import { retransmitReply } from "./local-reply.js";
import { REQ_RLSD, tmOf } from "./msg-state.js";
import type { Tm } from "./tm.js";

/** The parsed request of a run, its top Via, Call-ID and CSeq number; undefined when one is missing. */
export function keyOf(ctx: ScriptContext): { req: SipRequest; via: ViaBody; callId: string; cseq: string } | undefined {
  const req = requestOf(ctx);
  const via = req?.via;
  const callId = req?.callId;
  const cseq = req?.cseq?.num;
  if (req === undefined || via === undefined || callId === undefined || cseq === undefined) return undefined;
  return { req, via, callId, cseq };
}

/**
 * t_newtran(): E_SCRIPT when the run already has a transaction, 0 for a retransmission (its
 * last reply resent; an ACK to a negative reply releases the transaction), 1 for a new one
 * (or an ACK that matched nothing: it creates none), negative on error.
 */
export function newtran(tm: Tm, ctx: ScriptContext): number {
  const s = tmOf(ctx);
  if (s.t !== undefined) {
    s.t.msgFlags = ctx.msgFlags;
    return E_SCRIPT;
  }
  const k = keyOf(ctx);
  if (k === undefined) {
    ctx.sv.log.module(ctx.proc, L_ERR, "tm", "t_lookup.c:1380", "t_newtran", "parse_headers failed", whereIn(ctx));
    return E_BAD_TUPEL;
  }
  const hash = tmHash(k.callId, k.cseq);
  const found = tm.table.lookupRequest(hash, k.req, k.via);
  if (found !== undefined) {
    s.t = found;
    if (ctx.msg.method === "ACK") {
      tm.callbacks.run("ACK_NEG_IN", found, { req: ctx.msg, t: nowIn(ctx), proc: ctx.proc.index });
      releaseTransaction(tm, ctx, found);
    } else retransmitReply(tm, found, nowIn(ctx), ctx);
    return 0;
  }
  if (ctx.msg.method === "ACK") return 1;
  const t = createCell(tm, ctx, k.req, k.via, hash, k.callId, k.cseq);
  s.t = t;
  return 1;
}

function createCell(
  tm: Tm,
  ctx: ScriptContext,
  req: SipRequest,
  via: ViaBody,
  hash: number,
  callId: string,
  cseq: string,
): Cell {
  const s = tmOf(ctx);
  const method = ctx.msg.method;
  let flags = method === "INVITE" ? T_IS_INVITE_FLAG : 0;
  if (s.autoInv100 ?? tm.cfg.autoInv100) flags |= T_AUTO_INV_100;
  const now = nowIn(ctx);
  const t: Cell = {
    xavps: listsOf(ctx),
    hashIndex: hash,
    label: 0,
    md5: charMsgVal(req, req.originalRuri, via),
    method,
    callId,
    cseqNum: cseq,
    request: ctx.msg,
    parsed: req,
    ruri: ctx.msg.ruri,
    dstUri: ctx.pvx?.dstUri ?? null,
    src: { ip: ctx.src.ip, port: ctx.src.port },
    viaHost: via.host,
    viaPort: via.port,
    viaBranch: via.params.find((p) => p.name.toLowerCase() === "branch")?.value ?? "",
    msgFlags: ctx.msgFlags,
    ruriBflags: ctx.pvx?.bflags ?? 0,
    coreFlags: ctx.pvx?.coreFlags ?? 0,
    uas: {
      status: 0,
      response: { text: undefined, dst: replyDestination(ctx, req), flags: 0, timer: newTimer() },
      toTag: tmToTag(tm.socket, req, via),
      reason: "",
    },
    uacs: [],
    flags,
    onFailure: s.onFailure,
    onReply: s.onReply,
    onBranch: s.onBranch,
    onBranchFailure: s.onBranchFailure,
    frTimeout: s.fr || tm.cfg.frTimer,
    frInvTimeout: s.frInv || tm.cfg.frInvTimer,
    retrT1: tm.cfg.retrT1,
    retrT2: tm.cfg.retrT2,
    relayedReplyBranch: -1,
    state: "active",
    waitGen: 0,
    canceled: false,
    created: now,
    req: ctx.req,
  };
  tm.table.insert(t);
  tm.stats.created++;
  tm.emit({ t: now, op: "new", proc: ctx.proc.index, req: ctx.req }, t);
  tm.callbacks.run("REQUEST_IN", t, { req: ctx.msg, t: now, proc: ctx.proc.index });
  return t;
}

/** t_release_transaction(): timers off, on wait. */
export function releaseTransaction(tm: Tm, ctx: ScriptContext | undefined, t: Cell): void {
  if (ctx) tmOf(ctx).kr |= REQ_RLSD;
  tm.stopTimers(t.uas.response);
  tm.cleanupUacTimers(t);
  tm.putOnWait(t);
}
