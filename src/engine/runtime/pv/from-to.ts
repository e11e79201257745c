/**
 * Assigning the From and To pseudo-variables (`$fu $fU $fd $fn`, `$tu $tU $td $tn`, their long
 * names, and `$tUl`, which pv.c also gives pv_set_to_username()). Kamailio does not change the
 * parsed header: pv_set_xto_attr() (modules/pv/pv_core.c) adds a lump that only the message
 * sent on carries, so later reads in the script still give the received value. kamsim sends no
 * request on (forwarding is not simulated), so an assignment is checked as Kamailio checks it —
 * the header must parse, the value must be a string, a URI or domain cannot be deleted with
 * `$null` (a warning, not a failure) — and otherwise changes nothing the script can see.
 */
import { L_ERR, L_WARN } from "../../base/log-levels.js";
import type { ScriptContext } from "../context.js";
import type { PvAccess, PvImpl } from "../env.js";
import { whereIn } from "../services.js";
import type { Value } from "../values.js";
import { messagePvars, xtoUri } from "./message.js";

/** pv_set_xto_attr()'s part: 0 uri, 1 username, 2 domain, 3 display. */
type Part = 0 | 1 | 2 | 3;

/** What each part logs (pv_core.c line, level, text) when given $null or a non-string. */
const NULL_WARN: Partial<Record<Part, { line: number; text: string }>> = {
  0: { line: 3506, text: "To header URI cannot be deleted" },
  2: { line: 3567, text: "To header URI domain cannot be deleted" },
};
const NON_STR: Record<Part, { line: number; text: string }> = {
  0: { line: 3511, text: "attempt to assign non-str value to To header URI" },
  1: { line: 3541, text: "attempt to assign non-str value to To header display name" },
  2: { line: 3572, text: "attempt to assign non-str value to To header URI domain" },
  3: { line: 3602, text: "attempt to assign non-str value to To header display name" },
};

function log(ctx: ScriptContext, level: number, line: number, fn: string, text: string): void {
  ctx.sv.log.module(ctx.proc, level, "pv", `pv_core.c:${line}`, fn, text, whereIn(ctx));
}

/** The setter of one part of From (`from`) or To. */
function xtoSetter(from: boolean, part: Part) {
  return (ctx: ScriptContext, v: Value, fromPv?: boolean): boolean => {
    const hdr = from ? ctx.msg.from : ctx.msg.to;
    // pv_set_from_attr() / pv_set_to_attr(): the header and its URI must parse.
    if (!hdr) {
      if (from) log(ctx, L_ERR, 3709, "pv_set_from_attr", "failed to parse From header");
      else if (ctx.msg.header("to") !== undefined) log(ctx, L_ERR, 3663, "pv_set_to_attr", "cannot parse To header");
      return false;
    }
    if (!xtoUri(ctx, from)) {
      if (from) log(ctx, L_ERR, 3714, "pv_set_from_attr", "cannot parse From header URI");
      else log(ctx, L_ERR, 3671, "pv_set_to_attr", "cannot parse To header URI");
      return false;
    }
    if (v === null) {
      const warn = NULL_WARN[part];
      if (warn) log(ctx, L_WARN, warn.line, "pv_set_xto_attr", warn.text);
      return true;
    }
    if (typeof v === "number" && !fromPv) {
      const e = NON_STR[part];
      log(ctx, L_ERR, e.line, "pv_set_xto_attr", e.text);
      return false;
    }
    return true;
  };
}

/** The read side stays message.ts's; the write side is added here. */
function writable(read: PvImpl, from: boolean, part: Part): PvImpl {
  const set = xtoSetter(from, part);
  return {
    compile(spec, env): PvAccess {
      const r = read.compile(spec, env);
      return { ...r, set };
    },
  };
}

const m = messagePvars as Record<string, PvImpl>;

export function fromToPvars(tUlRead: PvImpl): Record<string, PvImpl> {
  const fu = writable(m.fu as PvImpl, true, 0);
  const fU = writable(m.fU as PvImpl, true, 1);
  const fd = writable(m.fd as PvImpl, true, 2);
  const tu = writable(m.tu as PvImpl, false, 0);
  const tU = writable(m.tU as PvImpl, false, 1);
  const td = writable(m.td as PvImpl, false, 2);
  return {
    fu,
    from: fu,
    fU,
    "from.user": fU,
    fd,
    "from.domain": fd,
    fn: writable(m.fn as PvImpl, true, 3),
    tu,
    to: tu,
    tU,
    "to.user": tU,
    td,
    "to.domain": td,
    tn: writable(m.tn as PvImpl, false, 3),
    tUl: writable(tUlRead, false, 1),
  };
}
