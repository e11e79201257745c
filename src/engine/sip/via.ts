/**
 * The first Via of a Via header body (`SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK1;rport`):
 * transport, sent-by host and port, and parameters with their offsets, which the stateless reply
 * needs to rewrite `rport` in place as Kamailio's build_res_buf_from_sip_req() does
 * (src/core/msg_translator.c). Whitespace around `/`, `:`, `;` and `=` is allowed (RFC 3261 LWS).
 */

/** One Via parameter, with where it lies in the header body. */
export interface ViaParam {
  name: string;
  /** Absent for a bare name such as `rport`. */
  value?: string;
  /** Offset of the name in the body. */
  start: number;
  /** Offset just past the value (or the name), like Kamailio's `param->start + param->size`. */
  end: number;
}

/** The first via-parm of a Via header. */
export interface ViaBody {
  /** `SIP/2.0`, as written. */
  protocol: string;
  /** `UDP`, `TCP`, `TLS`..., as written. */
  transport: string;
  /** Sent-by host, IPv6 with brackets. */
  host: string;
  port?: number;
  params: ViaParam[];
  /** The `branch` parameter's value. */
  branch?: string;
  /** Offset just past this via in the body (at a `,` starting the next one, or the end). */
  end: number;
}

/** Parses the via starting at `start` (default: the first) of a Via header body; undefined when
 * it is malformed. Offsets in the result are offsets in `body`. */
export function parseVia(body: string, start = 0): ViaBody | undefined {
  const c = { s: body, p: start };
  ws(c);
  const name = token(c);
  if (!expect(c, 47 /* / */)) return undefined;
  const version = token(c);
  if (!expect(c, 47)) return undefined;
  const transport = token(c);
  if (name === "" || version === "" || transport === "") return undefined;
  ws(c);
  const host = sentByHost(c);
  if (host === undefined) return undefined;
  const via: ViaBody = { protocol: `${name}/${version}`, transport, host, params: [], end: 0 };
  ws(c);
  if (peek(c) === 58 /* : */) {
    c.p++;
    ws(c);
    const digits = token(c);
    if (!/^\d{1,5}$/.test(digits) || Number(digits) > 65535) return undefined;
    via.port = Number(digits);
  }
  if (!readParams(c, via)) return undefined;
  via.end = c.p;
  return via;
}

/** Parses every via of a Via header body (`v1, v2`); undefined when any is malformed. */
export function parseVias(body: string): ViaBody[] | undefined {
  const out: ViaBody[] = [];
  let p = 0;
  for (;;) {
    const via = parseVia(body, p);
    if (via === undefined) return undefined;
    out.push(via);
    if (via.end >= body.length) return out;
    p = via.end + 1; // past the comma
  }
}

function readParams(c: Cursor, via: ViaBody): boolean {
  for (;;) {
    ws(c);
    if (peek(c) !== 59 /* ; */) break;
    c.p++;
    ws(c);
    const start = c.p;
    const name = token(c);
    if (name === "") return false;
    let end = c.p;
    ws(c);
    const param: ViaParam = { name, start, end };
    if (peek(c) === 61 /* = */) {
      c.p++;
      ws(c);
      param.value = paramValue(c);
      end = c.p;
      param.end = end;
    } else c.p = end;
    via.params.push(param);
    if (name.toLowerCase() === "branch" && via.branch === undefined) via.branch = param.value ?? "";
  }
  // Optional comment, then either the end or a comma before the next via.
  if (peek(c) === 40 /* ( */) {
    const close = c.s.indexOf(")", c.p);
    if (close < 0) return false;
    c.p = close + 1;
    ws(c);
  }
  return c.p >= c.s.length || peek(c) === 44 /* , */;
}

interface Cursor {
  s: string;
  p: number;
}

function peek(c: Cursor): number {
  return c.s.charCodeAt(c.p);
}

function ws(c: Cursor): void {
  while (c.p < c.s.length) {
    const ch = c.s.charCodeAt(c.p);
    if (ch !== 32 && ch !== 9 && ch !== 13 && ch !== 10) return;
    c.p++;
  }
}

function expect(c: Cursor, ch: number): boolean {
  ws(c);
  if (peek(c) !== ch) return false;
  c.p++;
  ws(c);
  return true;
}

/** A parameter value: a quoted string, or a run up to whitespace, `;`, `,` or `(` (IPv6 `received`
 * values carry colons). */
function paramValue(c: Cursor): string {
  const start = c.p;
  if (peek(c) === 34 /* " */) {
    const close = c.s.indexOf('"', c.p + 1);
    c.p = close < 0 ? c.s.length : close + 1;
    return c.s.slice(start, c.p);
  }
  while (c.p < c.s.length) {
    const ch = c.s.charCodeAt(c.p);
    if (ch === 32 || ch === 9 || ch === 13 || ch === 10 || ch === 59 || ch === 44 || ch === 40) break;
    c.p++;
  }
  return c.s.slice(start, c.p);
}

/** Reads a run of characters that are not separators of the Via grammar. */
function token(c: Cursor): string {
  const start = c.p;
  while (c.p < c.s.length && !isSeparator(c.s.charCodeAt(c.p))) c.p++;
  return c.s.slice(start, c.p);
}

function isSeparator(ch: number): boolean {
  // space, tab, CR, LF, / : ; = , ( and "
  return (
    ch === 32 ||
    ch === 9 ||
    ch === 13 ||
    ch === 10 ||
    ch === 47 ||
    ch === 58 ||
    ch === 59 ||
    ch === 61 ||
    ch === 44 ||
    ch === 40 ||
    ch === 34
  );
}

function sentByHost(c: Cursor): string | undefined {
  if (peek(c) === 91 /* [ */) {
    const close = c.s.indexOf("]", c.p);
    if (close < 0) return undefined;
    const host = c.s.slice(c.p, close + 1);
    c.p = close + 1;
    return host;
  }
  const host = token(c);
  return host === "" ? undefined : host;
}
