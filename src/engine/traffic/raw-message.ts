/**
 * Raw datagrams given in a traffic file's `messages`. Any text is a datagram: a request, a
 * reply, a malformed line, garbage, even an empty one. The loader keeps it exactly as written,
 * line ends included (`\n` alone stays `\n`), because Kamailio sees the bytes as sent: `$ml`,
 * `$mb` and every header read the datagram as received, and what is wrong with it is judged on
 * arrival, by the receive path (sip/receive.ts), with Kamailio's own log lines. Only what
 * cannot be one UDP datagram is refused here: a text longer than Kamailio's receive buffer.
 */
import { MAX_SIP_TEXT } from "./limits.js";

/** A raw datagram, or the reason it cannot be one. */
export type RawCheck = { ok: true; text: string; method: string } | { ok: false; message: string };

/** RFC 3261 `token` characters. */
const TOKEN = /^[A-Za-z0-9\-.!%*_+`'~]+$/;

/** Keeps a raw datagram as written; `method` is a label for views: its first word, or `?`. */
export function checkRawMessage(raw: string): RawCheck {
  if (raw.length > MAX_SIP_TEXT) return { ok: false, message: `the message is longer than ${MAX_SIP_TEXT} characters` };
  return { ok: true, text: raw, method: firstWord(raw) };
}

/** The first word of the first non-blank line (`OPTIONS`, `SIP/2.0`), at most 32 characters. */
function firstWord(raw: string): string {
  const m = /^[\s\0]*([^\s\0]{1,32})/.exec(raw);
  return m ? (m[1] as string) : "?";
}

/** Whether `s` is an RFC 3261 token (a method or a header name). */
export function isToken(s: string): boolean {
  return TOKEN.test(s);
}
