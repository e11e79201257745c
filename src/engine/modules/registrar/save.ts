/**
 * save() as modules/registrar/save.c (5.6.3) does it, on usrloc's in-memory table:
 * parse_message() and check_contacts() (sip_msg.c), the AOR from the To URI (or the third
 * argument), then
 * - no Contact: the record's contacts are only listed in the reply (ret 4), or, for `*`
 *   (Expires 0 required), the whole record is removed (ret 3);
 * - a new record: insert_contacts() adds every contact whose expires is not 0, refusing more
 *   than max_contacts (503), ret 1;
 * - an existing record: update_contacts() inserts (ret 1), updates (ret 2) or removes (ret 3,
 *   expires 0) each contact, the last one processed deciding the code; a lower CSeq of the same
 *   Call-ID is a 400 "Invalid CSeq number", the same CSeq within cseq_delay is skipped.
 * Expires per contact: its `expires` parameter, else the Expires header, else default_expires;
 * below min_expires raised to it (or 423 with min_expires_mode), above max_expires lowered.
 * The reply (unless flag 0x02) is a 200 with the Contact list, or the error's code, sent through
 * sl. Returns 1..4, -1 on an error, -2 for "too many contacts".
 */
import { L_ERR, L_INFO, L_WARN } from "../../base/log-levels.js";
import type { ScriptContext } from "../../runtime/context.js";
import { parseAllHeaders } from "../../runtime/parse-headers.js";
import { nowIn } from "../../runtime/services.js";
import type { Value } from "../../runtime/values.js";
import { Q_UNSPECIFIED, str2q } from "../../sip/qvalue.js";
import { parseUri } from "../../sip/uri.js";
import { ulEvent } from "../usrloc/events.js";
import type { UsrlocState } from "../usrloc/state.js";
import { unixAt } from "../usrloc/state.js";
import { type ContactInfo, type Udomain, type Urecord, validContact } from "../usrloc/store.js";
import { ALL_METHODS, extractAor, methodBit, parseMethods, type Rerrno, regLog } from "./common.js";
import { type ContactEntry, type ContactError, parseContactBody } from "./contact.js";
import { buildPathVector } from "./path.js";
import { buildContact, type ReplyState, regReply } from "./reply.js";
import type { RegistrarSettings } from "./settings.js";
import { cfgInt } from "./xavp-cfg.js";

export const REG_SAVE_MEM_FL = 1;
export const REG_SAVE_NORPL_FL = 2;
export const REG_SAVE_REPL_FL = 4;
export const REG_SAVE_NOVARIATION_FL = 8;
export const REG_SAVE_PREPRPL_FL = 16;

/** Everything save() needs besides the message. */
export interface RegContext {
  s: RegistrarSettings;
  ul: UsrlocState;
  reply: ReplyState;
  /** received_avp's value for this message, if the parameter is set. */
  receivedAvp?: (ctx: ScriptContext) => Value | undefined;
  /** The socket text contacts are saved with (`udp:127.0.0.1:5060`). */
  sock: string;
}

/** The message as save() reads it. */
interface Parsed {
  contacts: ContactEntry[];
  star: boolean;
  expiresHf: number;
  callid: string;
  cseq: number;
  allow: number;
}

const CALLID_MAX_SIZE = 255;
const RECEIVED_MAX_SIZE = 255;
const MAX_UA_SIZE = 255;

class SaveError extends Error {}

/** save(domain, flags, uri). */
export function save(ctx: ScriptContext, rc: RegContext, d: Udomain, flags: number, uriArg?: string): number {
  const st = rc.reply;
  const fail = (): number => {
    // The error path: a reply only in a request route (is_route_type(REQUEST_ROUTE)).
    if (ctx.msg.reply === undefined && !(flags & REG_SAVE_NORPL_FL)) regReply(ctx, st, rc.s, true);
    return st.rerrno === "R_TOO_MANY" ? -2 : -1;
  };
  // parse_to_uri() comes before rerrno is reset: a failure here replies with the last rerrno.
  const toUri = ctx.msg.to?.uri;
  const toHost = toUri === undefined ? undefined : parseUri(toUri)?.host;
  if (toUri === undefined || toHost === undefined) return fail();
  st.rerrno = "R_FINE";
  let ret = 1;
  try {
    const m = parseMessage(ctx, st);
    if (m === undefined) return fail();
    if (!checkContacts(ctx, st, rc.s, m)) return fail();
    if (!checkOutbound(ctx, st, rc.s)) return fail();
    const now = unixAt(ctx.sv, nowIn(ctx));
    const a = extractAor(uriArg ?? toUri, rc.ul.useDomain, rc.s);
    if ("err" in a) {
      st.rerrno = a.err;
      regLog(ctx, L_ERR, `common.c:${a.line}`, "extract_aor", a.message);
      regLog(ctx, L_ERR, "save.c:1003", "save", "failed to extract Address Of Record");
      return fail();
    }
    const aor = a.aor;
    const memOnly = flags & REG_SAVE_MEM_FL ? 1 : 0;
    const novariation = (flags & REG_SAVE_NOVARIATION_FL) !== 0;
    const job: Job = { ctx, rc, d, aor, now, m, memOnly, novariation, received: "", toHost };
    if (m.contacts.length === 0) {
      const r = d.get(aor);
      if (m.star) {
        if (r) {
          for (const c of [...r.contacts]) {
            d.deleteContact(r, c);
            ulEvent(ctx, "delete", c, now);
          }
          d.remove(r);
        }
        ret = 3;
      } else {
        buildContact(st, rc.s, r?.contacts ?? [], now, ctx, toHost);
        ret = 4;
      }
    } else {
      const mode = (flags & REG_SAVE_REPL_FL) !== 0;
      const r = d.get(aor);
      if (r) {
        const res = updateContacts(job, r, mode);
        buildContact(st, rc.s, r.contacts, now, ctx, toHost);
        d.release(r);
        if (res < 0) return fail();
        ret = res === 0 ? 1 : res;
      } else {
        if (insertContacts(job) < 0) return fail();
        ret = 1;
      }
    }
  } catch (e) {
    if (e instanceof SaveError) return fail();
    throw e;
  }
  if (!(flags & REG_SAVE_NORPL_FL)) {
    // "Only send reply upon request, not upon reply".
    if (ctx.msg.reply === undefined && regReply(ctx, st, rc.s, true) < 0) return -1;
  } else if (flags & REG_SAVE_PREPRPL_FL) {
    if (regReply(ctx, st, rc.s, false) < 0) return -1;
  }
  // reset_path_vector().
  st.pathVec = "";
  return ret;
}

interface Job {
  ctx: ScriptContext;
  rc: RegContext;
  d: Udomain;
  aor: string;
  now: number;
  m: Parsed;
  memOnly: number;
  novariation: boolean;
  /** The To URI's host (GRUU parameters of the reply). */
  toHost: string;
  /** pack_ci()'s static received, kept from one contact to the next. */
  received: string;
  /** The Path vector (use_path), built by the first pack_ci(); undefined before. */
  path?: string;
}

/** parse_message() (sip_msg.c). */
function parseMessage(ctx: ScriptContext, st: ReplyState): Parsed | undefined {
  const msg = ctx.msg;
  const err = (e: Rerrno, line: number, text: string): undefined => {
    st.rerrno = e;
    regLog(ctx, L_ERR, `sip_msg.c:${line}`, "parse_message", text);
    return undefined;
  };
  if (!parseAllHeaders(ctx)) return err("R_PARSE", 91, "failed to parse headers");
  if (msg.header("to") === undefined) return err("R_TO_MISS", 97, "To not found");
  const callid = msg.header("call-id");
  if (callid === undefined) return err("R_CID_MISS", 103, "Call-ID not found");
  const cseq = msg.cseq;
  if (cseq === undefined) return err("R_CS_MISS", 109, "CSeq not found");
  let expiresHf = -1;
  const exp = msg.header("expires");
  if (exp !== undefined) {
    const t = exp.trim();
    if (t === "") {
      ctx.sv.log.core(ctx.proc, L_ERR, "parser/parse_expires.c:53", "expires_parser", "Empty body", where(ctx));
      ctx.sv.log.core(
        ctx.proc,
        L_ERR,
        "parser/parse_expires.c:120",
        "parse_expires",
        "Error while parsing",
        where(ctx),
      );
      return err("R_PARSE_EXP", 115, "failed to parse expires body");
    }
    expiresHf = expiresValue(t);
  }
  const contacts: ContactEntry[] = [];
  let star = false;
  let first = true;
  for (const body of msg.headers("contact")) {
    const parsed = parseContactBody(body);
    if ("error" in parsed) {
      contactFailure(ctx, parsed.error);
      return err("R_PARSE_CONT", 121, "failed to parse Contact body");
    }
    if (parsed.star) {
      if (first) star = true;
      else {
        // A star after a contact header: check_contacts() refuses it.
        contacts.push({ uri: "*", params: [] });
        (contacts as ContactEntry[] & { starLater?: boolean }).starLater = true;
      }
    } else contacts.push(...parsed.contacts);
    first = false;
  }
  const allowHf = msg.headers("allow");
  let allow = ALL_METHODS;
  if (allowHf.length > 0) {
    let bits = 0;
    for (const a of allowHf) {
      const b = parseMethods(a);
      if (b === undefined) {
        bits = ALL_METHODS;
        break;
      }
      bits = (bits | b) >>> 0;
    }
    allow = bits;
  }
  return { contacts, star, expiresHf, callid: callid.trimEnd(), cseq: cseqNumber(cseq.num), allow };
}

/** The core's lines for a Contact body parse_contact_headers() refuses (contact.c, parse_contact.c). */
function contactFailure(ctx: ScriptContext, e: ContactError): void {
  const w = where(ctx);
  for (const [at, fn, text] of e.lines) ctx.sv.log.core(ctx.proc, L_ERR, at, fn, text, w);
  ctx.sv.log.core(ctx.proc, L_ERR, "parser/contact/parse_contact.c:85", "parse_contact", "error while parsing", w);
  ctx.sv.log.core(
    ctx.proc,
    L_ERR,
    "parser/contact/parse_contact.c:247",
    "parse_contact_headers",
    "failed to parse Contact body",
    w,
  );
}

function where(ctx: ScriptContext) {
  return { t: nowIn(ctx), route: ctx.route, req: ctx.req, prefix: ctx.logPrefix };
}

/** str2int(): digits only, at most 2^32 - 1; NaN otherwise. */
function cseqNumber(n: string): number {
  const t = n.trim();
  return /^[0-9]+$/.test(t) && Number(t) <= 0xffffffff ? Number(t) : Number.NaN;
}

/** expires_parser(): digits (at most 10) up to a blank are valid; anything else is not (-1). */
function expiresValue(t: string): number {
  if (t.length > 10) return -1;
  let v = 0;
  for (const ch of t) {
    if (ch >= "0" && ch <= "9") v = v * 10 + (ch.charCodeAt(0) - 48);
    else if (ch === " " || ch === "\t" || ch === "\r" || ch === "\n") break;
    else return -1;
  }
  return v | 0;
}

/** check_contacts() (sip_msg.c). */
function checkContacts(ctx: ScriptContext, st: ReplyState, s: RegistrarSettings, m: Parsed): boolean {
  const warn = (e: Rerrno, line: number, text: string) => {
    st.rerrno = e;
    regLog(ctx, L_WARN, `sip_msg.c:${line}`, "check_contacts", text);
    return false;
  };
  if (m.star) {
    if (m.expiresHf !== 0) return warn("R_STAR_EXP", 147, "expires must be 0 for star contact");
    if (m.contacts.length > 0) return warn("R_STAR_CONT", 163, "star contact cannot be mixed with other contacts");
    return true;
  }
  if ((m.contacts as { starLater?: boolean }).starLater)
    return warn("R_STAR_CONT", 177, "star contact cannot be mixed with other contacts");
  for (const c of m.contacts) {
    if (c.uri.length > s.contactMaxSize) return warn("R_CONTACT_LEN", 184, `contact uri is too long: [${c.uri}]`);
    if (c.received !== undefined && c.received.length > RECEIVED_MAX_SIZE)
      return warn("R_CONTACT_LEN", 189, "received attribute of contact is too long");
  }
  return true;
}

/** The outbound checks of save(): Require: outbound with outbound_mode 0 is refused (420). */
function checkOutbound(ctx: ScriptContext, st: ReplyState, s: RegistrarSettings): boolean {
  const tags = (name: string) =>
    ctx.msg
      .headers(name)
      .flatMap((h) => h.split(","))
      .map((t) => t.trim().toLowerCase());
  const supported = tags("supported");
  if (ctx.msg.headers("supported").length > 0 && !supported.includes("outbound") && s.outboundMode === 2) {
    st.rerrno = "R_OB_UNSUP";
    regLog(ctx, L_WARN, "save.c:930", "save", "Outbound required by server and not supported by UAC");
    return false;
  }
  if (tags("require").includes("outbound") && s.outboundMode === 0) {
    st.rerrno = "R_OB_REQD";
    regLog(ctx, L_WARN, "save.c:939", "save", "Outbound required by UAC and not supported by server");
    return false;
  }
  return true;
}

/** calc_contact_expires() (sip_msg.c): absolute expires, 0 to remove; undefined after R_LOW_EXP. */
function contactExpires(j: Job, c: ContactEntry): number | undefined {
  const s = j.rc.s;
  let e: number;
  let range = 0;
  const fromCfg = cfgInt(j.ctx, s.xavpCfg, "expires");
  if (fromCfg !== undefined && fromCfg >= 0) e = fromCfg;
  else if (c.expires === undefined || c.expires === "") {
    e = j.m.expiresHf;
    if (e < 0) {
      e = s.defaultExpires;
      range = s.defaultExpiresRange;
    } else range = s.expiresRange;
  } else {
    const v = /^[0-9]+$/.test(c.expires) ? Number(c.expires) : Number.NaN;
    // str2int() fails on anything but digits (and on overflow): default_expires then.
    if (Number.isNaN(v) || v > 0xffffffff) {
      e = s.defaultExpires;
      range = s.defaultExpiresRange;
    } else {
      e = v | 0;
      range = s.expiresRange;
    }
  }
  if (e !== 0) {
    if (e < s.minExpires) {
      if (s.minExpiresMode) {
        j.rc.reply.rerrno = "R_LOW_EXP";
        return undefined;
      }
      e = s.minExpires;
    }
    if (!j.novariation) {
      e = randomizeExpires(j.ctx, e, range);
      if (e < s.minExpires) e = s.minExpires;
    }
    if (s.maxExpires && e > s.maxExpires) e = s.maxExpires;
    e += j.now;
  }
  return e;
}

/** randomize_expires(): within range% below the value (kamsim's seeded generator, not kam_rand). */
function randomizeExpires(ctx: ScriptContext, e: number, range: number): number {
  if (range === 0) return e;
  const min = Math.trunc(e - (range / 100) * e);
  return Math.trunc(min + (Math.floor(ctx.sv.rng.next() * 100) / 100) * (e - min));
}

/** pack_ci(): the contact's stored fields. Throws SaveError (rerrno set) on a bad q or methods. */
function packCi(j: Job, c: ContactEntry, expires: number, flags: number): ContactInfo {
  const { ctx, rc, m } = j;
  const st = rc.reply;
  if (m.callid.length > CALLID_MAX_SIZE) {
    st.rerrno = "R_CALLID_LEN";
    regLog(ctx, L_ERR, "save.c:245", "pack_ci", "callid too long");
    throw new SaveError();
  }
  if (Number.isNaN(m.cseq)) {
    st.rerrno = "R_INV_CSEQ";
    regLog(ctx, L_ERR, "save.c:253", "pack_ci", "failed to convert cseq number");
    throw new SaveError();
  }
  if (rc.s.usePath && j.path === undefined) {
    const pv = buildPathVector(ctx.msg.headers("path"));
    if ("err" in pv) {
      regLog(ctx, L_ERR, `path.c:${pv.line}`, "build_path_vector", pv.err);
      st.rerrno = "R_PARSE_PATH";
      throw new SaveError();
    }
    j.path = pv.path;
    // set_path_vector(): kept with the message for the reply's Path header.
    if (pv.path !== "" && rc.s.pathMode !== 0) st.pathVec = pv.path;
  }
  let q: number;
  const qCfg = cfgInt(ctx, rc.s.xavpCfg, "q");
  if (qCfg !== undefined) {
    if (qCfg < 0 || qCfg > 1000) {
      st.rerrno = "R_INV_Q";
      regLog(ctx, L_ERR, "sip_msg.c:325", "calc_contact_q", "invalid q parameter");
      regLog(ctx, L_ERR, "save.c:356", "pack_ci", "failed to calculate q");
      throw new SaveError();
    }
    q = qCfg;
  } else if (c.q === undefined || c.q === "") q = rc.s.defaultQ;
  else {
    const v = str2q(c.q);
    if (v === undefined) {
      st.rerrno = "R_INV_Q";
      regLog(ctx, L_ERR, "sip_msg.c:335", "calc_contact_q", "invalid q parameter");
      regLog(ctx, L_ERR, "save.c:356", "pack_ci", "failed to calculate q");
      throw new SaveError();
    }
    q = v;
  }
  let methods = m.allow;
  if (c.methods !== undefined) {
    const b = parseMethods(c.methods);
    if (b === undefined) {
      st.rerrno = "R_PARSE";
      regLog(ctx, L_ERR, "save.c:367", "pack_ci", "failed to parse contact methods");
      throw new SaveError();
    }
    methods = b;
  }
  // pack_ci()'s info is static and only cleared for the first contact of a message: a received
  // taken from one contact's parameter stays for the next ones that have none.
  let received = j.received;
  if (received === "") {
    if (c.received !== undefined) received = c.received;
    else if (rc.receivedAvp) {
      const v = rc.receivedAvp(ctx);
      if (v !== undefined && v !== null && String(v) !== "") received = String(v);
    }
  }
  j.received = received;
  const ua = ctx.msg.header("user-agent");
  // reg-id counts only with a +sip.instance (use_regid: outbound_mode 0 keeps it on).
  let regId = 0;
  if (c.instance !== undefined && c.instance !== "" && c.regId !== undefined && c.regId !== "") {
    regId = /^[0-9]+$/.test(c.regId) && Number(c.regId) <= 0xffffffff ? Number(c.regId) : 0;
    if (regId === 0) {
      st.rerrno = "R_INV_REGID";
      regLog(ctx, L_ERR, "save.c:413", "pack_ci", "invalid reg-id value");
      throw new SaveError();
    }
  }
  return {
    received,
    path: j.path ?? "",
    callid: m.callid,
    cseq: m.cseq,
    userAgent: ua !== undefined && ua.length > 0 && ua.length < MAX_UA_SIZE ? ua : "n/a",
    q,
    expires,
    flags,
    cflags: ctx.pvx?.bflags ?? 0,
    methods,
    ruid: nextRuid(ctx),
    instance: c.instance ?? "",
    regId,
    lastModified: j.now,
    sock: rc.sock,
    tcpconnId: -1,
    c: c.uri,
  };
}

/** packCi() whose failure the caller reports with its own line, as save.c's callers do. */
function packOrSay(j: Job, c: ContactEntry, expires: number, at: string, fn: string, text: string): ContactInfo {
  try {
    return packCi(j, c, expires, j.memOnly);
  } catch (e) {
    if (e instanceof SaveError) regLog(j.ctx, L_ERR, at, fn, text);
    throw e;
  }
}

/**
 * sruid_next() for registrar's "uloc" ids (core/utils/sruid.c, SRUID_INC): `uloc-<start time
 * hex>-<pid hex>-<counter, hex digits lowest first>`, one counter per process.
 */
function nextRuid(ctx: ScriptContext): string {
  const n = ((ctx.proc.local.get("registrar.sruid") as number | undefined) ?? 0) + 1;
  ctx.proc.local.set("registrar.sruid", n);
  let digits = "";
  for (let v = n; v !== 0; v >>>= 4) digits += (v & 15).toString(16);
  return `uloc-${ctx.sv.epoch.toString(16)}-${ctx.proc.pid.toString(16)}-${digits}`;
}

/** insert_contacts(): a new record. */
function insertContacts(j: Job): number {
  const { ctx, rc, d, aor, now } = j;
  const maxc = maxContacts(ctx, rc);
  let r: Urecord | undefined;
  let num = 0;
  try {
    for (const c of j.m.contacts) {
      const expires = contactExpires(j, c);
      if (expires === undefined) throw new SaveError();
      if (expires === 0) continue;
      if (maxc > 0 && num >= maxc) {
        regLog(
          ctx,
          L_INFO,
          "save.c:511",
          "insert_contacts",
          `too many contacts (n:${num} max:${maxc}) for AOR <${aor}>`,
        );
        rc.reply.rerrno = "R_TOO_MANY";
        throw new SaveError();
      }
      num++;
      r ??= d.insert(aor);
      const ci = packOrSay(j, c, expires, "save.c:528", "insert_contacts", "failed to extract contact info");
      // "hack to work with buggy clients having many contacts with same address in one
      // REGISTER": CSeq + 1 to find one added just now, then update it.
      const found = r.contacts.length === 0 ? { ret: 1 as const } : d.find(r, c.uri, { ...ci, cseq: ci.cseq + 1 }, now);
      if (found.ret !== 0 || found.uc === undefined) {
        const uc = d.insertContact(r, c.uri, ci, now);
        ulEvent(ctx, "insert", uc, now);
      } else {
        d.updateContact(r, found.uc, ci, now);
        ulEvent(ctx, "update", found.uc, now);
      }
    }
  } catch (e) {
    if (!(e instanceof SaveError)) throw e;
    if (r) {
      for (const uc of r.contacts) ulEvent(ctx, "delete", uc, now);
      r.contacts.length = 0;
      d.remove(r);
    }
    return -1;
  }
  buildContact(rc.reply, rc.s, r?.contacts ?? [], now, ctx, j.toHost);
  if (r) d.release(r);
  return 0;
}

/** test_max_contacts(). */
function testMaxContacts(j: Job, r: Urecord, mc: number, base: ContactInfo): boolean {
  const { ctx, rc, d, now } = j;
  let num = r.contacts.filter((c) => validContact(c, now)).length;
  for (const c of j.m.contacts) {
    const e = contactExpires({ ...j, novariation: true }, c) ?? 0;
    const f = d.find(r, c.uri, { ...base, instance: c.instance ?? "" }, now);
    if (f.ret === -1) {
      regLog(ctx, L_ERR, "save.c:620", "test_max_contacts", `invalid cseq for aor <${r.aor}>`);
      rc.reply.rerrno = "R_INV_CSEQ";
      return false;
    }
    if (f.ret === -2) continue;
    if (f.ret > 0) {
      if (e !== 0) num++;
    } else if (e === 0) num--;
  }
  if (num > mc) {
    regLog(ctx, L_INFO, "save.c:635", "test_max_contacts", `too many contacts for AOR <${r.aor}> (n:${num} max:${mc})`);
    rc.reply.rerrno = "R_TOO_MANY";
    return false;
  }
  return true;
}

/** update_contacts(): an existing record; 0..3, or -1. */
function updateContacts(j: Job, r: Urecord, mode: boolean): number {
  const { ctx, rc, d, now } = j;
  let ret = 0;
  try {
    const base = packBase(j);
    const maxc = mode ? 0 : maxContacts(ctx, rc);
    if (maxc > 0 && !testMaxContacts(j, r, maxc, base)) return -1;
    for (const c of j.m.contacts) {
      const expires = contactExpires(j, c);
      if (expires === undefined) return -1;
      const ci = packOrSay(j, c, expires, "save.c:714", "update_contacts", "failed to pack contact specific info");
      const f = d.find(r, c.uri, ci, now);
      if (f.ret === -1) {
        regLog(ctx, L_ERR, "save.c:721", "update_contacts", `invalid cseq for aor <${r.aor}>`);
        rc.reply.rerrno = "R_INV_CSEQ";
        return -1;
      }
      if (f.ret === -2) {
        if (expires !== 0 && mode) break;
        continue;
      }
      let updated = false;
      if (f.ret > 0 || f.uc === undefined) {
        if (expires === 0) continue;
        const uc = d.insertContact(r, c.uri, ci, now);
        ulEvent(ctx, "insert", uc, now);
        ret = 1;
        if (mode) {
          for (const other of [...r.contacts]) if (other !== uc) deleteOne(j, r, other);
          updated = true;
        }
      } else {
        const uc = f.uc;
        if (expires === 0) {
          deleteOne(j, r, uc);
          ret = 3;
        } else {
          if (mode) {
            for (const other of [...r.contacts]) if (other !== uc) deleteOne(j, r, other);
            updated = true;
          }
          // A new Call-ID for a sip.instance: the instance's other contacts go.
          if (ci.instance !== "" && ci.callid !== uc.callid) {
            const strip = (s: string) => s;
            for (const other of [...r.contacts])
              if (other !== uc && strip(other.instance) === strip(uc.instance)) deleteOne(j, r, other);
            updated = true;
          }
          d.updateContact(r, uc, ci, now);
          ulEvent(ctx, "update", uc, now);
          ret = 2;
        }
      }
      if (updated) break;
    }
  } catch (e) {
    if (e instanceof SaveError) return -1;
    throw e;
  }
  return ret;
}

/**
 * The first pack_ci(msg, 0, ...) of update_contacts(): it takes the message's first contact
 * itself (`_c = _m->contact->parsed->contacts`), so a bad q there fails here ("failed to initial
 * pack contact info"), its received is kept for the next contacts and a ruid is used up.
 */
function packBase(j: Job): ContactInfo {
  const first = j.m.contacts[0];
  if (first !== undefined) {
    try {
      packCi(j, first, 0, j.memOnly);
    } catch (e) {
      if (e instanceof SaveError)
        regLog(j.ctx, L_ERR, "save.c:678", "update_contacts", "failed to initial pack contact info");
      throw e;
    }
  }
  return {
    received: "",
    path: "",
    callid: j.m.callid,
    cseq: j.m.cseq,
    userAgent: "",
    q: Q_UNSPECIFIED,
    expires: 0,
    flags: j.memOnly,
    cflags: 0,
    methods: j.m.allow,
    ruid: "",
    instance: "",
    regId: 0,
    lastModified: j.now,
    sock: j.rc.sock,
    tcpconnId: -1,
  };
}

function deleteOne(j: Job, r: Urecord, uc: Parameters<Udomain["deleteContact"]>[1]): void {
  j.d.deleteContact(r, uc);
  ulEvent(j.ctx, "delete", uc, j.now);
}

/** reg_get_crt_max_contacts(): `$xavp(cfg=>max_contacts)` when set, else the parameter. */
function maxContacts(ctx: ScriptContext, rc: RegContext): number {
  return cfgInt(ctx, rc.s.xavpCfg, "max_contacts") ?? rc.s.maxContacts;
}

/** Whether a request's method passes method_filtering for a contact (lookup.c allowed_method). */
export function allowedMethod(ctx: ScriptContext, methods: number, filtering: boolean): boolean {
  if (!filtering) return true;
  if ((methodBit(ctx.msg.method) & methods) !== 0) return true;
  return ctx.msg.to?.tag !== undefined && ctx.msg.to.tag !== "";
}
