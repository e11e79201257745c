/**
 * sl's stateless reply on the wire: sl_reply_helper() (modules/sl/sl_funcs.c, 5.6.3). The reply
 * is built as build_res_buf_from_sip_req() builds it (sip/reply.ts), with sl's To-tag when the
 * request's To has none and the code is 180 or more, and sent from the proxy's socket to where
 * Kamailio sends a local reply: the request's source address, at its source port when the top
 * Via has `rport` or force_rport() was called, else the Via's port or 5060
 * (update_sock_struct_from_ip(), core/forward.h; core `reply_to_via` is 0 by default).
 *
 * Other modules (registrar, sanity, tm's stateless fallbacks) reply through `slSendReply`.
 */
import { L_ERR, L_INFO, L_WARN } from "../../base/log-levels.js";
import type { ScriptContext } from "../../runtime/context.js";
import { branchesOf, Q_UNSPECIFIED, ruriQ } from "../../runtime/dset.js";
import { FL_FORCE_RPORT, FL_MSG_NOREPLY, hasMsgFlag } from "../../runtime/msg-flags.js";
import { parseAllHeaders } from "../../runtime/parse-headers.js";
import { nowIn, whereIn } from "../../runtime/services.js";
import type { HostPort } from "../../runtime/sip-net.js";
import { SipRequest } from "../../sip/message.js";
import { q2str } from "../../sip/qvalue.js";
import { buildReply } from "../../sip/reply.js";
import { addReplyLump, replyLumps } from "../lumps.js";
import { err2reasonPhrase, serError } from "../ser-error.js";
import { calcCrcSuffix, initTags } from "../tags.js";

/** sl's signature for init_tags() (sl_startup()). */
const SL_SIGNATURE = "KAMAILIO-stateless";

/** sl's tag prefix per proxy socket object (a run has one socket; the map is weak). */
const tagPrefixes = new WeakMap<HostPort, string>();

/** The request as a parsed SipRequest (a stream's request builds its text on demand). */
export function requestOf(ctx: ScriptContext): SipRequest | undefined {
  const m = ctx.msg;
  if (m instanceof SipRequest) return m;
  // A stream's request: the one parse it keeps (a transaction holds it; no second copy).
  const shared = m.parsedRequest?.();
  if (shared !== undefined) return shared;
  const r = SipRequest.parse(m.raw);
  if ("error" in r) return undefined;
  r.ruri = m.ruri;
  return r;
}

/**
 * Where a local reply to the request in `ctx` goes: update_sock_struct_from_ip() — the source
 * IP; the source port when the top Via has `rport` or the message has FL_FORCE_RPORT, else the
 * Via's port, else 5060.
 */
export function replyDestination(ctx: ScriptContext, req: SipRequest): HostPort {
  const via = req.via;
  const rport = via?.params.some((p) => p.name.toLowerCase() === "rport") ?? false;
  const port = rport || hasMsgFlag(ctx, FL_FORCE_RPORT) ? ctx.src.port : (via?.port ?? 5060);
  return { ip: ctx.src.ip, port };
}

/** The To-tag sl gives a reply to `req`: init_tags() with sl's signature, then calc_crc_suffix(). */
export function slToTag(ctx: ScriptContext, req: SipRequest): string {
  const via = req.via;
  const socket = ctx.sv.net.socket;
  // init_tags() runs once at start-up (sl_startup()): one MD5 per socket, not per reply.
  let prefix = tagPrefixes.get(socket);
  if (prefix === undefined) {
    prefix = initTags(SL_SIGNATURE, socket);
    tagPrefixes.set(socket, prefix);
  }
  return via ? prefix + calcCrcSuffix(via, req) : prefix;
}

/** A 3xx code (a number, or the three digits sl sends), checked without parsing on the hot path. */
function isRedirect(code: number | string): boolean {
  if (typeof code === "number") return code >= 300 && code < 400;
  return code.charCodeAt(0) === 51 && code.length === 3;
}

/** Timer ticks per second (core/timer_ticks.h TIMER_TICKS_HZ). */
const TICKS_HZ = 16;
/** SL_RPL_WAIT_TIME (modules/sl/sl_funcs.h): S_TO_TICKS(2). */
const SL_RPL_WAIT_TICKS = 2 * TICKS_HZ;
/** MD5_LEN + CRC32_LEN + 1 (core/tags.h TOTAG_VALUE_LEN). */
const TOTAG_VALUE_LEN = 41;

/** get_ticks_raw() at virtual time t. */
function ticks(t: number): number {
  return Math.floor((t * TICKS_HZ) / 1_000_000);
}

/**
 * sl's shared state per simulation (shared memory in Kamailio, one for all processes): sl_timeout,
 * until when ACKs are checked, and the reply counters of sl_stats.c, by `SL_STAT_KEYS` slot.
 */
interface SlShared {
  until: number;
  err: number[];
  failures: number;
}

/** The sl.stats buckets in the order rpc_stats() prints them (modules/sl/sl_stats.c). */
const SL_STAT_KEYS = [
  "200",
  "202",
  "2xx",
  "300",
  "301",
  "302",
  "3xx",
  "400",
  "401",
  "403",
  "404",
  "407",
  "408",
  "483",
  "4xx",
  "500",
  "5xx",
  "6xx",
  "xxx",
] as const;

const shared = new WeakMap<object, SlShared>();

/** The simulation's sl state (the last one is kept at hand: every reply updates it). */
let lastSv: object | undefined;
let lastShared: SlShared = { until: 0, err: [], failures: 0 };
function windowOf(sv: object): SlShared {
  if (sv === lastSv) return lastShared;
  let w = shared.get(sv);
  if (w === undefined) {
    w = { until: Number.NEGATIVE_INFINITY, err: SL_STAT_KEYS.map(() => 0), failures: 0 };
    shared.set(sv, w);
  }
  lastSv = sv;
  lastShared = w;
  return w;
}

/** update_sl_stats(): the bucket of a code (named codes, else its class; below 200 or 700 and up: xxx). */
function statSlot(codeText: string): number {
  let slot = slots.get(codeText);
  if (slot === undefined) {
    slot = computeSlot(codeText);
    slots.set(codeText, slot);
  }
  return slot;
}

/** statSlot() by code text: a config sends few distinct codes. */
const slots = new Map<string, number>();

function computeSlot(codeText: string): number {
  const code = /^\d+$/.test(codeText) ? Number(codeText) : 0;
  if (code >= 700 || code < 200) return SL_STAT_KEYS.indexOf("xxx");
  const named = SL_STAT_KEYS.indexOf(String(code) as (typeof SL_STAT_KEYS)[number]);
  if (named >= 0) return named;
  return SL_STAT_KEYS.indexOf(`${Math.floor(code / 100)}xx` as (typeof SL_STAT_KEYS)[number]);
}

/** `kamcmd sl.stats`: the counters of every reply sl sent, as rpc_stats() lists them. */
export function slStatsText(sv: object): string {
  const w = windowOf(sv);
  return `{\n${SL_STAT_KEYS.map((k, i) => `\t${k}: ${w.err[i]}\n`).join("")}}\n`;
}

/**
 * sl_filter_ACK() (modules/sl/sl_funcs.c), a pre-script callback: an ACK whose To-tag is the one
 * sl would give this request (its own reply's tag) is absorbed before the script — only within
 * 2 s of sl's last reply — and event_route[sl:filtered-ack] runs instead. True lets it through.
 */
export function slFilterAck(ctx: ScriptContext, filteredAck: ((ctx: ScriptContext) => void) | undefined): boolean {
  if (ctx.msg.method !== "ACK") return true;
  if (windowOf(ctx.sv).until <= ticks(ctx.start)) return true;
  const tag = ctx.msg.to?.tag;
  if (tag === undefined || tag.length !== TOTAG_VALUE_LEN) return true;
  const req = requestOf(ctx);
  if (req === undefined || tag !== slToTag(ctx, req)) return true;
  filteredAck?.(ctx);
  return false;
}

/** The request line's URI as received (msg->first_line.u.request.uri). */
function receivedRuri(raw: string): string {
  const eol = raw.indexOf("\n");
  const parts = (eol < 0 ? raw : raw.slice(0, eol)).split(" ");
  return parts[1] ?? "";
}

/**
 * print_dset() (core/dset.c) as sl_reply_helper() adds it to a 3xx reply (sl's rich_redirect=0):
 * `Contact: <uri>;q=Q, ...` of the new R-URI (only when the script changed it: msg->new_uri) and
 * the appended branches, as a reply lump; with neither, dset.c's warning and no lump.
 */
function addDsetLump(ctx: ScriptContext): void {
  const parts: string[] = [];
  const contact = (uri: string, q: number) => (q === Q_UNSPECIFIED ? `<${uri}>` : `<${uri}>;q=${q2str(q)}`);
  if (ctx.msg.ruri !== receivedRuri(ctx.msg.raw)) parts.push(contact(ctx.msg.ruri, ruriQ(ctx)));
  for (const b of branchesOf(ctx)) parts.push(contact(b.uri, b.q));
  if (parts.length === 0) {
    ctx.sv.log.core(ctx.proc, L_WARN, "dset.c:689", "print_dset", "no r-uri or branches", whereIn(ctx));
    return;
  }
  addReplyLump(ctx.msg, `Contact: ${parts.join(", ")}\r\n`);
}

/**
 * sl_reply_helper(): builds and sends a stateless reply; 1 sent, -1 error (an ACK, a message
 * that is not a request from the network, headers that do not parse), -2 the message may not be
 * replied to (FL_MSG_NOREPLY). `code` is the code as sent (three digits); `tag` replaces sl's
 * own To-tag (tm passes its tag when it replies through here).
 */
export function slSendReply(ctx: ScriptContext, code: number | string, reason: string, tag?: string): number {
  if (!ctx.real || ctx.msg.reply !== undefined || ctx.msg.method === "ACK") return -1;
  if (hasMsgFlag(ctx, FL_MSG_NOREPLY)) {
    const text = "message marked with no-reply flag";
    ctx.sv.log.module(ctx.proc, L_INFO, "sl", "sl_funcs.c:147", "sl_reply_helper", text, whereIn(ctx));
    return -2;
  }
  // A redirection carries the destination set as a Contact reply lump (print_dset()).
  if (isRedirect(code)) addDsetLump(ctx);
  // build_res_buf_from_sip_req() (core/msg_translator.c) parses every header first: a bad one
  // below those read on receipt means no reply, and sl returns -1 without a line of its own.
  if (!parseAllHeaders(ctx)) {
    const text = "alas, parse_headers failed";
    ctx.sv.log.core(ctx.proc, L_ERR, "msg_translator.c:2409", "build_res_buf_from_sip_req", text, whereIn(ctx));
    return -1;
  }
  const t = nowIn(ctx);
  const k = ctx.sv.kernel;
  const codeText = typeof code === "number" ? String(Math.abs(code) % 1000).padStart(3, "0") : code;
  if (k.wants.reply && ctx.req !== undefined) {
    k.emit({ kind: "reply", t, req: ctx.req, proc: ctx.proc.index, code: codeText, reason });
  }
  if (ctx.req !== undefined) k.figures?.reply(t);
  // sl_reply_helper(): *sl_timeout = now + SL_RPL_WAIT_TIME, for the ACK filter below.
  const sh = windowOf(ctx.sv);
  sh.until = ticks(t) + SL_RPL_WAIT_TICKS;
  const net = ctx.sv.net;
  // Nobody can see a reply that no endpoint receives and no `sip` event (nor cfgt's `sip_out`)
  // shows: the run's outcome is the same without building it (synthetic streams stay fast).
  if (!net.showsUnheard && !k.wants.cfgt && net.hears?.(ctx.src.ip) === false) {
    (sh.err[statSlot(codeText)] as number)++;
    return 1;
  }
  const req = requestOf(ctx);
  if (req === undefined) return 1;
  const to = replyDestination(ctx, req);
  const n = Number.parseInt(codeText, 10);
  const toTag = tag ?? slToTag(ctx, req);
  const text = buildReply(req, n, reason, toTag, ctx.sv.serverHeader, {
    source: ctx.src,
    forceRport: hasMsgFlag(ctx, FL_FORCE_RPORT),
    lumps: replyLumps(ctx.msg),
  });
  // A reply that does not fit a datagram is not sent: update_sl_failures(), -1.
  if (net.send(to, text, t, { req: ctx.req, proc: ctx.proc.index }) < 0) {
    sh.failures++;
    return -1;
  }
  (sh.err[statSlot(codeText)] as number)++;
  return 1;
}

/**
 * sl_reply_error() (modules/sl/sl_funcs.c): a reply made from the message's last internal error
 * (err2reason_phrase(), signed "SL"), then an ERROR line naming it; 500 "I'm terribly sorry,
 * server error occurred (1/SL)" when none was recorded (checked on 5.6.3).
 */
export function slReplyError(ctx: ScriptContext): number {
  if (hasMsgFlag(ctx, FL_MSG_NOREPLY)) {
    const text = "message marked with no-reply flag";
    ctx.sv.log.module(ctx.proc, L_INFO, "sl", "sl_funcs.c:410", "sl_reply_error", text, whereIn(ctx));
    return -2;
  }
  const { code, reason } = err2reasonPhrase(serError(ctx.msg), "SL");
  slSendReply(ctx, code, reason);
  const text = `stateless error reply used: ${reason}`;
  ctx.sv.log.module(ctx.proc, L_ERR, "sl", "sl_funcs.c:418", "sl_reply_error", text, whereIn(ctx));
  return 1;
}
