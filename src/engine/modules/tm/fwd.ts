/**
 * tm's request side (5.6.3): t_newtran() (t_lookup.c) creates a transaction or finds the one a
 * retransmission belongs to; t_relay_to() (t_funcs.c) adds the automatic 100 and forwards with
 * t_forward_nonack() (t_fwd.c): one branch for the R-URI ($du as next hop) and one per appended
 * branch (core/dset.c), each built with its own Via branch (add_uac(), prepare_new_uac()) and
 * sent with its retransmission and final-response timers (t_send_branch()). A CANCEL goes to
 * e2e_cancel(): a CANCEL per answered branch (cancel_branch(), t_cancel.c) and 200 upstream.
 * An ACK that matches no transaction is forwarded statelessly (forward_request(), core/forward.c).
 * t_newtran() itself is in newtran.ts, e2e_cancel() and cancel_branch() in cancel.ts.
 *
 * kamsim has no DNS: a next hop whose host is not an IP address cannot be resolved, which
 * Kamailio reports as E_BAD_ADDRESS ("Unresolvable destination (478/TM)").
 */
import { L_ERR, L_WARN } from "../../base/log-levels.js";
import type { Micros } from "../../base/time.js";
import type { ScriptContext } from "../../runtime/context.js";
import { DROP_R_F } from "../../runtime/context.js";
import { branchesOf, clearBranches } from "../../runtime/dset.js";
import { FL_ADD_LOCAL_RPORT, FL_FORCE_RPORT, hasMsgFlag } from "../../runtime/msg-flags.js";
import type { Process } from "../../runtime/process.js";
import { extrasOf } from "../../runtime/pv/extras.js";
import { nowIn, whereIn } from "../../runtime/services.js";
import type { HostPort } from "../../runtime/sip-net.js";
import { parseUri } from "../../sip/uri.js";
import { buildForwardedRequest } from "../core/build-request.js";
import { restoreLumps, snapshotLumps } from "../lumps.js";
import { e2eCancel } from "./cancel.js";
import { type Cell, newTimer, T_AUTO_INV_100, T_CANCELED, T_DISABLE_INTERNAL_REPLY, type Uac } from "./cell.js";
import {
  E_BAD_ADDRESS,
  E_BAD_REQ,
  E_CANCELED,
  E_CFG,
  E_SCRIPT,
  E_SEND,
  E_TOO_MANY_BRANCHES,
  E_UNSPEC,
} from "./errors.js";
import { branchParam, charMsgVal, tmHash } from "./ids.js";
import { killTransaction, tReply } from "./local-reply.js";
import { REQ_FWDED, tmOf } from "./msg-state.js";
import { keyOf, newtran, releaseTransaction } from "./newtran.js";
import type { Tm } from "./tm.js";

/** sr_dst_max_branches default (core/dset.c). */
const MAX_BRANCHES = 12;

/** Where a URI's request goes: its host (an IP in kamsim) and port, 5060 (5061 for sips) by default. */
export function uriDestination(uri: string): HostPort | undefined {
  const u = parseUri(uri);
  if (u === undefined || u.scheme === "tel") return undefined;
  let host = u.host;
  if (host.startsWith("[") && host.endsWith("]")) host = host.slice(1, -1);
  if (!isIpAddress(host)) return undefined;
  const port = u.port !== undefined && u.portNo !== 0 ? u.portNo : u.scheme === "sips" ? 5061 : 5060;
  return { ip: host, port };
}

function isIpAddress(host: string): boolean {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(host)) return host.split(".").every((p) => Number(p) <= 255);
  return host.includes(":") && /^[0-9a-fA-F:.]+$/.test(host);
}

/** The log line Kamailio writes when it cannot resolve a next hop (no DNS in kamsim). */
function unresolvable(ctx: ScriptContext, uri: string): void {
  const host = parseUri(uri)?.host ?? uri;
  ctx.sv.log.core(
    ctx.proc,
    L_ERR,
    "resolve.c:1730",
    "sip_hostport2su",
    `could not resolve hostname: "${host}"`,
    whereIn(ctx),
  );
}

/**
 * t_relay_to(): CANCEL → e2e CANCEL; a new transaction (its 100 for an INVITE), then its
 * branches; a retransmission → 1 (its reply resent); an unmatched ACK → stateless forward.
 * A forwarding failure is answered upstream (kill_transaction()) unless
 * t_set_disable_internal_reply() asked not to (-4).
 */
export function relay(tm: Tm, ctx: ScriptContext, proxy?: HostPort): number {
  if (ctx.msg.method === "CANCEL") return forwardCancel(tm, ctx, proxy);
  const r = newtran(tm, ctx);
  const s = tmOf(ctx);
  if (r !== E_SCRIPT) {
    if (r < 0) return r;
    if (r === 0) return 1;
  } else if (ctx.msg.method === "ACK") {
    const text = "negative or local ACK caught, please report";
    ctx.sv.log.module(ctx.proc, L_WARN, "tm", "t_funcs.c:268", "t_relay_to", text, whereIn(ctx));
    if (s.t) releaseTransaction(tm, ctx, s.t);
    return 1;
  }
  if (ctx.msg.method === "ACK") return statelessForward(tm, ctx, proxy);
  const t = s.t as Cell;
  if (t.method === "INVITE" && (t.flags & T_AUTO_INV_100) !== 0 && t.uas.status < 100)
    tReply(tm, t, 100, tm.cfg.autoInv100Reason, ctx);
  const ret = forwardNonack(tm, ctx, t, proxy);
  if (ret <= 0) {
    if ((t.flags & T_DISABLE_INTERNAL_REPLY) !== 0) {
      s.tmError = ret;
      return -4;
    }
    if (killTransaction(tm, t, ret, ctx) <= 0) releaseTransaction(tm, ctx, t);
  }
  return ret;
}

/** t_forward_nonack(): the R-URI's branch and the appended ones, then each sent. */
export function forwardNonack(tm: Tm, ctx: ScriptContext, t: Cell, proxy?: HostPort): number {
  const s = tmOf(ctx);
  s.kr |= REQ_FWDED;
  if ((t.flags & T_CANCELED) !== 0) {
    // "no forwarding on a canceled transaction" is a debug line (t_fwd.c).
    return E_CANCELED;
  }
  if (ctx.msg.method === "CANCEL") {
    const k = keyOf(ctx);
    const inv = k && tm.table.lookupOriginal(tmHash(k.callId, k.cseq), k.req, k.via);
    if (inv) {
      e2eCancel(tm, ctx, t, inv);
      return 1;
    }
  }
  // Hooks armed after the transaction was made (t_on_*() with T set writes the cell).
  const first = t.uacs.length;
  let lowest = E_UNSPEC;
  const added: number[] = [];
  const x = ctx.pvx;
  const ruriTarget = {
    uri: ctx.msg.ruri,
    dstUri: x?.dstUri ?? null,
    flags: x?.bflags ?? 0,
    path: x?.ruri?.path,
  };
  const targets = [
    ruriTarget,
    ...branchesOf(ctx).map((b) => ({ uri: b.uri, dstUri: b.dstUri ?? null, flags: b.flags, path: b.path })),
  ];
  for (const target of targets) {
    const r = addUac(tm, ctx, t, target.uri, target.dstUri, target.flags, proxy, target.path);
    if (r >= 0) added.push(r);
    else lowest = Math.min(lowest, r);
  }
  clearBranches(ctx);
  t.msgFlags = ctx.msgFlags;
  if (added.length === 0) {
    ctx.sv.log.module(
      ctx.proc,
      L_ERR,
      "tm",
      "t_fwd.c:1759",
      "t_forward_nonack",
      "failure to add branches",
      whereIn(ctx),
    );
    return lowest;
  }
  let ok = 0;
  for (const i of added) if (sendBranch(tm, t, i, nowIn(ctx), ctx) >= 0) ok++;
  if (ok === 0) return E_SEND;
  void first;
  return 1;
}

/**
 * add_uac(): a branch to `uri` (next hop `dstUri` if set, else the URI, or `proxy`), its
 * branch_route run, its request built with the branch's Via.
 */
function addUac(
  tm: Tm,
  ctx: ScriptContext,
  t: Cell,
  uri: string,
  dstUri: string | null,
  bflags: number,
  proxy?: HostPort,
  path?: string,
): number {
  const index = t.uacs.length;
  if (index >= MAX_BRANCHES) {
    ctx.sv.log.module(
      ctx.proc,
      L_ERR,
      "tm",
      "t_fwd.c:782",
      "add_uac",
      "maximum number of branches exceeded",
      whereIn(ctx),
    );
    return E_TOO_MANY_BRANCHES;
  }
  const msg = ctx.msg;
  const savedRuri = msg.ruri;
  const x = extrasOf(ctx);
  const savedDu = x.dstUri;
  const savedBf = x.bflags;
  // prepare_new_uac(): with a branch_route, the lumps are duplicated before it runs and put
  // back after the branch's request is built, so what the route adds is that branch's only.
  const snap = t.onBranch !== undefined ? snapshotLumps(msg) : undefined;
  msg.ruri = uri;
  x.dstUri = dstUri;
  x.bflags = bflags;
  try {
    // branch_route: on the request with this branch's R-URI and $du; drop skips the branch.
    if (t.onBranch !== undefined && tm.host) {
      const cell = tm.host.branchRoute(t.onBranch);
      if (cell) {
        const before = ctx.route;
        const bs = tmOf(ctx);
        const savedKind = bs.kind;
        bs.kind = "branch";
        bs.branch = index;
        const flags = ctx.flags;
        ctx.flags = 0;
        tm.host.runScriptRoute(cell, ctx);
        const dropped = (ctx.flags & DROP_R_F) !== 0;
        ctx.flags = flags;
        ctx.route = before;
        bs.kind = savedKind;
        bs.branch = -1;
        if (dropped) return E_CFG;
      }
    }
    const nextHop = x.dstUri ?? msg.ruri;
    const dst = proxy ?? uriDestination(nextHop);
    if (dst === undefined) {
      unresolvable(ctx, nextHop);
      return E_BAD_ADDRESS;
    }
    const branch = branchParam(t.hashIndex, t.md5, index);
    const text = buildForwardedRequest(msg, {
      branch,
      socket: tm.socket,
      rcv: tm.socket,
      src: t.src,
      forceRport: hasMsgFlag(ctx, FL_FORCE_RPORT),
      localRport: hasMsgFlag(ctx, FL_ADD_LOCAL_RPORT),
      path,
    });
    if (text === undefined) return E_BAD_REQ;
    const uac: Uac = {
      index,
      uri: msg.ruri,
      request: { text, dst, flags: 0, timer: newTimer() },
      localCancel: undefined,
      branch,
      lastReceived: 0,
      reply: undefined,
      replyReason: "",
      onReply: t.onReply,
      onFailure: t.onFailure,
      onBranchFailure: t.onBranchFailure,
      branchFlags: x.bflags,
      dstUri: x.dstUri,
    };
    t.uacs.push(uac);
    return index;
  } finally {
    if (snap !== undefined) restoreLumps(msg, snap);
    msg.ruri = savedRuri;
    x.dstUri = savedDu;
    x.bflags = savedBf;
  }
}

/** t_send_branch(): the request on the wire, its timers started (retransmissions over UDP). */
export function sendBranch(tm: Tm, t: Cell, i: number, now: Micros, ctx?: ScriptContext): number {
  const u = t.uacs[i] as Uac;
  const text = u.request.text;
  if (text === undefined) return -1;
  const proc = ctx ? (ctx.proc as Process) : tm.timerProc;
  tm.send(u.request.dst, text, now, proc, ctx?.req);
  tm.emit(
    {
      t: now,
      op: "branch",
      branch: i,
      dst: `${u.request.dst.ip}:${u.request.dst.port}`,
      proc: proc?.index,
      req: ctx?.req,
    },
    t,
  );
  tm.callbacks.run("REQUEST_FWDED", t, { req: t.request, branch: i, t: now, proc: proc?.index });
  tm.startRetr(u.request, { t, kind: "uac", branch: i }, t.frTimeout);
  return i;
}

/** forward_request() of core/forward.c for an ACK no transaction took: branch 0 of its own value. */
function statelessForward(tm: Tm, ctx: ScriptContext, proxy?: HostPort): number {
  const k = keyOf(ctx);
  if (k === undefined) return E_BAD_REQ;
  const nextHop = ctx.pvx?.dstUri ?? ctx.msg.ruri;
  const dst = proxy ?? uriDestination(nextHop);
  if (dst === undefined) {
    unresolvable(ctx, nextHop);
    return E_BAD_ADDRESS;
  }
  const branch = branchParam(tmHash(k.callId, k.cseq), charMsgVal(k.req, k.req.originalRuri, k.via), 0);
  const text = buildForwardedRequest(ctx.msg, {
    branch,
    socket: tm.socket,
    rcv: tm.socket,
    src: ctx.src,
    forceRport: hasMsgFlag(ctx, FL_FORCE_RPORT),
    localRport: hasMsgFlag(ctx, FL_ADD_LOCAL_RPORT),
  });
  if (text === undefined) return E_BAD_REQ;
  tm.send(dst, text, nowIn(ctx), ctx.proc as Process, ctx.req);
  return 1;
}

/**
 * t_forward_cancel(): with unmatched_cancel 0 a CANCEL gets its own transaction; if its INVITE
 * is known, e2e_cancel(); else it is forwarded like any request.
 */
function forwardCancel(tm: Tm, ctx: ScriptContext, proxy?: HostPort): number {
  const k = keyOf(ctx);
  const inv = k ? tm.table.lookupOriginal(tmHash(k.callId, k.cseq), k.req, k.via) : undefined;
  if (inv === undefined && tm.cfg.unmatchedCancel === 2) return 1;
  const r = newtran(tm, ctx);
  if (r <= 0 && r !== E_SCRIPT) return r === 0 ? 1 : r;
  const t = tmOf(ctx).t as Cell;
  if (inv !== undefined) {
    e2eCancel(tm, ctx, t, inv);
    return 1;
  }
  const ret = forwardNonack(tm, ctx, t, proxy);
  if (ret <= 0 && killTransaction(tm, t, ret, ctx) <= 0) releaseTransaction(tm, ctx, t);
  return ret;
}
