/**
 * The messages tm makes itself (5.6.3): the hop-by-hop ACK for a negative reply and the CANCEL
 * of a branch, both rebuilt from the INVITE that branch sent (build_local_reparse(),
 * modules/tm/t_msgbuilder.c, used as reparse_invite=1 by default), and a received reply made
 * ready to relay upstream (build_res_buf_from_sip_res(), core/msg_translator.c: the top Via,
 * which is ours, taken out).
 */
import type { SipMessage } from "../../sip/sip-message.js";
import { parseVias } from "../../sip/via.js";
import { buildRequestText, hasLumps, msgView } from "../lumps.js";

/** error_text() of core/error.c: the reason phrase tm uses for replies it makes up. */
export function errorText(code: number): string {
  const known: Record<number, string> = {
    100: "Trying",
    180: "Ringing",
    181: "Call Is Being Forwarded",
    182: "Queued",
    183: "Session Progress",
    200: "OK",
    300: "Multiple Choices",
    301: "Moved Permanently",
    302: "Moved Temporarily",
    305: "Use Proxy",
    380: "Alternative Service",
    400: "Bad Request",
    401: "Unauthorized",
    402: "Payment Required",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    406: "Not Acceptable",
    407: "Proxy Authentication Required",
    408: "Request Timeout",
    410: "Gone",
    413: "Request Entity Too Large",
    414: "Request-URI Too Long",
    415: "Unsupported Media Type",
    416: "Unsupported URI Scheme",
    417: "Bad Extension",
    421: "Extension Required",
    423: "Interval Too Brief",
    480: "Temporarily Unavailable",
    481: "Call/Transaction Does Not Exist",
    482: "Loop Detected",
    483: "Too Many Hops",
    484: "Address Incomplete",
    485: "Ambiguous",
    486: "Busy Here",
    487: "Request Terminated",
    488: "Not Acceptable Here",
    491: "Request Pending",
    500: "Server Internal Error",
    501: "Not Implemented",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Server Time-Out",
    505: "Version Not Supported",
    513: "Message Too Large",
    600: "Busy Everywhere",
    603: "Decline",
    604: "Does Not Exist Anywhere",
    606: "Not Acceptable",
  };
  const k = known[code];
  if (k !== undefined) return k;
  if (code >= 600) return "Global Failure";
  if (code >= 500) return "Server Failure";
  if (code >= 400) return "Request Failure";
  if (code >= 300) return "Redirection";
  if (code >= 200) return "Successful";
  if (code >= 100) return "Provisional";
  return "Unspecified";
}

/** The header a line starts with, lower-case and long form; "" for a continuation or the end. */
function lineHeader(line: string): string {
  const c = line.charCodeAt(0);
  if (c === 32 || c === 9 || line === "") return "";
  const colon = line.indexOf(":");
  if (colon < 0) return "?";
  const name = line.slice(0, colon).trim().toLowerCase();
  const compact: Record<string, string> = {
    v: "via",
    f: "from",
    t: "to",
    i: "call-id",
    l: "content-length",
  };
  return compact[name] ?? name;
}

/**
 * build_local_reparse(): `method` in place of INVITE on the request line; the first Via, From,
 * Call-ID, Route and Max-Forwards lines copied; To copied, or replaced by `to` (the whole To
 * line of the reply, for the ACK); CSeq with the method replaced; Content-Length as `: 0`;
 * Require and Proxy-Require and every other header left out, the body too; `reason` lines
 * (the CANCEL's Reason) before the blank line.
 */
export function buildLocalReparse(invite: string, method: string, to?: string, reason?: readonly string[]): string {
  const eoh = invite.indexOf("\r\n\r\n");
  const head = eoh < 0 ? invite : invite.slice(0, eoh + 2);
  const lines = head.split("\r\n");
  lines.pop();
  const first = lines[0] ?? "";
  let out = `${method} ${first.slice(first.indexOf(" ") + 1)}\r\n`;
  let firstVia = true;
  let keep = false;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] as string;
    const h = lineHeader(line);
    if (h === "") {
      if (keep) out += `${line}\r\n`;
      continue;
    }
    keep = false;
    switch (h) {
      case "cseq": {
        // The name, the colon, blanks and digits are copied, then the method.
        const m = /^[^:]*:[ \t0-9]*/.exec(line);
        out += `${m ? m[0] : line}${method}\r\n`;
        break;
      }
      case "via":
        if (firstVia) {
          out += `${line}\r\n`;
          keep = true;
        }
        firstVia = false;
        break;
      case "to":
        if (to === undefined) {
          out += `${line}\r\n`;
          keep = true;
        } else out += to;
        break;
      case "from":
      case "call-id":
      case "route":
      case "max-forwards":
        out += `${line}\r\n`;
        keep = true;
        break;
      case "content-length":
        out += `${line.slice(0, line.indexOf(":"))}: 0\r\n`;
        break;
      default:
        break;
    }
  }
  for (const r of reason ?? []) out += r;
  return `${out}\r\n`;
}

/**
 * The whole To header line of a reply, name to line end (rpl->to->name.s, rpl->to->len), for
 * the hop-by-hop ACK.
 */
export function toLine(reply: SipMessage): string | undefined {
  const raw = reply.raw;
  let p = raw.indexOf("\n") + 1;
  while (p > 0 && p < raw.length) {
    const e = raw.indexOf("\n", p);
    const end = e < 0 ? raw.length : e + 1;
    const line = raw.slice(p, end);
    if (line === "\r\n" || line === "\n") return undefined;
    if (lineHeader(line) === "to") {
      // Continuation lines belong to it.
      let q = end;
      while (q < raw.length && (raw.charCodeAt(q) === 32 || raw.charCodeAt(q) === 9)) {
        const e2 = raw.indexOf("\n", q);
        q = e2 < 0 ? raw.length : e2 + 1;
      }
      return raw.slice(p, q);
    }
    p = end;
  }
  return undefined;
}

/**
 * build_res_buf_from_sip_res(): the reply without its top Via — the whole Via header when it
 * holds only that via, else that via and its comma — everything else as received.
 */
export function stripTopVia(reply: SipMessage): string {
  const raw = reply.raw;
  let p = raw.indexOf("\n") + 1;
  while (p > 0 && p < raw.length) {
    const e = raw.indexOf("\n", p);
    const end = e < 0 ? raw.length : e + 1;
    const line = raw.slice(p, end);
    if (line === "\r\n" || line === "\n") return raw;
    if (lineHeader(line) === "via") {
      let q = end;
      while (q < raw.length && (raw.charCodeAt(q) === 32 || raw.charCodeAt(q) === 9)) {
        const e2 = raw.indexOf("\n", q);
        q = e2 < 0 ? raw.length : e2 + 1;
      }
      const colon = raw.indexOf(":", p);
      const body = raw.slice(colon + 1, q).replace(/\r?\n$/, "");
      const vias = parseVias(body);
      if (vias === undefined || vias.length <= 1) return raw.slice(0, p) + raw.slice(q);
      // More vias in this header: only the first goes, up to the next one.
      let cut = colon + 1 + (vias[0] as { end: number }).end + 1;
      while (raw.charCodeAt(cut) === 32 || raw.charCodeAt(cut) === 9) cut++;
      return raw.slice(0, colon + 1) + (raw.charCodeAt(colon + 1) === 32 ? " " : "") + raw.slice(cut);
    }
    p = end;
  }
  return raw;
}

/**
 * The reply to relay: build_res_buf_from_sip_res() applies the reply's lumps (what an
 * onreply_route changed: remove_hf, append_hf...) along with taking out the top Via.
 */
export function relayedReplyText(reply: SipMessage): string {
  if (!hasLumps(reply)) return stripTopVia(reply);
  const f = msgView(reply)?.fields?.find((x) => x.key === "via");
  const body = f === undefined ? undefined : reply.raw.slice(f.bodyStart, f.bodyEnd);
  const vias = body === undefined ? undefined : parseVias(body);
  // Several vias in the first Via header: kamsim takes out only the first, without the lumps.
  if (f === undefined || vias === undefined || vias.length !== 1) return stripTopVia(reply);
  const text = buildRequestText(reply, [{ op: "del", offset: f.start, len: f.end - f.start, before: [], after: [] }]);
  return text ?? stripTopVia(reply);
}
