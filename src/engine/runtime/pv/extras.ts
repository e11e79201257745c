/**
 * Per-message state that only some pseudo-variables use (`$xavp` lists, `$du`, branch and script
 * flags, the forced socket, added branches), kept in one object made on first write so that the
 * run context of every message stays small (most scripts never touch them).
 */
import type { ScriptContext } from "../context.js";
import type { XavpLists } from "./xavp-store.js";

export interface PvExtras {
  /** `$xavp`, `$xavu`, `$xavi`. */
  xavps: XavpLists | null;
  /** `$du`: msg->dst_uri, null when none. */
  dstUri: string | null;
  /** `$bf`: flags of branch 0 (dset.c ruri_bflags), cleared for each message by clear_branches(). */
  bflags: number;
  /** `$sf`: script flags (core/flags.c), 0 at the start of each top route run (action.c run_top_route()). */
  sflags: number;
  /** `$fs`: a send socket was forced (kamsim listens on one socket, so it can only be that one). */
  forceSocket: boolean;
  /** URIs of the branches added (`$br = ...`, dset.c append_branch()). */
  branches: string[] | null;
  /** Flags of the added branches (kex setbflag(flag, idx) with idx 1..; dset.c branches[].flags). */
  branchFlags?: number[];
  /** The other fields of the added branches (dst_uri, path, q...), beside `branches` (runtime/dset.ts). */
  branchAttrs?: (BranchAttrs | undefined)[];
  /** Fields of the R-URI's branch 0 other than `$ru`/`$du`/`$bf` (dset.c ruri_q, msg->path_vec...). */
  ruri?: BranchAttrs;
  /** The R-URI clear_branches() consumed (dset.c ruri_is_new is 0 while `$ru` still equals it). */
  ruriConsumed?: string;
  /** Kamailio's msg->msg_flags (FL_FORCE_RPORT...): runtime/msg-flags.ts reads and writes them. */
  coreFlags?: number;
}

/** The message's extras, made on first use. */
export function extrasOf(ctx: ScriptContext): PvExtras {
  ctx.pvx ??= { xavps: null, dstUri: null, bflags: 0, sflags: 0, forceSocket: false, branches: null };
  return ctx.pvx;
}

/** What a destination set entry holds besides its URI and flags (dset.c branch_t; runtime/dset.ts). */
export interface BranchAttrs {
  dstUri?: string;
  path?: string;
  /** qvalue_t: -1 unspecified, else 0..1000. */
  q?: number;
  /** The forced send socket (`udp:127.0.0.1:5060`). */
  sock?: string;
  instance?: string;
  regId?: number;
  ruid?: string;
  ua?: string;
}
