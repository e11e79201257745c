/**
 * Stateless replies, built as the sl module builds them: sl_reply_helper() (src/modules/sl/
 * sl_funcs.c) calling build_res_buf_from_sip_req() (src/core/msg_translator.c), 5.6.3. Checked
 * byte for byte against replies of the 5.6.3 binary:
 * - the status line uses the request's version, and the code printed as its last three digits
 *   (`sl_send_reply("4044", ...)` sends `SIP/2.0 044 ...`);
 * - Via, From, To, Call-ID and CSeq lines are copied in the order they appear in the request,
 *   names as written (`f:` stays `f:`); Record-Route lines too, for codes 180 to 299;
 * - From, To, Call-ID, CSeq and Record-Route keep their own line ends (a bare LF stays a bare LF);
 *   each Via line is copied to the end of its body and ended with CRLF;
 * - the first Via gets `;rport=<source port>` in place of its `rport` parameter (when it has
 *   one), and `;received=<source IP>` at the end of the line when it has `rport` or `received`
 *   or its host is not the source IP;
 * - a To without a tag gets `;tag=<toTag>` after its body, only for codes ≥ 180;
 * - then reply lumps (append_to_reply), the Server header, `Content-Length: 0`, a blank line.
 */
import type { SipRequest } from "./message.js";
import { parseVia } from "./via.js";

/** Server header sl adds by default (core `server_header`, Debian's 5.6.3 build). */
export const DEFAULT_SERVER_HEADER = "Server: kamailio (5.6.3 (x86_64/linux))";

/** What a stateless reply needs besides the request. */
export interface ReplyOptions {
  /**
   * Where the request came from (`$si`, `$sp`): needed for the `received`/`rport` rewrite of the
   * top Via. Without it the Via is copied unchanged.
   */
  source?: { ip: string; port: number };
  /** Add `rport` even when the request's Via has none (`force_rport()`, core `force_rport`). */
  forceRport?: boolean;
  /** Reply lumps (`append_to_reply`, 3xx Contact set), raw text with their line ends. */
  lumps?: readonly string[];
}

/**
 * Builds the stateless reply to `req`. `toTag` is the tag sl would add (its own
 * `<md5>.<crc>` form is the caller's to compute). `server` is the whole Server header line without
 * its line end; `""` leaves it out (core `server_signature=no`).
 */
export function buildReply(
  req: SipRequest,
  code: number | string,
  reason: string,
  toTag: string,
  server: string = DEFAULT_SERVER_HEADER,
  options: ReplyOptions = {},
): string {
  const n = (typeof code === "number" ? code : Number.parseInt(code, 10) || 0) >>> 0;
  // sl_reply_helper: a To-tag is added only from 180 on and only when To has none.
  const tagTo = n >= 180 && req.header("to") !== undefined && req.to?.tag === undefined;
  const raw = req.raw;
  // Pieces joined once at the end: the text comes out in one piece (a transaction keeps it for
  // retransmissions), not as a tree of every `+`.
  const out: string[] = [`${req.version} ${threeDigits(n)} ${reason}\r\n`];
  let firstVia = true;
  for (const f of req.fields() ?? []) {
    switch (f.key) {
      case "via":
        out.push(
          firstVia ? topVia(req, f.start, f.bodyStart, f.bodyEnd, options) : raw.slice(f.start, f.bodyEnd),
          "\r\n",
        );
        firstVia = false;
        break;
      case "record-route":
        if (n >= 180 && n < 300) out.push(raw.slice(f.start, f.end));
        break;
      case "to":
        if (tagTo) out.push(raw.slice(f.start, f.bodyEnd), ";tag=", toTag, raw.slice(f.bodyEnd, f.end));
        else out.push(raw.slice(f.start, f.end));
        break;
      case "from":
      case "call-id":
      case "cseq":
        out.push(raw.slice(f.start, f.end));
        break;
    }
  }
  for (const lump of options.lumps ?? []) out.push(lump);
  if (server !== "") out.push(server, "\r\n");
  out.push("Content-Length: 0\r\n\r\n");
  return out.join("");
}

/** The code as Kamailio prints it: its last three decimal digits. */
function threeDigits(n: number): string {
  return String(n % 1000).padStart(3, "0");
}

/** The first Via line, rewritten for the source as build_res_buf_from_sip_req() does. */
function topVia(req: SipRequest, start: number, bodyStart: number, bodyEnd: number, options: ReplyOptions): string {
  const line = req.raw.slice(start, bodyEnd);
  const src = options.source;
  const via = parseVia(req.raw.slice(bodyStart, bodyEnd));
  if (src === undefined || via === undefined) return line;
  const rport = via.params.find((p) => p.name.toLowerCase() === "rport");
  const hasReceived = via.params.some((p) => p.name.toLowerCase() === "received");
  const received = hasReceived || rport !== undefined || !sameAddress(via.host, src.ip) ? `;received=${src.ip}` : "";
  if (rport === undefined) return line + (options.forceRport ? `;rport=${src.port}` : "") + received;
  // Kamailio copies up to the character before the parameter name (its `;`), then the new rport.
  const at = bodyStart - start + rport.start;
  return `${line.slice(0, at - 1)};rport=${src.port}${line.slice(at + rport.end - rport.start)}${received}`;
}

/** check_via_address() without DNS: the Via host is the source IP as text (IPv6: with or without
 * brackets, any case). */
function sameAddress(host: string, ip: string): boolean {
  if (host === ip) return true;
  if (ip.indexOf(":") < 0) return false;
  const bare = host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host;
  return bare.toLowerCase() === ip.toLowerCase();
}
