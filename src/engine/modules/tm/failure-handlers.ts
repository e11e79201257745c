/**
 * The routes tm runs on a transaction's request when a branch fails (modules/tm/t_reply.c,
 * 5.6.3): run_failure_handlers() (failure_route), run_branch_failure_handlers()
 * (event_route[tm:branch-failure:NAME]) and faked_env(), the request as they see it.
 */
import type { Micros } from "../../base/time.js";
import type { ScriptContext } from "../../runtime/context.js";
import type { Process } from "../../runtime/process.js";
import { extrasOf } from "../../runtime/pv/extras.js";
import type { SipMessage } from "../../sip/sip-message.js";
import type { SimulationHost } from "../runtime-types.js";
import { type Cell, FAKED_REPLY, type Uac } from "./cell.js";
import type { Where } from "./local-reply.js";
import { enterTmRoute } from "./msg-state.js";
import type { Tm } from "./tm.js";

/**
 * run_failure_handlers(): the branch's failure_route, on the transaction's request as it was
 * when the transaction was made (R-URI, $du, flags), in the process handling the reply or the
 * timer. The hook is spent: the route must arm it again for another round.
 */
export function runFailure(
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
  enterTmRoute(ctx, t, "failure", picked, reply, code);
  tm.emit({ t: w.now, op: "route", route: cell.name, branch: picked, code, proc: w.proc.index, req: w.req }, t);
  host.runScriptRoute(cell, ctx);
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
export function runBranchFailure(
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
  enterTmRoute(ctx, t, "branch_failure", branch, reply, code);
  tm.emit({ t: w.now, op: "route", route: cell.name, branch, code, proc: w.proc.index, req: w.req }, t);
  host.runScriptRoute(cell, ctx);
  t.msgFlags = ctx.msgFlags;
}
