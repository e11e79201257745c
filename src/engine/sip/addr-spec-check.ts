/**
 * The error lines parse_addr_spec() (src/core/parser/parse_addr_spec.c, 5.6.3) writes while
 * parse_to() reads a To header on receipt or in a later full read of the headers: its main loop
 * over the display name and the URI, character by character, with the status numbers of its
 * enum (START_TO = 0 ... F_CRLF = 13) and the source line of each `unexpected char` message.
 * Parameters (parse_to_param(), after the first `;`) are not followed here: the caller judges
 * those by its own name-addr parser, without a detail line.
 */
import { L_ERR } from "../base/log-levels.js";
import type { CoreLogEntry } from "./core-log-entry.js";

const START_TO = 0;
const DISPLAY_QUOTED = 1;
const E_DISPLAY_QUOTED = 2;
const DISPLAY_TOKEN = 3;
const DISPLAY_TOKEN_SP = 4;
const S_URI_ENCLOSED = 5;
const URI_ENCLOSED = 6;
const E_URI_ENCLOSED = 7;
const URI_OR_TOKEN = 8;
const MAYBE_URI_END = 9;
const END = 10;
const F_CR = 11;
const F_LF = 12;
const F_CRLF = 13;

/** The source line of `unexpected char` for each character parse_addr_spec() switches on. */
const LINES: Readonly<Record<string, number>> = {
  "\n": 653,
  "\r": 681,
  "\0": 695,
  "\\": 706,
  "<": 738,
  ">": 759,
  '"': 781,
  ";": 806,
};

export type AddrSpecCheck =
  /** The header parsed up to its end. */
  | { ok: true }
  /** A `;` starts the parameters: not followed here. */
  | { ok: "params" }
  /** Failed; `logs` are parse_addr_spec()'s lines (none for the DEBUG-only "spitting out"). */
  | { ok: false; logs: CoreLogEntry[] };

/** Runs parse_addr_spec()'s loop from the body's first character `start` to the datagram's end. */
export function checkAddrSpec(raw: string, start: number): AddrSpecCheck {
  let status = START_TO;
  let saved = START_TO;
  const end = raw.length;
  const unexpected = (tmp: number): AddrSpecCheck => {
    const ch = raw[tmp] as string;
    const text = `unexpected char [${ch}/${ch.charCodeAt(0)}] in status ${status}: [${raw.slice(start, tmp)}] .`;
    return { ok: false, logs: [err(LINES[ch] ?? 0, text)] };
  };
  const crlf = () => status === F_CR || status === F_LF || status === F_CRLF;
  let tmp = start;
  loop: for (; tmp < end; tmp++) {
    const ch = raw[tmp] as string;
    switch (ch) {
      case " ":
      case "\t":
        if (crlf()) status = saved;
        else if (status === URI_ENCLOSED) status = E_URI_ENCLOSED;
        else if (status === URI_OR_TOKEN) status = MAYBE_URI_END;
        else if (status === DISPLAY_TOKEN) status = DISPLAY_TOKEN_SP;
        break;
      case "\n":
      case "\r": {
        const mark = ch === "\n" ? F_LF : F_CR;
        if (status === URI_OR_TOKEN) status = MAYBE_URI_END;
        if (status === MAYBE_URI_END || status === DISPLAY_TOKEN_SP || status === E_DISPLAY_QUOTED || status === END) {
          saved = status;
          status = mark;
        } else if (status === DISPLAY_TOKEN) {
          saved = DISPLAY_TOKEN_SP;
          status = mark;
        } else if (ch === "\n" && status === F_CR) status = F_CRLF;
        else if (status === F_CRLF || status === F_LF || (ch === "\r" && status === F_CR)) {
          status = saved;
          break loop;
        } else return unexpected(tmp);
        break;
      }
      case "\0":
        if (status === URI_OR_TOKEN || status === MAYBE_URI_END || status === END) {
          saved = status = END;
          break loop;
        }
        return unexpected(tmp);
      case "\\":
        if (status !== DISPLAY_QUOTED) return unexpected(tmp);
        tmp++;
        break;
      case "<":
        if (crlf()) {
          status = saved;
          break loop;
        }
        if (status === DISPLAY_QUOTED) break;
        if (
          status === START_TO ||
          status === E_DISPLAY_QUOTED ||
          status === URI_OR_TOKEN ||
          status === DISPLAY_TOKEN ||
          status === DISPLAY_TOKEN_SP ||
          status === MAYBE_URI_END
        )
          status = S_URI_ENCLOSED;
        else return unexpected(tmp);
        break;
      case ">":
        if (crlf()) {
          status = saved;
          break loop;
        }
        if (status === DISPLAY_QUOTED) break;
        if (status === URI_ENCLOSED || status === E_URI_ENCLOSED) status = END;
        else return unexpected(tmp);
        break;
      case '"':
        if (crlf()) {
          status = saved;
          break loop;
        }
        if (status === START_TO) status = DISPLAY_QUOTED;
        else if (status === DISPLAY_QUOTED) status = E_DISPLAY_QUOTED;
        else return unexpected(tmp);
        break;
      case ";":
        if (crlf()) {
          status = saved;
          break loop;
        }
        if (status === DISPLAY_QUOTED || status === URI_ENCLOSED) break;
        if (status === URI_OR_TOKEN || status === MAYBE_URI_END || status === END) return { ok: "params" };
        return unexpected(tmp);
      default:
        if (crlf()) {
          status = saved;
          break loop;
        }
        if (status === START_TO) status = URI_OR_TOKEN;
        else if (status === S_URI_ENCLOSED) status = URI_ENCLOSED;
        else if (status === MAYBE_URI_END || status === DISPLAY_TOKEN_SP) status = DISPLAY_TOKEN;
        else if (
          status !== DISPLAY_QUOTED &&
          status !== DISPLAY_TOKEN &&
          status !== URI_ENCLOSED &&
          status !== URI_OR_TOKEN
        )
          return { ok: false, logs: [] }; // "spitting out [...]" is a DEBUG line
    }
  }
  // The end of the buffer: parse_addr_spec() judges the state it is in; at a header's end, the
  // state before the line end (saved above).
  if (tmp >= end && (status === URI_OR_TOKEN || status === MAYBE_URI_END || status === END)) saved = status;
  if (tmp >= end) status = saved;
  if (status === URI_OR_TOKEN || status === MAYBE_URI_END || status === END) return { ok: true };
  return { ok: false, logs: [err(895, `invalid body -  unexpected end of header in state ${status}`)] };
}

function err(line: number, text: string): CoreLogEntry {
  return { level: L_ERR, at: `parser/parse_addr_spec.c:${line}`, fn: "parse_addr_spec", text };
}
