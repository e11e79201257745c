/**
 * Record-Route as modules/rr/record.c (5.6.3) adds it: lumps before the first header, filled in
 * when the request is built for sending (modules/lumps.ts). record_route() makes two pairs of
 * anchors when enable_double_rr is on — an outbound pair first, behind an OPT lump that is true
 * only when the sending socket differs from the receiving one (COND_IF_DIFF_REALMS; always with
 * enable_double_rr=2), then the inbound pair — and each pair reads
 * `Record-Route: <sip:[user@]ADDRESS[;r2=on]` (the address a SUBST lump of the socket) and
 * `;lr[;ftag=TAG][params][add_rr_param text]>` CRLF. With one UDP socket, as kamsim has, only the
 * inbound header appears, `;r2=on` never: `Record-Route: <sip:127.0.0.1:5071;lr;ftag=abc>`.
 */
import { L_CRIT2, L_ERR } from "../../base/log-levels.js";
import type { ScriptContext } from "../../runtime/context.js";
import type { PvAccess } from "../../runtime/env.js";
import { parseRawUri } from "../../sip/parse-uri.js";
import { anchorLump, anchorRrLump, headerLumps, type Lump, type LumpPart, msgView } from "../lumps.js";
import { direction, UPSTREAM } from "./direction.js";
import { headerTag, type RrConfig, rrLog, rrState } from "./state.js";

const RR_PARAM_BUF_SIZE = 512;

function recLog(ctx: ScriptContext, line: number, fn: string, text: string, level = L_ERR): void {
  rrLog(ctx, level, `record.c:${line}`, fn, text);
}

/**
 * The user part with add_username: get_custom_user() (the custom_user_avp variable, when it
 * holds a non-empty value), else get_username(): the user of the received Request-URI, else of
 * the new one.
 */
function username(ctx: ScriptContext, fn: string, custom: PvAccess | undefined): string | undefined {
  const c = custom?.get(ctx);
  if (c !== undefined && c !== null && String(c) !== "") return String(c);
  const v = msgView(ctx.msg);
  const received = v === undefined ? ctx.msg.ruri : v.raw.slice(v.uriStart, v.uriEnd);
  const p = parseRawUri(received);
  if (p === undefined) {
    recLog(ctx, 137, "get_username", "failed to parse R-URI");
    recLog(
      ctx,
      fn === "record_route" ? 396 : fn === "record_route_preset" ? 533 : 823,
      fn,
      "failed to extract username",
    );
    return undefined;
  }
  if (!p.user && ctx.msg.ruri !== received) {
    const n = parseRawUri(ctx.msg.ruri);
    if (n === undefined) {
      recLog(ctx, 148, "get_username", "failed to parse new_uri");
      return undefined;
    }
    return n.user ?? "";
  }
  return p.user ?? "";
}

/** rr_is_sips(): the Request-URI (as it is now) is a sips: URI. */
function isSips(ctx: ScriptContext, cfg: RrConfig): boolean {
  return !cfg.ignoreSips && parseRawUri(ctx.msg.ruri)?.type === "sips";
}

/** The tag record_route() appends: the To tag of an upstream request, else the From tag. */
function rrTag(ctx: ScriptContext, cfg: RrConfig): string | undefined {
  if (!cfg.appendFromtag) return "";
  return headerTag(ctx, direction(ctx, cfg) === UPSTREAM ? "to" : "from");
}

/** Offset of the first header (msg->headers->name.s). */
function firstHeader(ctx: ScriptContext): number | undefined {
  return msgView(ctx.msg)?.fields?.[0]?.start;
}

/** A pair of anchors at the first header: the Record-Route-typed one, then the plain one. */
function anchors(ctx: ScriptContext): [Lump, Lump] | undefined {
  const at = firstHeader(ctx);
  if (at === undefined) return undefined;
  const l = anchorRrLump(ctx.msg, at);
  const l2 = anchorLump(ctx.msg, at);
  return l && l2 ? [l, l2] : undefined;
}

/** build_rr(): the chains after `l` and before `l2` for one Record-Route header. */
function buildRr(
  cfg: RrConfig,
  l: Lump,
  l2: Lump,
  user: string,
  tag: string,
  params: string,
  paramBuf: string,
  inbound: boolean,
  sips: boolean,
): void {
  const prefix = `${sips ? "Record-Route: <sips:" : "Record-Route: <sip:"}${user ? `${user}@` : ""}`;
  l.after.push(prefix, { subst: inbound ? "rcv-all" : "snd-all" });
  if (cfg.enableDoubleRr) l.after.push({ cond: cfg.enableDoubleRr === 2 ? "true" : "diff-realms" }, ";r2=on");
  l2.before.push({ rr: `${cfg.enableFullLr ? ";lr=on" : ";lr"}${tag ? `;ftag=${tag}` : ""}${params}` });
  if (paramBuf) l2.before.push({ rr: paramBuf });
  l2.before.push(">\r\n");
}

/** record_route(msg, params): 0, or record.c's negative code after its error line. */
export function recordRoute(ctx: ScriptContext, cfg: RrConfig, params: string | undefined, custom?: PvAccess): number {
  const user = cfg.addUsername ? username(ctx, "record_route", custom) : "";
  if (user === undefined) return -1;
  const tag = rrTag(ctx, cfg);
  if (tag === undefined) {
    recLog(
      ctx,
      direction(ctx, cfg) === UPSTREAM ? 415 : 422,
      "record_route",
      `${direction(ctx, cfg) === UPSTREAM ? "To" : "From"} parsing failed`,
    );
    return -2;
  }
  const st = rrState(ctx);
  const sips = isSips(ctx, cfg);
  if (cfg.enableDoubleRr) {
    const a = anchors(ctx);
    if (a === undefined) {
      recLog(ctx, 445, "record_route", "failed to create an anchor");
      return -5;
    }
    const cond: LumpPart = { cond: cfg.enableDoubleRr === 2 ? "true" : "diff-realms" };
    a[0].after.push(cond);
    a[1].before.push(cond);
    buildRr(cfg, a[0], a[1], user, tag, params ?? "", st.paramBuf, false, sips);
  }
  const a = anchors(ctx);
  if (a === undefined) {
    recLog(ctx, 468, "record_route", "failed to create an anchor");
    return -3;
  }
  buildRr(cfg, a[0], a[1], user, tag, params ?? "", st.paramBuf, true, sips);
  st.paramBuf = "";
  return 0;
}

/** record_route_preset(msg, data): 1, or a negative code. The From tag and add_rr_param() text go before `;lr`. */
export function recordRoutePreset(ctx: ScriptContext, cfg: RrConfig, data: string, custom?: PvAccess): number {
  const sips = isSips(ctx, cfg);
  const user = cfg.addUsername ? username(ctx, "record_route_preset", custom) : "";
  if (user === undefined) return -1;
  let ftag = "";
  if (cfg.appendFromtag) {
    const t = headerTag(ctx, "from");
    if (t === undefined) {
      recLog(ctx, 551, "record_route_preset", "From parsing failed");
      return -2;
    }
    ftag = t;
  }
  const a = anchors(ctx);
  if (a === undefined) {
    recLog(ctx, 566, "record_route_preset", "failed to create lump anchors");
    return -3;
  }
  const st = rrState(ctx);
  const prefix = sips ? "Record-Route: <sips:" : "Record-Route: <sip:";
  a[0].after.push(`${prefix}${user ? `${user}@` : ""}${data}${ftag ? `;ftag=${ftag}` : ""}${st.paramBuf}`);
  a[1].before.push({ rr: cfg.enableFullLr ? ";lr=on" : ";lr" }, ">\r\n");
  return 1;
}

/** build_advertised_rr(): like build_rr() with the address given, `;transport=` behind OPT lumps, the tag before `;lr`. */
function buildAdvertisedRr(
  cfg: RrConfig,
  l: Lump,
  l2: Lump,
  data: string,
  user: string,
  tag: string,
  paramBuf: string,
  inbound: boolean,
  sips: boolean,
): void {
  const prefix = sips ? "Record-Route: <sips:" : "Record-Route: <sip:";
  l.after.push(`${prefix}${user ? `${user}@` : ""}${data}`);
  l.after.push({ cond: cfg.enableDoubleRr === 2 ? "true" : "diff-proto" }, ";transport=", {
    subst: inbound ? "rcv-proto" : "snd-proto",
  });
  if (cfg.enableDoubleRr) l.after.push({ cond: cfg.enableDoubleRr === 2 ? "true" : "diff-realms" }, ";r2=on");
  l2.before.push({ rr: `${tag ? `;ftag=${tag}` : ""}${cfg.enableFullLr ? ";lr=on" : ";lr"}` });
  if (paramBuf) l2.before.push({ rr: paramBuf });
  l2.before.push(">\r\n");
}

/** record_route_advertised_address(msg, data): 1, or a negative code. */
export function recordRouteAdvertised(ctx: ScriptContext, cfg: RrConfig, data: string, custom?: PvAccess): number {
  const user = cfg.addUsername ? username(ctx, "record_route_advertised_address", custom) : "";
  if (user === undefined) return -1;
  const tag = rrTag(ctx, cfg);
  if (tag === undefined) {
    const up = direction(ctx, cfg) === UPSTREAM;
    recLog(ctx, up ? 842 : 849, "record_route_advertised_address", `${up ? "To" : "From"} parsing failed`);
    return -2;
  }
  const st = rrState(ctx);
  const sips = isSips(ctx, cfg);
  if (cfg.enableDoubleRr) {
    const a = anchors(ctx);
    if (a === undefined) {
      recLog(ctx, 872, "record_route_advertised_address", "failed to create an anchor");
      return -3;
    }
    const cond: LumpPart = { cond: cfg.enableDoubleRr === 2 ? "true" : "diff-proto" };
    a[0].after.push(cond);
    a[1].before.push(cond);
    buildAdvertisedRr(cfg, a[0], a[1], data, user, tag, st.paramBuf, false, sips);
  }
  const a = anchors(ctx);
  if (a === undefined) {
    recLog(ctx, 896, "record_route_advertised_address", "failed to create an anchor");
    return -6;
  }
  buildAdvertisedRr(cfg, a[0], a[1], data, user, tag, st.paramBuf, true, sips);
  return 1;
}

/**
 * get_rr_param_lump(): from list index `from`, the first lump whose before-chain holds
 * Record-Route-typed text; the last such part in that chain, and the index after the lump.
 */
function rrParamLump(list: readonly Lump[], from: number): { chain: LumpPart[]; at: number; next: number } | undefined {
  for (let i = from; i < list.length; i++) {
    const chain = (list[i] as Lump).before;
    let at = -1;
    for (let k = 0; k < chain.length; k++) {
      const p = chain[k];
      if (typeof p === "object" && "rr" in p) at = k;
    }
    if (at >= 0) return { chain, at, next: i + 1 };
  }
  return undefined;
}

/**
 * add_rr_param(msg, param): after record_route() the text joins the Record-Route (both, with
 * double Record-Route: a missing second one is LM_CRIT and -1 after the first got it, as after
 * record_route_preset() with one address); before it, it waits in the buffer (512 bytes).
 */
export function addRrParam(ctx: ScriptContext, cfg: RrConfig, param: string): number {
  const list = headerLumps(ctx.msg) ?? [];
  const last = rrParamLump(list, 0);
  if (last !== undefined) {
    last.chain.splice(last.at + 1, 0, { rr: param });
    if (cfg.enableDoubleRr) {
      const second = rrParamLump(list, last.next);
      if (second === undefined) {
        recLog(ctx, 962, "add_rr_param", "failed to locate double RR lump", L_CRIT2);
        return -1;
      }
      second.chain.splice(second.at + 1, 0, { rr: param });
    }
    return 0;
  }
  const st = rrState(ctx);
  if (st.paramBuf.length + param.length > RR_PARAM_BUF_SIZE) {
    recLog(ctx, 978, "add_rr_param", "maximum size of rr_param_buf exceeded");
    return -1;
  }
  st.paramBuf += param;
  return 0;
}

/**
 * remove_record_route() (rr_mod.c free_rr_lump()): drops the lumps of type HDR_RECORDROUTE_T
 * from the header list — the anchors that carry `Record-Route: <sip:ADDRESS`. The anchors after
 * them are not of that type and stay, with their `;lr;ftag=...>` CRLF, as in Kamailio.
 */
export function removeRecordRoute(ctx: ScriptContext): void {
  const list = headerLumps(ctx.msg);
  if (list === undefined) return;
  for (let i = list.length - 1; i >= 0; i--) if ((list[i] as Lump).rr) list.splice(i, 1);
}
