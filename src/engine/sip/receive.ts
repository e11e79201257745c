/**
 * The receive path of a datagram, as Kamailio 5.6.3 judges it before any script runs:
 * udp_rcv_loop() (src/core/udp_server.c), receive_msg() (core/receive.c), parse_msg() and
 * parse_headers() (core/parser/msg_parser.c), parse_first_line() (parser/parse_fline.c).
 *
 * 1. Fewer than 32 bytes (MIN_UDP_PACKET, core/config.h): a probing packet, dropped silently.
 * 2. parse_msg(): leading CR, LF, NUL, spaces and tabs skipped; the first line (first-line.ts);
 *    the headers up to the first Via (header-scan.ts). A failure, or no header at all, logs
 *    `ERROR: parse_msg: message=<...>` and `core parsing of SIP message failed (IP:PORT/1)`.
 * 3. receive_msg() reads on until From, To, Call-ID and CSeq are seen; a failure there logs
 *    `parsing relevant headers failed` and goes on.
 * 4. A request whose version is not SIP/2.0 is a non-SIP message: dropped without a word. One
 *    without a (good) Via: `no via found in request`; without From, To, Call-ID or CSeq:
 *    `required headers not found in request`. A reply: `no via found in reply` /
 *    `required headers not found in reply`.
 * What the core has not read is left to whoever parses it later, as in Kamailio.
 * Line ends are never changed: `$ml`, `$mb` and every header see the datagram as it came.
 */
import { L_ERR } from "../base/log-levels.js";
import type { CoreLogEntry } from "./core-log-entry.js";
import { parseFirstLine } from "./first-line.js";
import { H_CALLID, H_CSEQ, H_FROM, H_TO, H_VIA, type HeaderScan, scanHeaders } from "./header-scan.js";
import { SipRequest } from "./message.js";
import { utf8Length } from "./utf8.js";

/** MIN_UDP_PACKET of core/config.h. */
export const MIN_UDP_PACKET = 32;

export type Received =
  /** A request for the request route; `logs` are lines written on the way (maybe none). */
  | { kind: "request"; msg: SipRequest; logs: CoreLogEntry[] }
  /** A reply (SIP/2.0 NNN), taken by the core; `msg` for its core onreply_route. */
  | { kind: "reply"; status: string; logs: CoreLogEntry[]; msg: SipRequest }
  /**
   * Dropped before any script; `reason` is kamsim's own summary for the event stream. `msg`: a
   * request dropped by receive_msg()'s checks, parsed far enough for the log prefix.
   */
  | { kind: "dropped"; reason: string; logs: CoreLogEntry[]; msg?: SipRequest };

const RECEIVE = "receive.c";

/** Judges one datagram from `src` as Kamailio's UDP receive path does. */
export function receiveDatagram(raw: string, src: { ip: string; port: number }): Received {
  // A UTF-8 text has at least as many bytes as characters: count bytes only for a short one.
  if (raw.length < MIN_UDP_PACKET && utf8Length(raw) < MIN_UDP_PACKET)
    return { kind: "dropped", reason: `shorter than ${MIN_UDP_PACKET} bytes (a probing packet)`, logs: [] };
  const logs: CoreLogEntry[] = [];
  const parseFailed = (reason: string): Received => {
    logs.push(
      { level: L_ERR, at: "parser/msg_parser.c:749", fn: "parse_msg", text: `ERROR: parse_msg: message=<${raw}>` },
      {
        level: L_ERR,
        at: `${RECEIVE}:376`,
        fn: "receive_msg",
        text: `core parsing of SIP message failed (${src.ip}:${src.port}/1)`,
      },
    );
    return { kind: "dropped", reason, logs };
  };
  let start = 0;
  while (start < raw.length && isLeadingBlank(raw.charCodeAt(start))) start++;
  const fl = parseFirstLine(raw, start);
  if ("logs" in fl) {
    logs.push(...fl.logs);
    return parseFailed("bad first line");
  }
  const st: HeaderScan = { pos: fl.next, found: 0, eoh: -1, count: 0, sip: fl.sip };
  const viaLogs = scanHeaders(raw, st, H_VIA);
  if (viaLogs) {
    logs.push(...viaLogs);
    return parseFailed("bad header");
  }
  if (st.count === 0) return parseFailed("no header");
  const required = H_FROM | H_TO | H_CALLID | H_CSEQ;
  const more = scanHeaders(raw, st, required);
  if (more) {
    logs.push(...more, {
      level: L_ERR,
      at: `${RECEIVE}:386`,
      fn: "receive_msg",
      text: "parsing relevant headers failed",
    });
  }
  const reply = fl.type === "reply";
  if (!reply && !fl.sip) return { kind: "dropped", reason: `not a SIP request (version ${fl.version})`, logs };
  const what = reply ? "reply" : "request";
  // From here on Kamailio has set the log prefix (log_prefix_set() after the header read).
  // For a reply kamsim has no message to evaluate it over: its lines go without it.
  const msg = reply ? undefined : SipRequest.received(raw, fl.method, fl.uri, fl.version, fl.next, st);
  const check = (line: number, text: string): CoreLogEntry => ({
    level: L_ERR,
    at: `${RECEIVE}:${line}`,
    fn: "receive_msg",
    text,
    prefixed: true,
  });
  if ((st.found & H_VIA) === 0) {
    logs.push(check(reply ? 539 : 439, `no via found in ${what}`));
    return { kind: "dropped", reason: `no Via in the ${what}`, logs, msg };
  }
  if ((st.found & required) !== required) {
    logs.push(check(reply ? 546 : 447, `required headers not found in ${what}`));
    return { kind: "dropped", reason: `From, To, Call-ID or CSeq missing or bad in the ${what}`, logs, msg };
  }
  if (msg === undefined) {
    const reply = SipRequest.receivedReply(raw, fl.uri, fl.version, fl.method, fl.next, st);
    return { kind: "reply", status: fl.uri, logs, msg: reply };
  }
  return { kind: "request", msg, logs };
}

function isLeadingBlank(c: number): boolean {
  return c === 10 || c === 13 || c === 0 || c === 9 || c === 32;
}
