/**
 * Reading a received message's header lines as the core does on receipt: parse_headers() and
 * get_hdr_field() (src/core/parser/msg_parser.c, 5.6.3), header names by
 * parse_sip_header_name() (parser/parse_hname2.c). The core reads only as far as it needs:
 * parse_msg() up to the first Via, receive_msg() on until From, To, Call-ID and CSeq are seen;
 * a header further down is not looked at here, however malformed. Of the headers read, Via
 * (parse_via), CSeq (parse_cseq), To and Content-Length are parsed at once, and a bad one fails
 * the read; so does a line that is not `name:` and, in a SIP message, a second Call-ID, To,
 * CSeq, From, Content-Length or Max-Forwards. Each failure comes with the core's log lines.
 */
import { L_ERR } from "../base/log-levels.js";
import { checkAddrSpec } from "./addr-spec-check.js";
import type { CoreLogEntry } from "./core-log-entry.js";
import { spaceEnd, tokenEnd } from "./eat.js";
import { headerKey } from "./header-names.js";
import { isHeaderNameChar } from "./headers.js";
import { parseNameAddr } from "./name-addr.js";
import { utf8Length } from "./utf8.js";
import { checkVia } from "./via-check.js";

export const H_VIA = 1;
export const H_FROM = 2;
export const H_TO = 4;
export const H_CALLID = 8;
export const H_CSEQ = 16;
const H_CL = 32;
const H_MAXFWD = 64;

/** Where the read has got to; resumed by the next call, as msg->unparsed is. */
export interface HeaderScan {
  pos: number;
  /** H_* bits of the headers seen. */
  found: number;
  /** Offset of the empty line ending the headers, once reached; -1 before. */
  eoh: number;
  /** Header fields read. */
  count: number;
  /** The message is SIP (duplicate checks apply only then). */
  sip: boolean;
}

/** Duplicates refused in a SIP message, with the source line of each message. */
const DUPLICATES: Readonly<Record<number, { name: string; line: number }>> = {
  [H_CALLID]: { name: "Call-ID", line: 364 },
  [H_TO]: { name: "To", line: 381 },
  [H_CSEQ]: { name: "CSeq", line: 394 },
  [H_FROM]: { name: "From", line: 407 },
  [H_MAXFWD]: { name: "Max-Forwards", line: 424 },
  [H_CL]: { name: "Content-Length", line: 449 },
};

/** hdr_types_t of the headers a `no eol` message may name (parser/hf.h). */
const TYPES: Readonly<Record<string, number>> = {
  from: 4,
  "call-id": 6,
  contact: 7,
  "max-forwards": 8,
  route: 9,
  "record-route": 10,
  "content-type": 11,
  expires: 14,
  supported: 17,
  allow: 21,
  subject: 27,
  "user-agent": 28,
};

const MSG = "parser/msg_parser.c";
const HNAME = "parser/parse_hname2.c";

/**
 * Reads header fields until every header in `want` (H_* bits) has been seen, the headers end, or
 * one fails; returns the log lines of a failure, or undefined.
 */
export function scanHeaders(raw: string, st: HeaderScan, want: number): CoreLogEntry[] | undefined {
  const end = raw.length;
  while (st.pos < end && (st.found & want) !== want) {
    const p = st.pos;
    const c = raw.charCodeAt(p);
    if (c === 10 || c === 13) {
      st.eoh = p;
      return undefined;
    }
    const r = readField(raw, p, end, st);
    if (typeof r !== "number") return r;
    st.count++;
    st.pos = r;
  }
  return undefined;
}

/**
 * Reads the field at `p`: where the next one starts, or the core's log lines when it fails. The
 * way through allocates nothing (every header of every received message comes here: the name
 * is matched in place, not made a string); the lines are built only on failure.
 */
function readField(raw: string, p: number, end: number, st: HeaderScan): number | CoreLogEntry[] {
  if (!isHeaderNameChar(raw.charCodeAt(p))) return badName(raw, p, 238, "invalid start of header name for");
  let q = p + 1;
  while (q < end && isHeaderNameChar(raw.charCodeAt(q))) q++;
  const nameEnd = q;
  for (; q < end; q++) {
    const c = raw.charCodeAt(q);
    if (c === 58) break;
    if (c !== 32 && c !== 9) return badName(raw, p, 270, "invalid header name for");
  }
  if (q >= end) return badName(raw, p, 281, "invalid end of header name for");
  const body = eatLws(raw, q + 1, end);
  if (body >= end) return bad(raw, p, [{ level: L_ERR, at: `${MSG}:105`, fn: "get_hdr_field", text: "HF empty" }]);
  const bit = bitOf(raw, p, nameEnd);
  let next: number;
  if (bit === H_VIA) {
    const v = checkVia(raw, body, end);
    if (!v.ok)
      return bad(raw, p, [...v.logs, { level: L_ERR, at: `${MSG}:127`, fn: "get_hdr_field", text: "bad via" }]);
    next = v.next;
  } else if (bit === H_CSEQ) {
    const r = checkCSeq(raw, body, end);
    if (typeof r !== "number")
      return bad(raw, p, [...r, { level: L_ERR, at: `${MSG}:146`, fn: "get_hdr_field", text: "bad cseq" }]);
    next = r;
  } else if (bit === H_CL) {
    const r = checkContentLength(raw, body, end);
    if (typeof r !== "number") {
      const line = { level: L_ERR, at: `${MSG}:182`, fn: "get_hdr_field", text: "bad content_length header" };
      return bad(raw, p, [...r, line]);
    }
    next = r;
  } else {
    const e = lineEnd(raw, body, end);
    if (e < 0) {
      const name = raw.slice(p, nameEnd);
      const type = bit === H_TO ? 3 : (TYPES[headerKey(name)] ?? 0);
      return bad(raw, p, [
        {
          level: L_ERR,
          at: `${MSG}:259`,
          fn: "get_hdr_field",
          text: `no eol - bad body for <${name}> (hdr type: ${type}) [${upTo(raw, body, 128)}]`,
        },
      ]);
    }
    // parse_to(): parse_addr_spec()'s own loop and lines up to the parameters; these (after
    // the first `;`) are judged by kamsim's name-addr parser, without a detail line.
    if (bit === H_TO) {
      const a = checkAddrSpec(raw, body);
      if (a.ok === false || (a.ok === "params" && !parseNameAddr(raw.slice(body, trimEnd(raw, body, e))))) {
        const logs: CoreLogEntry[] = a.ok === false ? [...a.logs] : [];
        logs.push({ level: L_ERR, at: `${MSG}:166`, fn: "get_hdr_field", text: "bad to header" });
        return bad(raw, p, logs);
      }
    }
    next = e;
  }
  if (bit !== 0 && st.sip && (st.found & bit) !== 0) {
    const dup = DUPLICATES[bit];
    if (dup)
      return [
        {
          level: L_ERR,
          at: `${MSG}:${dup.line}`,
          fn: "parse_headers",
          text: `duplicate ${dup.name} header field [${upTo(raw, p, 100)}]`,
        },
      ];
  }
  st.found |= bit;
  return next;
}

/** A failed field: its lines, then parse_headers()'s `bad header field`. */
function bad(raw: string, p: number, logs: CoreLogEntry[]): CoreLogEntry[] {
  logs.push({ level: L_ERR, at: `${MSG}:339`, fn: "parse_headers", text: `bad header field [${upTo(raw, p, 100)}]` });
  return logs;
}

/** A name parse_sip_header_name() refuses: its line, get_hdr_field()'s, parse_headers()'s. */
function badName(raw: string, p: number, line: number, what: string): CoreLogEntry[] {
  return bad(raw, p, [
    { level: L_ERR, at: `${HNAME}:${line}`, fn: "parse_sip_header_name", text: `${what} [${raw.slice(p)}]` },
    { level: L_ERR, at: `${MSG}:98`, fn: "get_hdr_field", text: "bad header" },
  ]);
}

/** The compact forms' bits by lower-case character code: v, f, t, i, l (header-names.ts). */
const COMPACT_BITS: Readonly<Record<number, number>> = { 118: H_VIA, 102: H_FROM, 116: H_TO, 105: H_CALLID, 108: H_CL };

/**
 * The H_* bit of the name in raw[p, e), 0 for the others: compared in place, case-insensitively,
 * compact forms included, without making the name a string (headerKey's rules: header-names.ts).
 */
function bitOf(raw: string, p: number, e: number): number {
  const n = e - p;
  const c0 = raw.charCodeAt(p) | 0x20;
  if (n === 1) return COMPACT_BITS[c0] ?? 0;
  switch (n) {
    case 2:
      return c0 === 116 && (raw.charCodeAt(p + 1) | 0x20) === 111 ? H_TO : 0;
    case 3:
      return c0 === 118 && sameLower(raw, p, "via") ? H_VIA : 0;
    case 4:
      return c0 === 102 && sameLower(raw, p, "from") ? H_FROM : c0 === 99 && sameLower(raw, p, "cseq") ? H_CSEQ : 0;
    case 7:
      return c0 === 99 && sameLower(raw, p, "call-id") ? H_CALLID : 0;
    case 12:
      return c0 === 109 && sameLower(raw, p, "max-forwards") ? H_MAXFWD : 0;
    case 14:
      return c0 === 99 && sameLower(raw, p, "content-length") ? H_CL : 0;
    default:
      return 0;
  }
}

/** Whether raw at `p` spells `lower` (lower-case letters and `-`) in any case. */
function sameLower(raw: string, p: number, lower: string): boolean {
  for (let i = 0; i < lower.length; i++) {
    const c = raw.charCodeAt(p + i);
    // `| 0x20` maps `-` (45) to 45 | 32 = 45 and letters to lower case; a name holds no other
    // character whose `| 0x20` is a letter or `-` except those letters' upper case (and `\r`…
    // cannot occur: the name's characters are isHeaderNameChar's).
    if ((c | 0x20) !== lower.charCodeAt(i)) return false;
  }
  return true;
}

/** Past the header's last line (continuation lines included); -1 when no LF ends it. */
function lineEnd(raw: string, p: number, end: number): number {
  let m = p;
  do {
    const nl = raw.indexOf("\n", m);
    if (nl < 0) return -1;
    m = nl + 1;
  } while (m < end && (raw.charCodeAt(m) === 32 || raw.charCodeAt(m) === 9));
  return m;
}

function trimEnd(raw: string, start: number, stop: number): number {
  let e = stop;
  while (e > start && (raw.charCodeAt(e - 1) === 10 || raw.charCodeAt(e - 1) === 13)) e--;
  return e;
}

/** parse_cseq() (parser/parse_cseq.c): a number token, a method token, then the line end. */
function checkCSeq(raw: string, p: number, end: number): number | CoreLogEntry[] {
  const at = (line: number) => `parser/parse_cseq.c:${line}`;
  const fail = (line: number, text: string) => [
    ...(line ? [{ level: L_ERR, at: at(line), fn: "parse_cseq", text }] : []),
    { level: L_ERR, at: at(92), fn: "parse_cseq", text: "bad cseq" },
  ];
  let t = tokenEnd(raw, p, end);
  if (t >= end) return fail(0, "");
  const m = spaceEnd(raw, t, end);
  const mEnd = tokenEnd(raw, m, end);
  if (mEnd >= end) return fail(56, "method terminated unexpectedly");
  if (mEnd === m) return fail(61, "no method found");
  t = eatLws(raw, mEnd, end);
  if (t >= end) return fail(78, "strange EoHF");
  if (raw.charCodeAt(t) === 13 && t + 1 < end && raw.charCodeAt(t + 1) === 10) return t + 2;
  if (raw.charCodeAt(t) === 10) return t + 1;
  return fail(89, "CSeq EoL expected");
}

/** parse_content_length() (parser/parse_content.c): digits, spaces, the line end. */
function checkContentLength(raw: string, start: number, end: number): number | CoreLogEntry[] {
  let p = start;
  const fail = (): CoreLogEntry[] => {
    if (p >= end) {
      // %p of the value's start and of the buffer's end: addresses made up, pointer-like.
      const text = `parse error over the end of input: ${fakePointer(raw, start)} - ${fakePointer(raw, end)}`;
      return [{ level: L_ERR, at: "parser/parse_content.c:278", fn: "parse_content_length", text }];
    }
    const at = "parser/parse_content.c:276";
    const ch = raw[p] as string;
    return [
      { level: L_ERR, at, fn: "parse_content_length", text: `parse error near char [${ch.charCodeAt(0)}][${ch}]` },
    ];
  };
  while (p < end) {
    const c = raw.charCodeAt(p);
    const n = raw.charCodeAt(p + 1);
    if (c === 32 || c === 9 || (c === 10 && p + 1 < end && (n === 32 || n === 9))) p++;
    else break;
  }
  if (p === end) return fail();
  let size = 0;
  let value = 0;
  while (p < end && raw.charCodeAt(p) >= 48 && raw.charCodeAt(p) <= 57) {
    if (value >= 214748364 /* INT_MAX / 10 */) {
      const tooLarge = {
        level: L_ERR,
        at: "parser/parse_content.c:237",
        fn: "parse_content_length",
        text: "content lenght value is too large",
      };
      return [tooLarge, ...fail()];
    }
    value = value * 10 + raw.charCodeAt(p) - 48;
    size++;
    p++;
  }
  if (p === end || size === 0) return fail();
  do {
    while (p < end && (raw.charCodeAt(p) === 32 || raw.charCodeAt(p) === 9)) p++;
    if (p === end) return fail();
    if (raw.charCodeAt(p) === 10) p++;
    else if (p + 1 < end && raw.charCodeAt(p) === 13 && raw.charCodeAt(p + 1) === 10) p += 2;
    else return fail();
    if (p < end) {
      if (raw.charCodeAt(p) === 32 || raw.charCodeAt(p) === 9) {
        p++;
        if (p === end) return fail();
      } else break;
    }
  } while (p < end);
  return p;
}

/** Where a received datagram's buffer starts in kamsim's made-up address space. */
const BUFFER_BASE = 0x7f150d0a2000;

/** A `%p` of the byte at `offset` of the received buffer: `0x` and 12 hex digits. */
function fakePointer(raw: string, offset: number): string {
  return `0x${(BUFFER_BASE + utf8Length(raw.slice(0, offset))).toString(16)}`;
}

/** eat_lws_end() of parser_f.h: spaces, tabs and line folds. */
function eatLws(raw: string, p: number, end: number): number {
  while (p < end) {
    const c = raw.charCodeAt(p);
    if (c === 32 || c === 9) p++;
    else if (c === 10 && p + 1 < end && isSp(raw.charCodeAt(p + 1))) p += 2;
    else if (c === 13 && p + 2 < end && raw.charCodeAt(p + 1) === 10 && isSp(raw.charCodeAt(p + 2))) p += 3;
    else break;
  }
  return p;
}

function isSp(c: number): boolean {
  return c === 32 || c === 9;
}

/** `%.*s` of at most `max` bytes from `p` (a UTF-8 character is not split). */
export function upTo(raw: string, p: number, max: number): string {
  let bytes = 0;
  let e = p;
  while (e < raw.length) {
    const n = utf8Length(raw[e] as string);
    if (bytes + n > max) break;
    bytes += n;
    e++;
  }
  return raw.slice(p, e);
}
