/**
 * The destination set of a request (core/dset.c): branch 0 is the R-URI with its own fields
 * (`$ru`, `$du`, `$bf`, and dset.c's ruri_q, msg->path_vec, instance, ruid, location_ua); the
 * appended branches (append_branch()/ksr_push_branch(): `$br = ...`, registrar's lookup(), kex
 * append_branch()...) each hold a URI, flags and the fields of BranchAttrs. tm's t_relay forks
 * to the R-URI and then to every appended branch, and clears the set (clear_branches()).
 *
 * The state hangs off the message's PvExtras: the URIs in `branches` and the flags in
 * `branchFlags` (as `$br`, `$bR` and kex's setbflag(flag, idx) read them), the other fields in the
 * parallel `branchAttrs`; the R-URI's other fields in `ruri`.
 */
import { L_ERR } from "../base/log-levels.js";
import type { ScriptContext } from "./context.js";
import { type BranchAttrs, extrasOf } from "./pv/extras.js";
import { whereIn } from "./services.js";

export type { BranchAttrs };

/** dset.c sr_dst_max_branches default: the R-URI's branch plus 11 appended ones. */
export const MAX_BRANCHES = 12;

/** qvalue.h Q_UNSPECIFIED. */
export const Q_UNSPECIFIED = -1;

/** One appended branch, read whole. */
export interface Branch extends BranchAttrs {
  uri: string;
  q: number;
  flags: number;
}

/** The appended branches, in order (not the R-URI's branch 0). */
export function branchesOf(ctx: ScriptContext): Branch[] {
  const x = ctx.pvx;
  const uris = x?.branches;
  if (!x || !uris || uris.length === 0) return [];
  return uris.map((uri, i) => ({
    ...x.branchAttrs?.[i],
    uri,
    q: x.branchAttrs?.[i]?.q ?? Q_UNSPECIFIED,
    flags: x.branchFlags?.[i] ?? 0,
  }));
}

/** Number of appended branches (dset.c nr_branches). */
export function branchCount(ctx: ScriptContext): number {
  return ctx.pvx?.branches?.length ?? 0;
}

/**
 * append_branch() (dset.c): false, after Kamailio's error line, when the set is full. An empty
 * `uri` takes the current R-URI, as append_branch() does.
 */
export function appendBranch(ctx: ScriptContext, b: Partial<Branch>): boolean {
  const x = extrasOf(ctx);
  x.branches ??= [];
  if (x.branches.length === MAX_BRANCHES - 1) {
    ctx.sv.log.core(ctx.proc, L_ERR, "dset.c:422", "append_branch", "max nr of branches exceeded", whereIn(ctx));
    return false;
  }
  const i = x.branches.length;
  x.branches.push(b.uri !== undefined && b.uri !== "" ? b.uri : ctx.msg.ruri);
  x.branchFlags ??= [];
  x.branchFlags[i] = b.flags ?? 0;
  x.branchAttrs ??= [];
  x.branchAttrs[i] = attrsOf(b);
  return true;
}

/** Rewrites appended branch `i` in place (registrar's lookup_branches()). */
export function setBranch(ctx: ScriptContext, i: number, b: Branch): void {
  const x = extrasOf(ctx);
  if (!x.branches || i >= x.branches.length) return;
  x.branches[i] = b.uri;
  x.branchFlags ??= [];
  x.branchFlags[i] = b.flags;
  x.branchAttrs ??= [];
  x.branchAttrs[i] = attrsOf(b);
}

function attrsOf(b: Partial<Branch>): BranchAttrs {
  const a: BranchAttrs = {};
  if (b.dstUri) a.dstUri = b.dstUri;
  if (b.path) a.path = b.path;
  if (b.q !== undefined) a.q = b.q;
  if (b.sock) a.sock = b.sock;
  if (b.instance) a.instance = b.instance;
  if (b.regId) a.regId = b.regId;
  if (b.ruid) a.ruid = b.ruid;
  if (b.ua) a.ua = b.ua;
  return a;
}

/** clear_branches() (dset.c): no appended branch, the R-URI's q and branch flags reset. */
export function clearBranches(ctx: ScriptContext): void {
  const x = ctx.pvx;
  if (!x) return;
  x.branches = null;
  x.branchFlags = undefined;
  x.branchAttrs = undefined;
  x.bflags = 0;
  if (x.ruri) x.ruri.q = Q_UNSPECIFIED;
  // ruri_mark_consumed(): the R-URI is not forked to again until rewritten.
  x.ruriConsumed = ctx.msg.ruri;
}

/** The R-URI branch's fields other than `$ru`, `$du` and `$bf` (made on first write). */
export function ruriAttrs(ctx: ScriptContext): BranchAttrs {
  const x = extrasOf(ctx);
  x.ruri ??= {};
  return x.ruri;
}

/** get_ruri_q(). */
export function ruriQ(ctx: ScriptContext): number {
  return ctx.pvx?.ruri?.q ?? Q_UNSPECIFIED;
}

/** set_ruri_q(). */
export function setRuriQ(ctx: ScriptContext, q: number): void {
  ruriAttrs(ctx).q = q;
}
