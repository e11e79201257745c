/**
 * registrar's sip_msg.c (5.6.3) as save() uses it: parse_message() (the headers save() reads:
 * To, Call-ID, CSeq, Expires, Contact, Allow), check_contacts() (star rules and lengths) and
 * calc_contact_expires() with randomize_expires().
 */
import { L_ERR, L_WARN } from "../../base/log-levels.js";
import type { ScriptContext } from "../../runtime/context.js";
import { logEmptyExpires } from "../../runtime/parse-expires.js";
import { parseAllHeaders } from "../../runtime/parse-headers.js";
import { nowIn } from "../../runtime/services.js";
import { ALL_METHODS, parseMethods, type Rerrno, regLog } from "./common.js";
import { type ContactEntry, type ContactError, parseContactBody } from "./contact.js";
import type { ReplyState } from "./reply.js";
import type { Job } from "./save-job.js";
import type { RegistrarSettings } from "./settings.js";
import { cfgInt } from "./xavp-cfg.js";

/** The message as save() reads it. */
export interface Parsed {
  contacts: ContactEntry[];
  star: boolean;
  expiresHf: number;
  callid: string;
  cseq: number;
  allow: number;
}

const RECEIVED_MAX_SIZE = 255;

/** parse_message() (sip_msg.c). */
export function parseMessage(ctx: ScriptContext, st: ReplyState): Parsed | undefined {
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
      logEmptyExpires(ctx);
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
export function checkContacts(ctx: ScriptContext, st: ReplyState, s: RegistrarSettings, m: Parsed): boolean {
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

/** calc_contact_expires() (sip_msg.c): absolute expires, 0 to remove; undefined after R_LOW_EXP. */
export function contactExpires(j: Job, c: ContactEntry): number | undefined {
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
