/**
 * The first line of a received datagram, read as parse_first_line() reads it
 * (src/core/parser/parse_fline.c, 5.6.3), with its log lines when it fails:
 * - fewer than 17 bytes left (after leading whitespace): INFO `message too short`;
 * - `SIP/2.0 ` (any case) starts a reply: a 3-digit status, then a reason up to the line end;
 * - a known method (any case) must be followed by a space; any other token is an extension
 *   method, which must be followed by a space too (`method not followed by SP`);
 * - then a URI token, spaces, and for a request a version token with only whitespace after it.
 *   The version is not checked here: `SIP/2.0` (any case, as a prefix) marks the message as SIP;
 *   anything else (`SIP/3.0`, `HTTP/1.1`) is a non-SIP request, which receive_msg() drops without
 *   a word (no nonsip hook is loaded);
 * - a line without a line end after it fails.
 * Every failure ends with ERROR `parse_first_line: bad message (offset: N)`, N the bytes read.
 */
import { L_ERR, L_INFO } from "../base/log-levels.js";
import type { CoreLogEntry } from "./core-log-entry.js";
import { spaceEnd, tokenEnd } from "./eat.js";
import { utf8Length } from "./utf8.js";

export interface FirstLine {
  type: "request" | "reply";
  /** Request: the method as written; reply: the version (`SIP/2.0`). */
  method: string;
  /** Request: the URI; reply: the status code. */
  uri: string;
  /** Request: the version token; reply: the reason phrase. */
  version: string;
  /** The version marks the message as SIP (FLINE_FLAG_PROTO_SIP). */
  sip: boolean;
  /** Offset of the next line (the first header). */
  next: number;
}

const KNOWN_METHODS = [
  "INVITE",
  "CANCEL",
  "ACK",
  "BYE",
  "INFO",
  "REGISTER",
  "SUBSCRIBE",
  "NOTIFY",
  "MESSAGE",
  "OPTIONS",
  "PRACK",
  "UPDATE",
  "REFER",
  "PUBLISH",
  "KDMQ",
  "GET",
  "POST",
  "PUT",
  "DELETE",
];
const FILE = "parser/parse_fline.c";
const FN = "parse_first_line";

/** Reads the first line of `raw` from `start` (leading whitespace already skipped). */
export function parseFirstLine(raw: string, start: number): FirstLine | { logs: CoreLogEntry[] } {
  const end = raw.length;
  const logs: CoreLogEntry[] = [];
  const fail = (at: number): { logs: CoreLogEntry[] } => {
    const offset = utf8Length(raw.slice(start, at));
    logs.push({ level: L_ERR, at: `${FILE}:271`, fn: FN, text: `parse_first_line: bad message (offset: ${offset})` });
    return { logs };
  };
  const len = end - start > 16 ? end - start : utf8Length(raw.slice(start));
  if (len <= 16) {
    logs.push({ level: L_INFO, at: `${FILE}:80`, fn: FN, text: `message too short: ${len} [${raw.slice(start)}]` });
    return fail(start);
  }
  let type: "request" | "reply" = "request";
  let tmp = -1;
  if (raw.slice(start, start + 8).toUpperCase() === "SIP/2.0 ") {
    type = "reply";
    tmp = start + 7;
  } else {
    for (const m of KNOWN_METHODS) {
      if (raw.charCodeAt(start + m.length) === 32 && raw.slice(start, start + m.length).toUpperCase() === m) {
        tmp = start + m.length;
        break;
      }
    }
    if (tmp < 0) {
      tmp = tokenEnd(raw, start, end);
      if (tmp === start || tmp >= end) {
        logs.push({ level: L_INFO, at: `${FILE}:143`, fn: FN, text: "empty or bad first line" });
        return fail(start);
      }
      if (raw.charCodeAt(tmp) !== 32) {
        logs.push({ level: L_INFO, at: `${FILE}:147`, fn: FN, text: "method not followed by SP" });
        return fail(start);
      }
    }
  }
  const method = raw.slice(start, tmp);
  const second = tmp + 1;
  tmp = tokenEnd(raw, second, end);
  if (tmp >= end) return fail(second);
  const third = spaceEnd(raw, tmp, end);
  if (third === tmp) return fail(third);
  const uri = raw.slice(second, tmp);
  if (type === "reply") {
    if (uri.length !== 3) {
      logs.push({ level: L_INFO, at: `${FILE}:182`, fn: FN, text: `len(status code)!=3: ${uri}` });
      return fail(third);
    }
    if (!/^[0-9]{3}$/.test(uri)) {
      logs.push({ level: L_INFO, at: `${FILE}:192`, fn: FN, text: `status code non-numerical: ${uri}` });
      return fail(third);
    }
    tmp = third;
    while (tmp < end && raw.charCodeAt(tmp) !== 13 && raw.charCodeAt(tmp) !== 10) tmp++;
    if (tmp >= end) return fail(third);
  } else {
    tmp = tokenEnd(raw, third, end);
    if (tmp === third || tmp >= end) return fail(tmp);
    const after = spaceEnd(raw, tmp, end);
    if (after >= end || (raw.charCodeAt(after) !== 13 && raw.charCodeAt(after) !== 10)) return fail(tmp);
  }
  const next = eatLine(raw, tmp, end);
  if (next >= end) return fail(tmp);
  const version = raw.slice(third, tmp);
  const sip = type === "reply" || (version.length >= 7 && version.slice(0, 7).toUpperCase() === "SIP/2.0");
  return { type, method, uri, version, sip, next };
}

/** eat_line() of parser_f.c: past the next LF — but not past the buffer's last byte — and a CR
 * right after it when more follows. */
function eatLine(raw: string, p: number, end: number): number {
  let nl = raw.indexOf("\n", p);
  if (nl < 0) return end;
  if (nl + 1 < end) nl++;
  if (nl + 1 < end && raw.charCodeAt(nl) === 13) nl++;
  return nl;
}
