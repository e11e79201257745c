/**
 * What a `sip` event says about a message without parsing it: a request's method (first token)
 * or a reply's status code and its CSeq method, and the Call-ID. Header names are matched
 * case-insensitively, with the compact forms `i` (Call-ID) of RFC 3261 §7.3.3; only the header
 * part is scanned. A malformed message gives what can be read ("" when nothing).
 */

export interface SipSummary {
  method: string;
  status?: number;
  callId: string;
}

export function sipSummary(text: string): SipSummary {
  const eol = text.indexOf("\n");
  const first = eol < 0 ? text : text.slice(0, eol);
  let method = "";
  let status: number | undefined;
  if (first.startsWith("SIP/2.0 ")) {
    const n = Number.parseInt(first.slice(8, 11), 10);
    if (!Number.isNaN(n)) status = n;
  } else {
    const sp = first.indexOf(" ");
    method = sp < 0 ? first.trim() : first.slice(0, sp);
  }
  let callId = "";
  let cseqMethod = "";
  let pos = eol < 0 ? text.length : eol + 1;
  while (pos < text.length) {
    let end = text.indexOf("\n", pos);
    if (end < 0) end = text.length;
    const line = text.slice(pos, end).replace(/\r$/, "");
    if (line === "") break;
    const colon = line.indexOf(":");
    if (colon > 0) {
      const name = line.slice(0, colon).trim().toLowerCase();
      if (name === "call-id" || name === "i") callId = line.slice(colon + 1).trim();
      else if (name === "cseq") {
        const v = line
          .slice(colon + 1)
          .trim()
          .split(/\s+/);
        cseqMethod = v[1] ?? "";
      }
    }
    pos = end + 1;
  }
  if (status !== undefined) return { method: cseqMethod, status, callId };
  return { method, callId };
}
