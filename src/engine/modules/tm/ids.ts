/**
 * How tm names a transaction on the wire (5.6.3): its hash slot, its characteristic value, the
 * branch parameter of each outgoing request and the To-tag of its local replies. All are
 * computed from the request, as Kamailio computes them, so the branches kamsim sends are the
 * ones Kamailio would send for the same request.
 */

import type { HostPort } from "../../runtime/sip-net.js";
import { md5Hex } from "../../runtime/transformations/md5.js";
import type { SipMessage } from "../../sip/sip-message.js";
import { utf8Bytes } from "../../sip/utf8.js";
import type { ViaBody } from "../../sip/via.js";
import { coreHash } from "../cfgutils/core-hash.js";
import { calcCrcSuffix, initTags } from "../tags.js";

/** TABLE_ENTRIES of modules/tm/hash_func.h: 2^16 slots. */
export const TABLE_ENTRIES = 1 << 16;

/** MCOOKIE of core/config.h. */
export const MCOOKIE = "z9hG4bK";

/** hash(callid, cseq_nr) of modules/tm/hash_func.h (get_hash2_raw(), as core_hash()). */
export function tmHash(callId: string, cseqNum: string): number {
  return coreHash(callId, cseqNum, TABLE_ENTRIES);
}

/** trim_len() of core/ut.h: spaces, tabs and line ends off both ends. */
function trim(s: string): string {
  return s.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, "");
}

/** UTF-8 bytes as a byte string (one character per byte), what md5Hex() takes. */
function byteString(s: string): string {
  let ascii = true;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) ascii = false;
  return ascii ? s : String.fromCharCode(...utf8Bytes(s));
}

/**
 * char_msg_val() of core/char_msg_val.h: MD5 over the From tag, the To tag (none for INVITE,
 * ACK and CANCEL), the Call-ID, the request line's URI, the CSeq number and the top Via's host,
 * port (as written) and branch, each trimmed, empty ones skipped (MD5StringArray()).
 */
export function charMsgVal(msg: SipMessage, requestUri: string, via: ViaBody): string {
  const m = msg.method;
  const parts = [
    msg.from?.tag ?? "",
    m === "INVITE" || m === "ACK" || m === "CANCEL" ? "" : (msg.to?.tag ?? ""),
    msg.callId ?? "",
    requestUri,
    msg.cseq?.num ?? "",
    via.host,
    via.port === undefined ? "" : String(via.port),
    via.params.find((p) => p.name.toLowerCase() === "branch")?.value ?? "",
  ];
  return md5Hex(byteString(parts.map(trim).join("")));
}

/** int2reverse_hex() of core/ut.h: hex digits least significant first, "0" for 0. */
export function reverseHex(n: number): string {
  let v = n >>> 0;
  if (v === 0) return "0";
  let out = "";
  while (v !== 0) {
    out += (v & 15).toString(16);
    v >>>= 4;
  }
  return out;
}

/** branch_builder() of core/msg_translator.c as t_calc_branch() calls it: `z9hG4bK<hash>.<md5>.<branch>`. */
export function branchParam(hashIndex: number, md5: string, branch: number): string {
  // Joined once: each branch keeps it, one flat string rather than a tree of its pieces.
  return [MCOOKIE, reverseHex(hashIndex), ".", md5, ".", reverseHex(branch)].join("");
}

/** A branch of ours taken apart (t_reply_matching(), modules/tm/t_lookup.c); undefined when it is not one. */
export function parseBranchParam(value: string): { hash: number; md5: string; branch: number } | undefined {
  if (!value.startsWith(MCOOKIE)) return undefined;
  const parts = value.slice(MCOOKIE.length).split(".");
  if (parts.length !== 3) return undefined;
  const [h, md5, b] = parts as [string, string, string];
  if (md5.length !== 32 || !/^[0-9a-f]{1,8}$/.test(h) || !/^[0-9a-f]{1,8}$/.test(b)) return undefined;
  // reverse_hex2int(): least significant digit first.
  const rev = (s: string) => Number.parseInt([...s].reverse().join(""), 16);
  return { hash: rev(h), md5, branch: rev(b) };
}

/**
 * tm's To-tag for a request (tm_init_tags() with "SER-TM/tags" and TM_TAG_SEPARATOR '-', then
 * calc_crc_suffix(), core/tags.h).
 */
export function tmToTag(socket: HostPort, msg: SipMessage, via: ViaBody): string {
  return [tmTagPrefix(socket), calcCrcSuffix(via, msg)].join("");
}

/** tm_init_tags()'s fixed part, once per socket (the MD5 is computed at start-up in Kamailio). */
const prefixes = new Map<string, string>();
function tmTagPrefix(socket: HostPort): string {
  const key = `${socket.ip}:${socket.port}`;
  let p = prefixes.get(key);
  if (p === undefined) {
    p = initTags("SER-TM/tags", socket, "-");
    prefixes.set(key, p);
  }
  return p;
}
