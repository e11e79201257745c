/**
 * relay_reply() with t_should_relay_response() (modules/tm/t_reply.c, 5.6.3): what a branch's
 * reply (or tm's FAKED_REPLY) does to the transaction — provisional and 2xx go up at once (not
 * 100), a negative reply waits for every branch, then the best one (t_pick_branch()) goes up
 * unless the failure_route forked anew or replied itself; a 2xx or 6xx cancels the other
 * branches (prepare_to_cancel(), cancel_uacs()).
 */
import { L_WARN } from "../../base/log-levels.js";
import { FL_FORCE_RPORT } from "../../runtime/msg-flags.js";
import { buildReply } from "../../sip/reply.js";
import type { SipMessage } from "../../sip/sip-message.js";
import { errorText, relayedReplyText } from "./build.js";
import { cancelBranch, localCancelReason } from "./cancel.js";
import { type Cell, F_RB_CANCELED, FAKED_REPLY, isInvite, T_6xx, T_CANCELED, T_DISABLE_6xx, type Uac } from "./cell.js";
import { runBranchFailure, runFailure } from "./failure-handlers.js";
import { killTransaction, requestOfCell, startFinalReplRetr, type Where } from "./local-reply.js";
import { pickBranch } from "./pick-branch.js";
import type { Tm } from "./tm.js";

export type Rps = "store" | "provisional" | "completed" | "discarded" | "pushed";

/** prepare_to_cancel() + cancel_uacs() with cancel_b_method for the other branches (2xx, 6xx). */
function cancelOthers(tm: Tm, t: Cell, except: number, code: number, w: Where): void {
  const reason =
    code >= 200 && code < 300 ? localCancelReason(tm, code, "Call completed elsewhere") : localCancelReason(tm, code);
  for (const u of t.uacs) {
    if (u.index === except || u.lastReceived >= 200 || (u.request.flags & F_RB_CANCELED) !== 0) continue;
    cancelBranch(tm, t, u.index, reason, w.now, w.proc);
  }
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
