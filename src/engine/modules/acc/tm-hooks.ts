/**
 * acc's records of transactions, driven by tm's callbacks as modules/acc/acc_logic.c drives
 * them: acc_onreq() at TMCB_REQUEST_IN keeps a transaction whose request carries `log_flag` or
 * `log_missed_flag` (not a CANCEL unless report_cancels); its final reply sent upstream
 * (TMCB_RESPONSE_OUT, acc_onreply()) writes "transaction answered" when should_acc_reply() says
 * so, and a missed call (an INVITE's negative reply with the missed flag, at TMCB_ON_FAILURE
 * before failure_route or at the final reply, on_missed()) writes "call missed" once, clearing
 * the flag.
 */
import type { ScriptContext } from "../../runtime/context.js";
import type { Process } from "../../runtime/process.js";
import type { SimulationHost } from "../runtime-types.js";
import type { Cell, TmcbParams } from "../tm/api.js";
import { tmCallbacks } from "../tm/api.js";
import { errorText } from "../tm/build.js";
import { type AccKind, type AccLog, LAST_TO_TAG, writeAccRecord } from "./record.js";
import type { AccSettings } from "./runtime.js";

/** A flag set in the transaction's request (flag -1: the parameter is unset, never on). */
function on(t: Cell, flag: number): boolean {
  return flag >= 0 && flag < 32 && (t.msgFlags & (1 << flag)) !== 0;
}

const isInvite = (t: Cell) => t.method === "INVITE";

/** Registers acc's tm callbacks once for the simulation; nothing when tm is not loaded. */
export function hookTm(host: SimulationHost, s: AccSettings, log: AccLog): void {
  const cbs = tmCallbacks({ sv: host.sv });
  if (cbs === undefined) return;
  /** Transactions acc_onreq() took, and those it also asked TMCB_ON_FAILURE for. */
  const kept = new WeakSet<Cell>();
  const onFailure = new WeakSet<Cell>();
  cbs.register("REQUEST_IN", (t) => {
    if (t.method === "CANCEL" && !s.reportCancels) return;
    if (!on(t, s.logFlag) && !on(t, s.logMissedFlag)) return;
    kept.add(t);
    if (isInvite(t) && on(t, s.logMissedFlag)) onFailure.add(t);
  });
  const write = (t: Cell, p: TmcbParams, kind: AccKind, branch: number) => {
    const proc = p.process as Process | undefined;
    if (proc === undefined) return;
    const ctx = host.context(proc, t.request, p.t ?? host.sv.kernel.now, t.src, t.req);
    ctx.logPrefix = p.prefix;
    record(ctx, t, p, kind, branch, log);
  };
  const missed = (t: Cell, p: TmcbParams) => {
    const code = p.code ?? 0;
    const br = t.relayedReplyBranch >= 0 ? t.relayedReplyBranch : code >= 300 ? (p.branch ?? -1) : -1;
    // env_set_totag(): with a local reply (or one without To) acc keeps tm's To tag, in a static
    // of the process that later records fall back to (record.ts).
    if (!p.rpl?.to && p.process) p.process.local.set(LAST_TO_TAG, t.uas.toTag);
    write(t, p, "missed", br);
    t.msgFlags &= ~(1 << s.logMissedFlag);
  };
  cbs.register("ON_FAILURE", (t, p) => {
    if (onFailure.has(t) && on(t, s.logMissedFlag)) missed(t, p);
  });
  cbs.register("RESPONSE_OUT", (t, p) => {
    if (!kept.has(t)) return;
    const code = p.code ?? 0;
    if (isInvite(t) && code >= 300 && on(t, s.logMissedFlag)) missed(t, p);
    if (!shouldAccReply(t, p, code, s)) return;
    const br = t.relayedReplyBranch >= 0 ? t.relayedReplyBranch : code >= 300 ? (p.branch ?? -1) : -1;
    write(t, p, code >= 300 ? "failed" : "transaction", br);
  });
}

/** should_acc_reply(): failed transactions only with their flag (and not filtered), provisional ones only as early media. */
function shouldAccReply(t: Cell, p: TmcbParams, code: number, s: AccSettings): boolean {
  if (code >= 300) return on(t, s.failedFlag) && !s.failedFilter.includes(code);
  if (!on(t, s.logFlag)) return false;
  if (code < 200) return s.earlyMedia && (p.rpl?.body.length ?? 0) > 0;
  return true;
}

/**
 * The record on the transaction's request, its R-URI being the winning branch's (acc_onreply()
 * sets new_uri to t->uac[br].uri for the extras, then puts it back). A relayed reply gives its
 * status line; a local one its code and error_text()'s reason, whatever the script wrote.
 */
function record(ctx: ScriptContext, t: Cell, p: TmcbParams, kind: AccKind, br: number, log: AccLog): void {
  const code = p.code ?? 0;
  const rpl = p.rpl;
  const saved = t.request.ruri;
  const branchUri = br >= 0 ? t.uacs[br]?.uri : undefined;
  if (branchUri !== undefined) t.request.ruri = branchUri;
  try {
    // get_rpl_to(): the reply's To, or the request's for a local reply.
    const to = rpl?.to ?? t.request.to;
    writeAccRecord(log, ctx, kind, {
      toTag: to?.tag ?? "",
      code: rpl?.reply?.status ?? String(code),
      reason: rpl?.reply?.reason ?? errorText(code),
    });
  } finally {
    t.request.ruri = saved;
  }
}
