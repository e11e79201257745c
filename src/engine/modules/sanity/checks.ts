/**
 * The checks of sanity_check(), one function each, as modules/sanity/sanity.c (5.6.3) does them:
 * the same order of tests, the same replies (through sanity's reply, reply.ts) and the same
 * WARNING/ERROR lines. Each returns PASSED or FAILED. Debug lines are left out (kamsim prints no
 * DEBUG chatter of modules).
 */
import { L_ERR, L_WARN } from "../../base/log-levels.js";
import type { ScriptContext } from "../../runtime/context.js";
import { FL_MSG_NOREPLY, setMsgFlag } from "../../runtime/msg-flags.js";
import { logEmptyExpires } from "../../runtime/parse-expires.js";
import { parseAllHeaders } from "../../runtime/parse-headers.js";
import { xtoUri } from "../../runtime/pv/message.js";
import { whereIn } from "../../runtime/services.js";
import { parseNameAddr } from "../../sip/name-addr.js";
import { parseUri } from "../../sip/uri.js";
import { utf8Length } from "../../sip/utf8.js";
import { checkCredentials } from "./digest.js";
import { type SanityReply, strToValidUint } from "./reply.js";

export const PASSED = 1;
export const FAILED = 0;

/** What every check needs: the run, sanity's reply and the accepted Proxy-Require extensions. */
export interface CheckEnv {
  ctx: ScriptContext;
  reply: SanityReply;
  proxyRequire: readonly string[];
}

/** A `WARNING: sanity [sanity.c:LINE]: FN(): text` line (or ERROR). */
export function warn(ctx: ScriptContext, line: number, fn: string, text: string, level = L_WARN): void {
  ctx.sv.log.module(ctx.proc, level, "sanity", `sanity.c:${line}`, fn, text, whereIn(ctx));
}

/**
 * The first line as sanity reads it: msg->first_line.u.request. On a reply that union holds the
 * status line, so method, uri and version are the reply's version, status and reason.
 */
function firstLine(ctx: ScriptContext): { method: string; uri: string; version: string } {
  const m = ctx.msg;
  if (m.reply) return { method: "SIP/2.0", uri: m.reply.status, version: m.reply.reason };
  return { method: m.method, uri: m.ruri, version: m.version ?? "SIP/2.0" };
}

/** Replies and, when the reply failed, logs sanity's line about it. */
function replyOr(e: CheckEnv, code: number, reason: string, line: number, fn: string, text: string): void {
  if (e.reply(e.ctx, code, reason) < 0) warn(e.ctx, line, fn, text);
}

/** parse_sip_msg_uri(): the current R-URI (the status on a reply) parsed, or undefined. */
function ruriParses(ctx: ScriptContext): boolean {
  return ctx.msg.reply ? parseUri(ctx.msg.reply.status) !== undefined : ctx.msg.uri !== undefined;
}

/** check_ruri_sip_version(): the version after the `/` must be exactly `2.0`. */
export function ruriSipVersion(e: CheckEnv): number {
  const v = firstLine(e.ctx).version;
  if (v.length === 0) return PASSED;
  const slash = v.indexOf("/");
  if (slash < 0) {
    warn(e.ctx, 253, "check_ruri_sip_version", "failed to find / in ruri version");
    return FAILED;
  }
  if (v.slice(slash + 1) !== "2.0") {
    replyOr(e, 505, "Version Not Supported (R-URI)", 264, "check_ruri_sip_version", "failed to send 505 via sl reply");
    return FAILED;
  }
  return PASSED;
}

/**
 * check_ruri_scheme(): the R-URI must parse; parse_uri() refuses an unknown scheme already, so
 * the 416 branch of sanity.c is never reached.
 */
export function ruriScheme(e: CheckEnv): number {
  if (ruriParses(e.ctx)) return PASSED;
  warn(e.ctx, 282, "check_ruri_scheme", `failed to parse request uri [${firstLine(e.ctx).uri}]`);
  replyOr(e, 400, "Bad Request URI", 285, "check_ruri_scheme", "failed to send 400 via sl reply (bad ruri)");
  return FAILED;
}

const QUADRUPLE = ["from", "to", "call-id", "cseq"] as const;

/**
 * check_required_headers(): From, To, Call-ID and CSeq present (else no reply at all), every
 * header parses (else 400 Bad Headers), none of the four twice (no reply).
 */
export function requiredHeaders(e: CheckEnv): number {
  const { ctx } = e;
  if (QUADRUPLE.some((h) => ctx.msg.header(h) === undefined)) {
    setMsgFlag(ctx, FL_MSG_NOREPLY);
    return FAILED;
  }
  if (!parseAllHeaders(ctx)) {
    warn(ctx, 326, "check_required_headers", "failed to parse headers", L_ERR);
    replyOr(e, 400, "Bad Headers", 328, "check_required_headers", "failed to send 400 reply");
    return FAILED;
  }
  return QUADRUPLE.some((h) => ctx.msg.headers(h).length > 1) ? FAILED : PASSED;
}

/** check_cseq_method(): the CSeq method is the request's method (on a reply: its version). */
export function cseqMethod(e: CheckEnv): number {
  const cseq = e.ctx.msg.cseq;
  if (!cseq) {
    warn(e.ctx, 536, "check_cseq_method", "missing CSeq header");
    return FAILED;
  }
  if (cseq.method !== firstLine(e.ctx).method) {
    const reason = "CSeq method does not match request method";
    replyOr(e, 400, reason, 530, "check_cseq_method", "failed to send 400 via sl reply 2");
    return FAILED;
  }
  return PASSED;
}

/** check_cseq_value(): the CSeq number is an unsigned 32-bit decimal (str2valid_uint()). */
export function cseqValue(e: CheckEnv): number {
  const cseq = e.ctx.msg.cseq;
  if (!cseq) {
    warn(e.ctx, 572, "check_cseq_value", "missing CSeq header");
    setMsgFlag(e.ctx, FL_MSG_NOREPLY);
    return FAILED;
  }
  if (strToValidUint(cseq.num) === undefined) {
    replyOr(e, 400, "CSeq number is illegal", 566, "check_cseq_value", "failed to send 400 via sl reply 2");
    return FAILED;
  }
  return PASSED;
}

/** check_cl(): a Content-Length must count the body's bytes; a missing one is only a warning. */
export function contentLength(e: CheckEnv): number {
  const { ctx } = e;
  const cl = ctx.msg.header("content-length");
  if (cl === undefined) {
    warn(ctx, 612, "check_cl", "content length header missing in request");
    return PASSED;
  }
  const n = /^[ \t]*[0-9]+[ \t\r\n]*$/.test(cl) ? Number(cl.trim()) : undefined;
  if (n === undefined) {
    parseAllHeaders(ctx);
    warn(ctx, 588, "check_cl", "failed to parse content-length header");
    replyOr(e, 400, "Content-Length Failure", 590, "check_cl", "failed to send 400 via sl reply");
    return FAILED;
  }
  if (utf8Length(ctx.msg.body) !== n) {
    replyOr(e, 400, "Content-Length mis-match", 605, "check_cl", "failed to send 400 via sl reply");
    return FAILED;
  }
  return PASSED;
}

/**
 * check_expires_value(): the first Expires header as parse_expires() reads it (an empty body is
 * its error; the value ends at the first blank) must be an unsigned 32-bit decimal.
 */
export function expiresValue(e: CheckEnv): number {
  const { ctx } = e;
  const body = ctx.msg.header("expires");
  if (body === undefined) return PASSED;
  const text = body.trim();
  if (text === "") {
    logEmptyExpires(ctx);
    warn(ctx, 635, "check_expires_value", "parse_expires failed");
    replyOr(e, 400, "Bad Expires Header", 637, "check_expires_value", "failed to send 400 reply");
    return FAILED;
  }
  // expires_parser(): more than 10 characters is taken whole; otherwise the value ends at a blank.
  const value = text.length > 10 ? text : (text.split(/[ \t\r\n]/)[0] as string);
  if (strToValidUint(value) === undefined) {
    replyOr(e, 400, "Expires value is illegal", 652, "check_expires_value", "failed to send 400 via sl reply 2");
    return FAILED;
  }
  return PASSED;
}

/** parse_str_list(): trimmed, split at commas, each item trimmed; an empty list is null. */
export function parseStrList(text: string): string[] | undefined {
  const t = text.trim();
  if (t === "") return undefined;
  return t.split(",").map((s, i, all) => (i === 0 ? s.trimEnd() : i === all.length - 1 ? s.trimStart() : s.trim()));
}

/**
 * check_proxy_require(): every extension of the first Proxy-Require header must be in the
 * proxy_require parameter (compared case-sensitively, as sanity.c's FIXME says); the first one
 * that is not is answered 420 with an `Unsupported:` header.
 */
export function proxyRequire(e: CheckEnv): number {
  const { ctx } = e;
  const body = ctx.msg.header("proxy-require");
  if (body === undefined) return PASSED;
  const list = parseStrList(body);
  if (!list) {
    warn(ctx, 234, "parse_proxyrequire", "Error while parsing", L_ERR);
    warn(ctx, 684, "check_proxy_require", "parse proxy require failed");
    replyOr(e, 400, "Bad Proxy Require Header", 686, "check_proxy_require", "failed to send 400 reply");
    return FAILED;
  }
  const unsupported = list.find((ext) => !e.proxyRequire.includes(ext));
  if (unsupported === undefined) return PASSED;
  e.reply.lump(ctx, `Unsupported: ${unsupported}\r\n`);
  replyOr(e, 420, "Bad Proxy Require Extension", 724, "check_proxy_require", "failed to send 420 via sl reply");
  return FAILED;
}

/** parse_from_header() on a From body that does not parse: the core's lines (parse_from.c). */
function badFrom(ctx: ScriptContext, body: string): void {
  const w = whereIn(ctx);
  ctx.sv.log.core(ctx.proc, L_ERR, "parser/parse_from.c:74", "parse_from_header", `bad From header [${body}]`, w);
  ctx.sv.log.core(ctx.proc, L_ERR, "parser/parse_from.c:94", "parse_from_uri", "cannot parse FROM header", w);
}

/** check_parse_uris(): the R-URI, From, To and Contact URIs selected by `checks` must parse. */
export function parseUris(e: CheckEnv, checks: number): number {
  const { ctx } = e;
  if (checks & 1 && !ruriParses(ctx)) {
    warn(ctx, 765, "check_parse_uris", "failed to parse request uri");
    replyOr(e, 400, "Bad Request URI", 767, "check_parse_uris", "failed to send 400 via sl reply (bad ruri)");
    return FAILED;
  }
  for (const from of [true, false]) {
    if (!(checks & (from ? 2 : 4))) continue;
    const body = ctx.msg.header(from ? "from" : "to");
    const parsed = from ? ctx.msg.from : ctx.msg.to;
    if (body !== undefined && parsed === undefined && from) badFrom(ctx, body);
    if (parsed !== undefined && xtoUri(ctx, from, parsed.uri) !== undefined) continue;
    warn(ctx, from ? 778 : 793, "check_parse_uris", `invalid ${from ? "From" : "To"} header or uri`);
    if (body === undefined || body === "") setMsgFlag(ctx, FL_MSG_NOREPLY);
    // "Ivalid To Header" is sanity.c's own spelling.
    else if (from)
      replyOr(e, 400, "Invalid From Header", 783, "check_parse_uris", "failed to send 400 via sl reply (missing From)");
    else replyOr(e, 400, "Ivalid To Header", 798, "check_parse_uris", "failed to send 400 via sl reply (missing To)");
    return FAILED;
  }
  if (checks & 8) return contactUri(e);
  return PASSED;
}

/** The Contact part of check_parse_uris(): the first Contact's first URI (or `*`) must parse. */
function contactUri(e: CheckEnv): number {
  const body = e.ctx.msg.header("contact");
  if (body === undefined || body.trim() === "*") return PASSED;
  const first = parseNameAddr(body.split(",")[0] as string);
  if (!first) {
    warn(e.ctx, 817, "check_parse_uris", "failed to parse Contact header");
    replyOr(e, 400, "Bad Contact Header", 819, "check_parse_uris", "failed to send 400 via send_reply (bad Contact)");
    return FAILED;
  }
  if (parseUri(first.uri) === undefined) {
    warn(e.ctx, 828, "check_parse_uris", "failed to parse Contact uri");
    replyOr(e, 400, "Bad Contact URI", 830, "check_parse_uris", "failed to send 400 via send_reply (bad Contact uri)");
    return FAILED;
  }
  return PASSED;
}

/** check_digest() (only PASSED passes: a non-digest scheme fails, silently) and check_authorization() (it passes). */
export function digest(e: CheckEnv, authorization: boolean): number {
  const r = checkCredentials(e);
  if (r === PASSED) return PASSED;
  return authorization && r === NOT_APPLICABLE ? PASSED : FAILED;
}

/** check_digest_only()'s verdict for credentials that are not digest ones. */
export const NOT_APPLICABLE = -2;

/** The number of `tag` parameters of a From/To body (after the URI). */
function tagCount(body: string): number {
  const gt = body.lastIndexOf(">");
  const params = gt >= 0 ? body.slice(gt + 1) : body.slice(Math.max(0, body.indexOf(";")));
  return params.split(";").filter((p) => /^[ \t]*tag[ \t]*(=|$)/i.test(p)).length;
}

/** check_duptags(): at most one tag parameter in From and in To. */
export function duplicateTags(e: CheckEnv): number {
  const { ctx } = e;
  const from = ctx.msg.from;
  const to = ctx.msg.to;
  if (!from || !to) {
    setMsgFlag(ctx, FL_MSG_NOREPLY);
    return FAILED;
  }
  if (from.tag !== undefined && tagCount(ctx.msg.header("from") ?? "") > 1) {
    replyOr(e, 400, "Many From Tag Params", 974, "check_duptags", "failed to send 400 reply");
    return FAILED;
  }
  if (to.tag !== undefined && tagCount(ctx.msg.header("to") ?? "") > 1) {
    replyOr(e, 400, "Many To Tag Params", 989, "check_duptags", "failed to send 400 reply");
    return FAILED;
  }
  return PASSED;
}
