/**
 * Splitting a request's header block into fields, as Kamailio's get_hdr_field()
 * (src/core/parser/msg_parser.c, 5.6.3) does. What a field's body is matters, because `$hdr`,
 * `$ci`, `$ua` print it as is:
 * - leading spaces and tabs after the colon are skipped (and a fold right after the colon);
 * - the body runs to the end of the line, continuation lines (starting with a space or tab)
 *   included, and **folds are kept verbatim**: `X-Fold: a,⏎  b` gives `a,\r\n  b`;
 * - only CR, LF and NUL are trimmed at the end (trim_r in ut.h): trailing spaces stay, so
 *   `Call-ID: cid-42@host  ` gives `$ci` = `cid-42@host  ` (checked on the 5.6.3 binary).
 * A name is letters, digits and `- . _ + ~`, then optional spaces or tabs, then `:`.
 */
import { headerKey } from "./header-names.js";

/** Where one header field lies in the raw message. */
export interface HeaderField {
  /** The name as written (`From`, `f`, `x-custom`). */
  name: string;
  /** `headerKey(name)`: lower-cased, compact forms expanded. */
  key: string;
  /** Offset of the first character of the name. */
  start: number;
  /** Offset of the first character of the body. */
  bodyStart: number;
  /** Offset just past the body (trailing CR/LF excluded). */
  bodyEnd: number;
  /** Offset just past the field's last line ending, where the next field starts. */
  end: number;
}

/** Splits the header lines in `raw[start, stop)` (stop = the blank line) into fields. */
export function splitHeaders(
  raw: string,
  start: number,
  stop: number,
): HeaderField[] | { error: string; before: HeaderField[] } {
  const fields: HeaderField[] = [];
  let p = start;
  while (p < stop) {
    const field = readField(raw, p, stop);
    // The fields before a bad line are still known: Kamailio's parse_headers() keeps what it
    // read before it failed (msg->from, msg->callid...).
    if (typeof field === "string") return { error: field, before: fields };
    fields.push(field);
    p = field.end;
  }
  return fields;
}

/** Reads the field starting at `start`; a string is the error message. */
function readField(raw: string, start: number, stop: number): HeaderField | string {
  let p = start;
  while (p < stop && isHeaderNameChar(raw.charCodeAt(p))) p++;
  if (p === start) return `bad header field: invalid start of header name in "${lineAt(raw, start)}"`;
  const known = knownName(raw.slice(start, p));
  while (p < stop && (raw.charCodeAt(p) === 32 || raw.charCodeAt(p) === 9)) p++;
  if (raw.charCodeAt(p) !== 58 /* : */ || p >= stop)
    return `bad header field: no ":" after header name in "${lineAt(raw, start)}"`;
  const bodyStart = skipLws(raw, p + 1, stop);
  let end = bodyStart;
  do {
    const nl = raw.indexOf("\n", end);
    // The blank line that ends the headers follows every field, so a missing LF cannot happen
    // inside [start, stop); guard anyway.
    end = nl < 0 || nl >= stop ? stop : nl + 1;
  } while (end < stop && (raw.charCodeAt(end) === 32 || raw.charCodeAt(end) === 9));
  let bodyEnd = end;
  while (bodyEnd > bodyStart && isLineEnd(raw.charCodeAt(bodyEnd - 1))) bodyEnd--;
  return { name: known.name, key: known.key, start, bodyStart, bodyEnd, end };
}

/**
 * Header names already seen, with their keys: every field of every message kept in memory (a
 * transaction keeps its request) shares these two strings instead of holding its own copies, and
 * the key is not lower-cased again. Bounded, so that odd names in a flood cannot grow it.
 */
const NAMES = new Map<string, { name: string; key: string }>();
const NAMES_MAX = 4096;

function knownName(name: string): { name: string; key: string } {
  let k = NAMES.get(name);
  if (k === undefined) {
    k = { name, key: headerKey(name) };
    if (NAMES.size < NAMES_MAX) NAMES.set(name, k);
  }
  return k;
}

/** eat_lws_end() of parser_f.h: spaces, tabs, and line folds. */
function skipLws(raw: string, p: number, stop: number): number {
  while (p < stop) {
    const c = raw.charCodeAt(p);
    if (c === 32 || c === 9) p++;
    else if (c === 10 && p + 1 < stop && isSp(raw.charCodeAt(p + 1))) p += 2;
    else if (c === 13 && p + 2 < stop && raw.charCodeAt(p + 1) === 10 && isSp(raw.charCodeAt(p + 2))) p += 3;
    else break;
  }
  return p;
}

/**
 * Whether a character may appear in a header name: Kamailio's `_ksr_hname_chars_list`,
 * letters, digits and `- . _ + ~` (parse_hname2.c). Kept in this module because it runs per
 * character, and cross-module calls cost a getter under some module loaders; header-scan.ts
 * (the receive path's scanner) imports this one; bundled (esbuild) the call is direct.
 */
export function isHeaderNameChar(c: number): boolean {
  return (
    (c >= 48 && c <= 57) ||
    (c >= 65 && c <= 90) ||
    (c >= 97 && c <= 122) ||
    c === 45 ||
    c === 46 ||
    c === 95 ||
    c === 43 ||
    c === 126
  );
}

function isSp(c: number): boolean {
  return c === 32 || c === 9;
}

function isLineEnd(c: number): boolean {
  return c === 13 || c === 10 || c === 0;
}

/** The line at an offset, for error messages (without its line ending, at most 60 chars). */
function lineAt(raw: string, p: number): string {
  let e = p;
  while (e < raw.length && e - p < 60 && raw.charCodeAt(e) !== 13 && raw.charCodeAt(e) !== 10) e++;
  return raw.slice(p, e);
}
