/**
 * The destination URI of a request (`msg->dst_uri`, where it is sent instead of the R-URI):
 * `$du` / `$duri` read and written as modules/pv/pv_core.c does, and its parts `$dd`, `$dp`,
 * `$dP` (pv_get_dsturi_attr()). Writing a string sets it (set_dst_uri() in
 * parser/msg_parser.c: no check, `""` resets it); `$null` resets it; an int from an
 * expression is refused ("error - str value required to set dst uri"), an int read from a PV
 * carries its text and is taken. It is cleared for each message.
 */
import { L_ERR } from "../../base/log-levels.js";
import { q2str } from "../../sip/qvalue.js";
import { parseUri, type SipUri, uriPort } from "../../sip/uri.js";
import type { ScriptContext } from "../context.js";
import { branchesOf, Q_UNSPECIFIED } from "../dset.js";
import type { PvAccess, PvImpl } from "../env.js";
import { whereIn } from "../services.js";
import type { Value } from "../values.js";
import { extrasOf } from "./extras.js";
import { readOnly } from "./simple.js";

const du: PvAccess = {
  total: true,
  get: (ctx) => ctx.pvx?.dstUri ?? null,
  set: (ctx: ScriptContext, v: Value, fromPv?: boolean) => {
    if (v === null) {
      if (ctx.pvx) ctx.pvx.dstUri = null;
      return true;
    }
    if (typeof v === "number" && !fromPv) {
      ctx.sv.log.module(
        ctx.proc,
        L_ERR,
        "pv",
        "pv_core.c:2995",
        "pv_set_dsturi",
        "error - str value required to set dst uri",
        whereIn(ctx),
      );
      return false;
    }
    const s = String(v);
    extrasOf(ctx).dstUri = s === "" ? null : s;
    return true;
  },
};

/** The parsed `$du`; a `$du` that does not parse logs as pv_get_dsturi_attr() does. */
function dstParts(ctx: ScriptContext): SipUri | undefined {
  const du = ctx.pvx?.dstUri ?? null;
  if (du === null) return undefined;
  const u = parseUri(du);
  if (!u)
    ctx.sv.log.module(
      ctx.proc,
      L_ERR,
      "pv",
      "pv_core.c:1476",
      "pv_get_dsturi_attr",
      "failed to parse dst uri",
      whereIn(ctx),
    );
  return u;
}

const duImpl: PvImpl = { compile: () => du };

/** sr_dst_max_branches (dset.c): the R-URI's branch plus 11 more. */
const MAX_BRANCHES = 12;

/**
 * `$br`: reading gives the first added branch's URI; assigning adds a branch (pv_set_branch()
 * → append_branch() in dset.c), which `$null`, an int from an expression or "" refuse.
 */
const br: PvAccess = {
  total: true,
  get: (ctx) => ctx.pvx?.branches?.[0] ?? null,
  set: (ctx: ScriptContext, v: Value, fromPv?: boolean) => {
    if (v === null) return pvError(ctx, 3198, "pv_set_branch", "bad parameters");
    if ((typeof v === "number" && !fromPv) || v === "")
      return pvError(ctx, 3204, "pv_set_branch", "str value required to set the branch");
    const x = extrasOf(ctx);
    x.branches ??= [];
    if (x.branches.length === MAX_BRANCHES - 1) {
      ctx.sv.log.core(ctx.proc, L_ERR, "dset.c:422", "append_branch", "max nr of branches exceeded", whereIn(ctx));
      return pvError(ctx, 3211, "pv_set_branch", "append_branch action failed");
    }
    x.branches.push(String(v));
    return true;
  },
};

function pvError(ctx: ScriptContext, line: number, fn: string, text: string): false {
  ctx.sv.log.module(ctx.proc, L_ERR, "pv", `pv_core.c:${line}`, fn, text, whereIn(ctx));
  return false;
}

export const dstPvars: Readonly<Record<string, PvImpl>> = {
  du: duImpl,
  br: { compile: () => br },
  // pv_get_branches() (pv_core.c): every appended branch's URI, `<uri>;q=Q` when it has a q,
  // joined by ", "; <null> for a reply.
  bR: readOnly((ctx) => {
    if (ctx.msg.reply !== undefined) return null;
    const b = branchesOf(ctx);
    return b.length > 0
      ? b.map((x) => (x.q === Q_UNSPECIFIED ? x.uri : `<${x.uri}>;q=${q2str(x.q)}`)).join(", ")
      : null;
  }),
  duri: duImpl,
  dd: readOnly((ctx) => {
    const u = dstParts(ctx);
    return u && u.host !== "" ? u.host : null;
  }),
  dp: readOnly((ctx) => {
    const u = dstParts(ctx);
    return u ? uriPort(u) : null;
  }),
  dP: readOnly((ctx) => {
    const u = dstParts(ctx);
    return u ? (u.transport ?? "UDP") : null;
  }),
};
