/**
 * loose_route() as modules/rr/loose.c (5.6.3) does it: loose_route_mode() chooses between
 * after_loose() (the previous hop was a loose router, or the Route set is preloaded) and
 * after_strict() (the Request-URI is this proxy: the previous hop was a strict router).
 *
 * after_loose(): a first Route naming this proxy is removed (a pending change: the header, or the
 * route and its comma when more follow in the same header), and a second one too when it carries
 * `r2` (double Record-Route); the next Route then gives the destination: `$du` when it is a loose
 * router (`;lr`), or — a strict router — the Request-URI, with the old Request-URI saved as a
 * last Route header (handle_sr()). Return codes (loose.h): 1 routed, -1 no Route/not routed/an
 * error, -3 (RR_PRELOADED, false in the script) a preloaded set that held only this proxy.
 * Outbound flow tokens (the outbound module) are not simulated: kamsim has no outbound module.
 */
import { L_ERR, L_WARN } from "../../base/log-levels.js";
import type { ScriptContext } from "../../runtime/context.js";
import { FL_ROUTE_ADDR, setMsgFlag } from "../../runtime/msg-flags.js";
import { extrasOf } from "../../runtime/pv/extras.js";
import type { HeaderField } from "../../sip/headers.js";
import { parseRawUri, type RawUri } from "../../sip/parse-uri.js";
import { anchorLump, delLump, insertBefore, msgView } from "../lumps.js";
import { isMyself } from "./myself.js";
import { is2rr, isStrict, type RouteEntry } from "./route-body.js";
import { firstRoute, headersFailed, parseRouteField, type RouteHdr, routeFields, routeScan } from "./routes.js";
import { headerTag, type RrConfig, rrLog, rrState } from "./state.js";

const RR_ERROR = -1;
const RR_DRIVEN = 1;
const RR_NOT_DRIVEN = -1;
const RR_PRELOADED = -3;

/** A failure: loose.c's error line, then RR_ERROR. */
function fail(ctx: ScriptContext, line: number, fn: string, text: string): number {
  rrLog(ctx, L_ERR, `loose.c:${line}`, fn, text);
  return RR_ERROR;
}

/** The Request-URI as received (msg->first_line.u.request.uri). */
function receivedRuri(ctx: ScriptContext): string {
  const v = msgView(ctx.msg);
  return v === undefined ? ctx.msg.ruri : v.raw.slice(v.uriStart, v.uriEnd);
}

/** del_lump() of the whole header line (hdr->name.s, hdr->len). */
function delHeader(ctx: ScriptContext, f: HeaderField): void {
  delLump(ctx.msg, f.start, f.end - f.start);
}

/** get_maddr_uri(): a URI with `maddr` becomes `sip:MADDR[:PORT]`; undefined when too long. */
function maddrUri(uri: string, puri: RawUri): string | undefined {
  if (puri.maddr === undefined) return uri;
  if (puri.maddr.length > 127 - 10) return undefined;
  return `sip:${puri.maddr}${puri.port ? `:${puri.port}` : ""}`;
}

/** find_next_route(): the next Route header after `hdr`, parsed; "none", or "error" after parse_rr's lines. */
function nextRoute(ctx: ScriptContext, hdr: HeaderField, fn: string, line: number): RouteHdr | "none" | "error" {
  const scan = routeScan(ctx);
  const next = scan.fields[scan.fields.indexOf(hdr) + 1];
  if (next === undefined) {
    if (!scan.failed) return "none";
    headersFailed(ctx, "loose.c:176", "find_next_route", "failed to parse headers");
    rrLog(
      ctx,
      L_ERR,
      `loose.c:${line}`,
      fn,
      fn === "after_strict" ? "searching next route failed" : "failed to find next route",
    );
    return "error";
  }
  const r = parseRouteField(ctx, next);
  if (r === undefined || r.entries.length === 0) {
    rrLog(ctx, L_ERR, "loose.c:189", "find_next_route", "failed to parse Route body");
    rrLog(
      ctx,
      L_ERR,
      `loose.c:${line}`,
      fn,
      fn === "after_strict" ? "searching next route failed" : "failed to find next route",
    );
    return "error";
  }
  return r;
}

/** grep_sock_info(host, port, proto): kamsim's one UDP socket; port 0 matches any. */
function isOurSocket(puri: RawUri, port: number, cfg: RrConfig): boolean {
  const t = puri.transport?.toLowerCase();
  return puri.host === cfg.listen.ip && (port === 0 || port === cfg.listen.port) && (t === undefined || t === "udp");
}

/** rr_do_force_send_socket(): force the socket a local (second) Route names, or warn. */
function forceSendSocket(ctx: ScriptContext, cfg: RrConfig, puri: RawUri, uri: string, rr2on: boolean): void {
  if (isOurSocket(puri, puri.portNo || 5060, cfg) || isOurSocket(puri, puri.portNo, cfg)) {
    extrasOf(ctx).forceSocket = true;
    return;
  }
  if (cfg.mismatchWarning && rr2on) {
    rrLog(ctx, L_WARN, "loose.c:804", "rr_do_force_send_socket", `no socket found to match second RR (${uri})`);
    if (!isMyself(puri, cfg.listen))
      rrLog(ctx, L_WARN, "loose.c:807", "rr_do_force_send_socket", `second RR uri is not myself (${uri})`);
  }
}

/**
 * handle_sr(): the next hop is a strict router: the Request-URI goes to a new last Route header
 * (save_ruri(), before the end of the headers), the route becomes the Request-URI and is removed.
 */
function handleSr(ctx: ScriptContext, hdr: RouteHdr, rt: RouteEntry): number {
  const v = msgView(ctx.msg);
  if (routeScan(ctx).failed) {
    headersFailed(ctx, "loose.c:303", "save_ruri", "failed to parse message");
    return fail(ctx, 411, "handle_sr", "failed to save Request-URI");
  }
  const anchor = v && anchorLump(ctx.msg, v.eoh);
  if (anchor === undefined) {
    rrLog(ctx, L_ERR, "loose.c:310", "save_ruri", "failed to get anchor");
    return fail(ctx, 411, "handle_sr", "failed to save Request-URI");
  }
  insertBefore(anchor, `Route: <${receivedRuri(ctx)}>\r\n`);
  const puri = parseRawUri(rt.uri);
  const uri = puri === undefined ? undefined : maddrUri(rt.uri, puri);
  if (uri === undefined) {
    if (puri === undefined) rrLog(ctx, L_ERR, "loose.c:361", "get_maddr_uri", "failed to parse the URI");
    else rrLog(ctx, L_ERR, "loose.c:373", "get_maddr_uri", "Too long maddr parameter");
    return fail(ctx, 418, "handle_sr", "failed to check maddr");
  }
  ctx.msg.ruri = uri;
  const next = hdr.entries[hdr.entries.indexOf(rt) + 1];
  if (next === undefined) delHeader(ctx, hdr.field);
  else delLump(ctx.msg, hdr.field.bodyStart, next.start - hdr.field.bodyStart);
  return 0;
}

function afterLoose(ctx: ScriptContext, cfg: RrConfig, preloaded: boolean): number {
  const first = firstRoute(ctx, "after_loose", 103);
  if (typeof first === "string") return RR_ERROR;
  let hdr: RouteHdr = first;
  let rt = first.entry;
  let uri = rt.uri;
  const st = rrState(ctx);
  st.routed = undefined;
  let puri = parseRawUri(uri);
  if (puri === undefined) return fail(ctx, 844, "after_loose", `failed to parse the first route URI (${uri})`);
  const firstParams = puri.sipParams ?? "";
  if (isMyself(puri, cfg.listen)) {
    st.routed = { params: firstParams, fromRuri: false };
    if (cfg.forceSendSocket && !(cfg.enableDoubleRr && is2rr(firstParams))) forceSendSocket(ctx, cfg, puri, uri, false);
    // Past this proxy's route: the rest of its header, or the next Route header.
    const advance = (): RouteEntry | "done" | "error" => {
      const next = hdr.entries[hdr.entries.indexOf(rt) + 1];
      if (next !== undefined) return next;
      delHeader(ctx, hdr.field);
      const n = nextRoute(ctx, hdr.field, "after_loose", 882);
      if (n === "error") return "error";
      if (n === "none") return "done";
      hdr = n;
      return n.entries[0] as RouteEntry;
    };
    let a = advance();
    if (a === "error") return RR_ERROR;
    if (a !== "done") {
      rt = a;
      if (cfg.enableDoubleRr && is2rr(firstParams)) {
        const p2 = parseRawUri(rt.uri);
        if (p2 === undefined) return fail(ctx, 897, "after_loose", `failed to parse the double route URI (${rt.uri})`);
        forceSendSocket(ctx, cfg, p2, rt.uri, true);
        a = advance();
        if (a === "error") return RR_ERROR;
        if (a !== "done") rt = a;
      }
    }
    if (a === "done") return preloaded ? RR_PRELOADED : RR_DRIVEN;
    uri = rt.uri;
    puri = parseRawUri(uri);
    if (puri === undefined) return fail(ctx, 929, "after_loose", `failed to parse the next route URI (${uri})`);
    setMsgFlag(ctx, FL_ROUTE_ADDR);
  }
  if (isStrict(puri.sipParams ?? "")) {
    if (handleSr(ctx, hdr, rt) < 0) return fail(ctx, 949, "after_loose", "failed to handle strict router");
  } else {
    const du = maddrUri(uri, puri);
    if (du === undefined) {
      rrLog(ctx, L_ERR, "loose.c:373", "get_maddr_uri", "Too long maddr parameter");
      return fail(ctx, 958, "after_loose", "checking maddr failed");
    }
    extrasOf(ctx).dstUri = du;
    // A route of this proxy before it in the same header goes (with its comma).
    if (rt !== hdr.entries[0]) delLump(ctx.msg, hdr.field.bodyStart, rt.start - hdr.field.bodyStart);
  }
  return RR_DRIVEN;
}

function afterStrict(ctx: ScriptContext, cfg: RrConfig): number {
  const first = firstRoute(ctx, "after_strict", 103);
  if (typeof first === "string") return RR_ERROR;
  let hdr: RouteHdr = first;
  let rt = first.entry;
  let uri = rt.uri;
  const st = rrState(ctx);
  st.routed = undefined;
  let puri = parseRawUri(uri);
  if (puri === undefined) return fail(ctx, 593, "after_strict", "failed to parse the first route URI");
  if (cfg.enableDoubleRr && is2rr(puri.sipParams ?? "") && isMyself(puri, cfg.listen)) {
    if (isOurSocket(puri, puri.portNo, cfg)) extrasOf(ctx).forceSocket = true;
    else if (cfg.mismatchWarning)
      rrLog(ctx, L_WARN, "loose.c:605", "after_strict", "no socket found for match second RR");
    const next = hdr.entries[1];
    if (next === undefined) {
      delHeader(ctx, hdr.field);
      const n = nextRoute(ctx, hdr.field, "after_strict", 618);
      if (n === "error") return RR_ERROR;
      if (n === "none") return RR_NOT_DRIVEN;
      hdr = n;
      rt = n.entries[0] as RouteEntry;
    } else rt = next;
    uri = rt.uri;
    puri = parseRawUri(uri);
    if (puri === undefined) return fail(ctx, 631, "after_strict", "failed to parse URI");
  }
  // routed_params: the Request-URI's (this proxy's Record-Route, put there by a strict router).
  // Read from the received buffer they stay valid; from a rewritten R-URI they do not (redone).
  const ruri = ctx.msg.ruri;
  const ruriParams = parseRawUri(ruri)?.sipParams ?? "";
  st.routed = ruri === receivedRuri(ctx) ? { params: ruriParams, fromRuri: true } : undefined;
  if (isStrict(puri.sipParams ?? "")) {
    const u = maddrUri(uri, puri);
    if (u === undefined) return fail(ctx, 655, "after_strict", "failed to check maddr");
    ctx.msg.ruri = u;
    const next = hdr.entries[hdr.entries.indexOf(rt) + 1];
    if (next !== undefined) delLump(ctx.msg, hdr.field.bodyStart, next.start - hdr.field.bodyStart);
    else delHeader(ctx, hdr.field);
    return RR_DRIVEN;
  }
  const du = maddrUri(uri, puri);
  if (du === undefined) return fail(ctx, 679, "after_strict", "failed to check maddr");
  extrasOf(ctx).dstUri = du;
  if (rt !== hdr.entries[0]) delLump(ctx.msg, hdr.field.bodyStart, rt.start - hdr.field.bodyStart);
  // find_rem_target(): the last route of the last Route header is the remote target.
  const fields = routeFields(ctx);
  if (fields === undefined) {
    headersFailed(ctx, "loose.c:459", "find_rem_target", "failed to parse message header");
    return fail(ctx, 705, "after_strict", "searching for last Route URI failed");
  }
  const lastField = fields[fields.length - 1];
  if (lastField === undefined) {
    rrLog(ctx, L_ERR, "loose.c:486", "find_rem_target", "search for last Route HF failed");
    return RR_ERROR;
  }
  const last = parseRouteField(ctx, lastField);
  if (last === undefined || last.entries.length === 0) {
    rrLog(ctx, L_ERR, "loose.c:473", "find_rem_target", "failed to parse last Route HF");
    return fail(ctx, 705, "after_strict", "searching for last Route URI failed");
  }
  const target = last.entries[last.entries.length - 1] as RouteEntry;
  const prev = last.entries[last.entries.length - 2];
  const tpuri = parseRawUri(target.uri);
  const target2 = tpuri === undefined ? undefined : maddrUri(target.uri, tpuri);
  if (target2 === undefined) {
    if (tpuri === undefined) rrLog(ctx, L_ERR, "loose.c:361", "get_maddr_uri", "failed to parse the URI");
    return fail(ctx, 714, "after_strict", "checking maddr failed");
  }
  ctx.msg.ruri = target2;
  if (prev !== undefined) delLump(ctx.msg, prev.end, target.end - prev.end);
  else delHeader(ctx, last.field);
  return RR_DRIVEN;
}

/** loose_route_mode(msg, mode): 0 tries loose and strict routing, 1 loose routing only. */
export function looseRouteMode(ctx: ScriptContext, cfg: RrConfig, mode: number): number {
  // find_first_route(): no Route (or one that does not parse) is -1.
  const first = firstRoute(ctx, "find_first_route", 103, 98);
  if (typeof first === "string") return -1;
  const ruri = parseRawUri(ctx.msg.ruri);
  if (ruri === undefined || ruri.type === "urn") {
    rrLog(ctx, L_ERR, "loose.c:1011", "loose_route_mode", "failed to parse Request URI");
    return -1;
  }
  // is_preloaded(): no To tag.
  const tag = headerTag(ctx, "to");
  if (tag === undefined) {
    rrLog(ctx, L_ERR, "loose.c:75", "is_preloaded", "To header field not found");
    return -1;
  }
  if (tag === "") return afterLoose(ctx, cfg, true);
  if (mode === 0 && isMyself(ruri, cfg.listen)) return afterStrict(ctx, cfg);
  return afterLoose(ctx, cfg, false);
}
