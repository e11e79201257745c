/**
 * To-tags of locally generated replies, as core/tags.h makes them: `<md5>.<crc suffix>`.
 * init_tags() hashes a module's signature (sl: `KAMAILIO-stateless`, modules/sl/sl_funcs.c
 * sl_startup()) with the first listening socket's address and port; calc_crc_suffix() adds two
 * CRC-16s of the request's top Via and Call-ID (crcitt_string_array(), core/crc.c), so
 * retransmissions of a request get the same tag.
 */
import { md5Hex } from "../runtime/transformations/md5.js";
import type { SipMessage } from "../sip/sip-message.js";
import type { ViaBody } from "../sip/via.js";

/** The reflected CRC-CCITT table of core/crc.c (`ccitt_tab`, polynomial 0x1021 reflected: 0x8408). */
const CCITT_TAB: Uint16Array = (() => {
  const t = new Uint16Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0x8408 : c >>> 1;
    t[i] = c;
  }
  return t;
})();

/**
 * crcitt_string_array(): the CRC-16 of the strings one after another, complemented, printed as
 * hex least significant digit first (int2reverse_hex()) and padded with `0` to 4 characters. A
 * missing string (C NULL) ends the list, as there.
 */
export function crcittStringArray(parts: readonly (string | undefined)[]): string {
  let crc = 0xffff;
  for (const s of parts) {
    if (s === undefined) break;
    for (let i = 0; i < s.length; i++) crc = (CCITT_TAB[(crc ^ s.charCodeAt(i)) & 0xff] as number) ^ (crc >>> 8);
  }
  crc = ~crc & 0xffff;
  let out = "";
  // int2reverse_hex() prints "0" for 0.
  do {
    out += (crc & 15).toString(16);
    crc >>>= 4;
  } while (crc !== 0);
  return out.padEnd(4, "0");
}

/**
 * init_tags(): MD5 of the signature, the first socket's address and its port (MD5StringArray(),
 * lower-case hex), then the separator.
 */
export function initTags(signature: string, socket: { ip: string; port: number }, separator = "."): string {
  return md5Hex(`${signature}${socket.ip}${socket.port}`) + separator;
}

/**
 * calc_crc_suffix(): CRC of (Via host, Via port as written, branch) then of (Via port, Via host,
 * Call-ID). A Via without a written port has a NULL port_str, which ends each list there (the
 * second CRC is then of nothing: `0000`).
 */
export function calcCrcSuffix(via: ViaBody, msg: SipMessage): string {
  const portText = via.port === undefined ? undefined : String(via.port);
  const branch = via.params.find((p) => p.name.toLowerCase() === "branch")?.value;
  return crcittStringArray([via.host, portText, branch]) + crcittStringArray([portText, via.host, msg.callId]);
}
