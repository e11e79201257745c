/**
 * What registrar's functions share: the error numbers of rerrno.h with reply.c's codes and
 * P-Registrar-Error texts, extract_aor() (common.c), method bit masks (parse_methods.c) and
 * the module's log lines.
 */
import type { ScriptContext } from "../../runtime/context.js";
import { whereIn } from "../../runtime/services.js";
import { methodId } from "../../sip/method-ids.js";
import { parseUri, type SipUri } from "../../sip/uri.js";
import type { RegistrarSettings } from "./settings.js";

/** rerrno.h, in order: [name, reply code (reply.c codes[]), error text (reply.c error_info[])]. */
export const RERRNO = {
  R_FINE: [200, "No problem"],
  R_UL_DEL_R: [500, "usrloc_record_delete failed"],
  R_UL_GET_R: [500, "usrloc_record_get failed"],
  R_UL_NEW_R: [500, "usrloc_record_new failed"],
  R_INV_CSEQ: [400, "Invalid CSeq number"],
  R_UL_INS_C: [500, "usrloc_contact_insert failed"],
  R_UL_INS_R: [500, "usrloc_record_insert failed"],
  R_UL_DEL_C: [500, "usrloc_contact_delete failed"],
  R_UL_UPD_C: [500, "usrloc_contact_update failed"],
  R_TO_USER: [400, "No username in To URI"],
  R_AOR_LEN: [500, "Address Of Record too long"],
  R_AOR_PARSE: [400, "Error while parsing AOR"],
  R_INV_EXP: [400, "Invalid expires param in contact"],
  R_INV_Q: [400, "Invalid q param in contact"],
  R_PARSE: [400, "Message parse error"],
  R_TO_MISS: [400, "To header not found"],
  R_CID_MISS: [400, "Call-ID header not found"],
  R_CS_MISS: [400, "CSeq header not found"],
  R_PARSE_EXP: [400, "Expires parse error"],
  R_PARSE_CONT: [400, "Contact parse error"],
  R_STAR_EXP: [400, "* used in contact and expires is not zero"],
  R_STAR_CONT: [400, "* used in contact and more than 1 contact"],
  R_OOO: [200, "Out of order request"],
  R_RETRANS: [200, "Retransmission"],
  R_UNESCAPE: [400, "Error while unescaping username"],
  R_TOO_MANY: [503, "Too many registered contacts"],
  R_CONTACT_LEN: [400, "Contact/received too long"],
  R_CALLID_LEN: [400, "Callid too long"],
  R_PARSE_PATH: [400, "Path parse error"],
  R_PATH_UNSUP: [420, "No support for found Path indicated"],
  R_OB_UNSUP: [421, "No support for Outbound indicated"],
  R_OB_REQD: [420, "No support for Outbound on server"],
  R_OB_UNSUP_EDGE: [439, "No support for Outbound on edge proxy"],
  R_INV_REGID: [400, "Invalid Reg-Id number"],
  R_LOW_EXP: [423, "Interval too brief"],
} as const satisfies Record<string, readonly [number, string]>;

export type Rerrno = keyof typeof RERRNO;

/** reply.c's reason phrases by code. */
export const REASONS: Readonly<Record<number, string>> = {
  200: "OK",
  400: "Bad Request",
  420: "Bad Extension",
  421: "Extension Required",
  423: "Interval Too Brief",
  439: "First Hop Lacks Outbound Support",
  500: "Server Internal Error",
  503: "Service Unavailable",
};

/** A registrar log line: `registrar [FILE:LINE]: FN(): text`. */
export function regLog(ctx: ScriptContext, level: number, at: string, fn: string, text: string): void {
  ctx.sv.log.module(ctx.proc, level, "registrar", at, fn, text, whereIn(ctx));
}

/** common.c MAX_AOR_LEN and registrar.h limits. */
const MAX_AOR_LEN = 256;
const USERNAME_MAX_SIZE = 64;
const DOMAIN_MAX_SIZE = 128;

/**
 * extract_aor(): the AOR of a URI — its user, un-escaped, plus `@host` (the realm prefix cut)
 * when usrloc's use_domain is set — lower-cased (only the host part when case_sensitive is set).
 */
export function extractAor(
  text: string,
  useDomain: boolean,
  s: RegistrarSettings,
): { aor: string; uri: SipUri } | { err: Rerrno; line: number; message: string } {
  const uri = parseUri(text);
  if (uri === undefined) return { err: "R_AOR_PARSE", line: 62, message: `failed to parse AoR [${text}]` };
  const user = uri.user ?? "";
  if (
    user.length + uri.host.length + 1 > MAX_AOR_LEN ||
    user.length > USERNAME_MAX_SIZE ||
    uri.host.length > DOMAIN_MAX_SIZE
  )
    return { err: "R_AOR_LEN", line: 70, message: "Address Of Record too long" };
  const unescaped = unEscape(user);
  if (unescaped === undefined) return { err: "R_UNESCAPE", line: 79, message: "failed to unescape username" };
  let aor = unescaped;
  if (useDomain) {
    if (aor.length > 0) aor += "@";
    const host =
      s.realmPrefix.length > 0 && s.realmPrefix.length < uri.host.length && uri.host.startsWith(s.realmPrefix)
        ? uri.host.slice(s.realmPrefix.length)
        : uri.host;
    aor += host;
  }
  if (s.caseSensitive && unescaped.length > 0) {
    // Only what follows the user and its `@` is lower-cased.
    const cut = unescaped.length + 1;
    aor = aor.slice(0, cut) + aor.slice(cut).toLowerCase();
  } else aor = aor.toLowerCase();
  return { aor, uri };
}

/** un_escape() (core/ut.c): %XX sequences decoded; a bad one fails. */
function unEscape(s: string): string | undefined {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    if (c !== "%") {
      out += c;
      continue;
    }
    const h = s.slice(i + 1, i + 3);
    if (!/^[0-9a-fA-F]{2}$/.test(h)) return undefined;
    out += String.fromCharCode(Number.parseInt(h, 16));
    i += 2;
  }
  return out;
}

/** parse_methods.h ALL_METHODS. */
export const ALL_METHODS = 0xffffffff;

/** A request method's bit (parse_method_name(): unknown ones are METHOD_OTHER). */
export function methodBit(name: string): number {
  return methodId(name.toUpperCase());
}

/** parse_methods(): a comma-separated list's bits; undefined when a name is not a token. */
export function parseMethods(text: string): number | undefined {
  let bits = 0;
  for (const part of text.split(",")) {
    const name = part.trim();
    if (name === "") continue;
    if (!/^[A-Za-z0-9\-.!%*_+`'~]+$/.test(name)) return undefined;
    bits = (bits | methodBit(name)) >>> 0;
  }
  return bits;
}
