/**
 * Whether a Via header body parses, as parse_via() (src/core/parser/parse_via.c, 5.6.3) decides
 * while the core reads the headers of a received message, with its log lines when it does not.
 *
 * The protocol part (`SIP / 2.0 / TRANSPORT`) follows parse_via()'s state machine exactly: its
 * states (F_SIP = 100 ... F_PROTO = 126), which character each state takes, and the source line
 * of each `bad char <c> on state N`. Any transport token is taken (an unknown one is
 * PROTO_OTHER). The rest (host, port, parameters, comments, several bodies separated by commas)
 * is read more loosely: what is checked is what 5.6.3 checks at the end of a body — a host was
 * seen (`invalid via - end of header in state 0` otherwise; state 3 after a bare `:`; state 14
 * when the datagram ends right after the header's line end), the port is at most five digits
 * (`invalid port number <...>`, str2s() in ut.h), and a parameter is not cut by the end of the
 * datagram (`failure parsing via param`). Other errors parse_via_param() reports inside
 * parameters are not modelled.
 */
import { L_ERR } from "../base/log-levels.js";
import type { CoreLogEntry } from "./core-log-entry.js";

// Main states (the first enum of parse_via.c).
const F_HOST = 0;
const P_HOST = 1;
const L_PORT = 2;
const F_PORT = 3;
const P_PORT = 4;
const P_PARAM = 7;
const F_IP6HOST = 12;
const P_IP6HOST = 13;
const F_CRLF = 14;
const F_LF = 15;
const F_CR = 16;
// Protocol part states (the second enum).
const F_SIP = 100;
const SIP1 = 101;
const SIP2 = 102;
const FIN_SIP = 103;
const L_VER = 104;
const F_VER = 105;
const VER1 = 106;
const VER2 = 107;
const FIN_VER = 108;
const UDP1 = 109;
const UDP2 = 110;
const FIN_UDP = 111;
const TCP_TLS1 = 112;
const TCP2 = 113;
const FIN_TCP = 114;
const TLS2 = 115;
const FIN_TLS = 116;
const SCTP1 = 117;
const SCTP2 = 118;
const SCTP3 = 119;
const FIN_SCTP = 120;
const WS_WSS1 = 121;
const WS_WSS2 = 122;
const FIN_WSS = 123;
const OTHER_PROTO = 124;
const L_PROTO = 125;
const F_PROTO = 126;

/** States inside a transport token: its end starts the host part. */
function inTransport(s: number): boolean {
  return s >= UDP1 && s <= OTHER_PROTO;
}

/** Per character of the protocol part: its transitions, and the source line of its error. */
const RULES: Record<string, { line: number; next: Partial<Record<number, number>> }> = {
  "/": { line: 1639, next: { [FIN_SIP]: F_VER, [FIN_VER]: F_PROTO, [L_VER]: F_VER, [L_PROTO]: F_PROTO } },
  S: { line: 1681, next: { [F_SIP]: SIP1, [TLS2]: FIN_TLS, [WS_WSS1]: WS_WSS2, [WS_WSS2]: FIN_WSS, [F_PROTO]: SCTP1 } },
  I: { line: 1711, next: { [SIP1]: SIP2 } },
  P: { line: 1748, next: { [SIP2]: FIN_SIP, [UDP2]: FIN_UDP, [TCP2]: FIN_TCP, [SCTP3]: FIN_SCTP } },
  U: { line: 1779, next: { [F_PROTO]: UDP1 } },
  D: { line: 1808, next: { [UDP1]: UDP2 } },
  T: { line: 1841, next: { [F_PROTO]: TCP_TLS1, [SCTP2]: SCTP3 } },
  C: { line: 1872, next: { [TCP_TLS1]: TCP2, [SCTP1]: SCTP2 } },
  L: { line: 1901, next: { [TCP_TLS1]: TLS2 } },
  W: { line: 1932, next: { [F_PROTO]: WS_WSS1 } },
  "2": { line: 1963, next: { [F_VER]: VER1 } },
  ".": { line: 1992, next: { [VER1]: VER2 } },
  "0": { line: 2021, next: { [VER2]: FIN_VER } },
};
const DEFAULT_LINE = 2051;

export type ViaCheck = { ok: true; next: number } | { ok: false; next: number; logs: CoreLogEntry[] };

/**
 * Checks the Via bodies from `start` (after the colon and leading whitespace) to the end of
 * the header; `next` is where the next header starts.
 */
export function checkVia(raw: string, start: number, end: number): ViaCheck {
  let buffer = start;
  for (;;) {
    const r = checkOne(raw, buffer, end);
    if ("error" in r) return { ok: false, next: r.tmp, logs: failure(raw, buffer, r.tmp, end, r.error) };
    if (r.nextVia === undefined) return { ok: true, next: r.tmp };
    // The next body starts at its first character: parse_via() eats the blanks after the comma
    // before it starts again (state F_VIA).
    buffer = r.nextVia;
    while (buffer < end && (raw.charCodeAt(buffer) === 32 || raw.charCodeAt(buffer) === 9)) buffer++;
  }
}

function failure(raw: string, buffer: number, tmp: number, end: number, first: CoreLogEntry): CoreLogEntry[] {
  const logs = [first];
  const at = (line: number) => `parser/parse_via.c:${line}`;
  if (end > buffer)
    logs.push({ level: L_ERR, at: at(2706), fn: "parse_via", text: `parsing via on: <${raw.slice(buffer, end)}>` });
  if (tmp > buffer && tmp < end)
    logs.push({
      level: L_ERR,
      at: at(2709),
      fn: "parse_via",
      text: `parse error, parsed so far:<${raw.slice(buffer, tmp)}>`,
    });
  else logs.push({ level: L_ERR, at: at(2712), fn: "parse_via", text: "via parse error" });
  return logs;
}

type OneResult = { tmp: number; nextVia?: number } | { tmp: number; error: CoreLogEntry };

function err(line: number, text: string, fn = "parse_via"): CoreLogEntry {
  return { level: L_ERR, at: `parser/parse_via.c:${line}`, fn, text };
}

/** One via body from `buffer`. */
function checkOne(raw: string, buffer: number, end: number): OneResult {
  let state = F_SIP;
  let saved = F_SIP;
  let tmp = buffer;
  // The protocol part.
  for (; tmp < end; tmp++) {
    const ch = raw[tmp] as string;
    const c = ch.charCodeAt(0);
    if (c === 32 || c === 9) {
      if (state === L_VER || state === L_PROTO || state === F_SIP || state === F_VER || state === F_PROTO) continue;
      if (inTransport(state)) {
        tmp++;
        state = F_HOST;
        break;
      }
      if (state === FIN_SIP) state = L_VER;
      else if (state === FIN_VER) state = L_PROTO;
      else if (state === F_LF || state === F_CRLF || state === F_CR) state = saved;
      else return { tmp, error: err(1437, `bad char <${ch}> on state ${state}`) };
    } else if (c === 10 || c === 13) {
      const mark = c === 10 ? F_LF : F_CR;
      if (state === L_VER || state === F_SIP || state === F_VER || state === F_PROTO || state === L_PROTO) {
        saved = state;
        state = mark;
      } else if (inTransport(state)) {
        saved = F_HOST;
        state = mark;
        tmp++;
        break;
      } else if (state === FIN_SIP || state === FIN_VER) {
        saved = state === FIN_SIP ? L_VER : L_PROTO;
        state = mark;
      } else if (c === 10 && state === F_CR) state = F_CRLF;
      else if (state === F_LF || state === F_CRLF || (c === 13 && state === F_CR)) {
        return endOfHeader(raw, buffer, tmp, saved);
      } else return { tmp, error: err(c === 10 ? 1530 : 1617, `bad char <${ch}> on state ${state}`) };
    } else {
      const rule = RULES[ch.toUpperCase()];
      const to = rule?.next[state];
      if (to !== undefined) state = to;
      else if (inTransport(state) || (rule === undefined && state === F_PROTO)) state = OTHER_PROTO;
      else return { tmp, error: err(rule?.line ?? DEFAULT_LINE, `bad char <${ch}> on state ${state}`) };
    }
  }
  if (tmp >= end && state !== F_HOST) return endOfHeader(raw, buffer, tmp, state);
  return hostPart(raw, buffer, tmp, end, state, saved);
}

/** The host, port and parameters, read loosely (see the file comment). */
function hostPart(raw: string, buffer: number, from: number, end: number, s: number, sv: number): OneResult {
  let state = s;
  let saved = sv;
  let portStart = -1;
  let portEnd = -1;
  let tmp = from;
  for (; tmp < end; tmp++) {
    const c = raw.charCodeAt(tmp);
    if (state === F_LF || state === F_CRLF || state === F_CR) {
      if (c === 32 || c === 9) {
        state = saved;
        continue;
      }
      if (c === 10 && state === F_CR) {
        state = F_CRLF;
        continue;
      }
      break; // a line that does not continue the header: its end
    }
    if (c === 10 || c === 13) {
      if (state === P_PORT && portEnd < 0) portEnd = tmp;
      saved = state;
      state = c === 10 ? F_LF : F_CR;
      continue;
    }
    if (state === F_HOST) {
      // `[` starts an IPv6 reference (kept in the host with its brackets): its colons are not
      // a port's.
      if (c === 91 /* [ */) state = F_IP6HOST;
      else if (c !== 32 && c !== 9) state = P_HOST;
    } else if (state === F_IP6HOST || state === P_IP6HOST) {
      // parse_via.c: blanks, `;` and `,` inside the brackets are a "bad ipv6 reference"; `]`
      // ends the host after at least one character (state L_PORT: a port may follow); a second
      // `[` or an empty `[]` fails.
      const bad = c === 32 || c === 9 ? 2102 : c === 59 ? 2257 : c === 44 ? 2312 : 0;
      if (bad) return { tmp, error: err(bad, "bad ipv6 reference") };
      if (c === 93 /* ] */ && state === P_IP6HOST) state = L_PORT;
      else if (c === 91 || c === 93)
        return { tmp, error: err(c === 91 ? 2464 : 2487, `parsing via on <${raw[tmp]}> state ${state}`) };
      else state = P_IP6HOST;
    } else if (state === L_PORT) {
      if (c === 58 /* : */) state = F_PORT;
      else if (c === 59 /* ; */) state = P_PARAM;
      else if (c === 44 /* , */) return { tmp, nextVia: tmp + 1 };
      else if (c !== 32 && c !== 9)
        return { tmp, error: err(2606, `parsing via on <${raw[tmp]}> state ${state} (default)`) };
    } else if (state === P_HOST) {
      if (c === 58 /* : */) state = F_PORT;
      else if (c === 59 /* ; */ || c === 32 || c === 9) state = P_PARAM;
      else if (c === 44 /* , */) return { tmp, nextVia: tmp + 1 };
    } else if (state === F_PORT || state === P_PORT) {
      if (c === 59 || c === 32 || c === 9 || c === 44) {
        if (state === P_PORT && portEnd < 0) portEnd = tmp;
        if (c === 44) return portCheck(raw, portStart, portEnd, { tmp, nextVia: tmp + 1 }, 2689);
        if (state === P_PORT) state = P_PARAM;
      } else if (state === F_PORT) {
        state = P_PORT;
        portStart = tmp;
      }
    } else if (c === 44) {
      return portCheck(raw, portStart, portEnd, { tmp, nextVia: tmp + 1 }, 2689);
    }
  }
  if (state === P_PORT && portEnd < 0) portEnd = tmp;
  // parse_via_param() wants a line end after a parameter: the buffer ending inside one fails.
  if (state === P_PARAM && tmp >= end) return { tmp, error: err(1324, "failure parsing via param", "parse_via_param") };
  // At the end of the packet parse_via() judges the state it is in (a line end there fails);
  // at a line that does not continue the header, the state before the line end.
  const final = tmp < end ? saved : state;
  const r = endOfHeader(raw, buffer, tmp, final);
  if ("error" in r) return r;
  return portCheck(raw, portStart, portEnd, r, 2675);
}

/** The states a body may end in (P_HOST, L_PORT, P_PORT, L_PARAM, P_PARAM, L_VIA; the parameter
 * value states are folded into P_PARAM here). */
const END_OK = new Set([1, 2, 4, 5, 7, 8]);

function endOfHeader(_raw: string, _buffer: number, tmp: number, state: number): OneResult {
  if (!END_OK.has(state)) return { tmp, error: err(2654, `invalid via - end of header in state ${state}`) };
  return { tmp };
}

function portCheck(raw: string, start: number, stop: number, ok: OneResult, line: number): OneResult {
  if (start < 0) return ok;
  const port = raw.slice(start, stop);
  if (/^[0-9]{1,5}$/.test(port)) return ok;
  return { tmp: ok.tmp, error: err(line, `invalid port number <${port}>`) };
}
