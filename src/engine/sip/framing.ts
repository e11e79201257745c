/**
 * Framing a raw request: its request line and where the header block ends. This is all a
 * SipRequest does on construction, so it avoids regular expressions and per-line work: a few
 * indexOf calls over the text.
 *
 * The request line follows parse_first_line() (src/core/parser/parse_fline.c, 5.6.3):
 * `METHOD SP URI SP+ VERSION`, nothing but whitespace after the version; leading CR/LF and
 * whitespace before the message are skipped (parse_msg). Line ends may be CRLF or bare LF.
 */

/** The parts of a request found without looking at its headers. */
export interface RequestFrame {
  method: string;
  uri: string;
  /** The version as written (`SIP/2.0`). */
  version: string;
  /** Offset of the first header line. */
  headerStart: number;
  /** Offset of the blank line that ends the headers. */
  headerEnd: number;
  /** Offset of the first byte of the body (after the blank line). */
  bodyStart: number;
}

/** Frames a raw request, or says what is wrong with it. */
export function frameRequest(raw: string): RequestFrame | { error: string } {
  let s = 0;
  while (s < raw.length && isBlank(raw.charCodeAt(s))) s++;
  const nl = raw.indexOf("\n", s);
  if (s >= raw.length) return { error: "empty message" };
  if (nl < 0) return { error: "no line end after the request line" };
  const lineEnd = raw.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
  const line = raw.slice(s, lineEnd);
  const parts = splitRequestLine(line);
  if ("error" in parts) return parts;
  const headerEnd = findBlankLine(raw, nl);
  if (headerEnd < 0) return { error: "no blank line after the headers" };
  const bodyStart = headerEnd + (raw.charCodeAt(headerEnd) === 13 ? 2 : 1);
  // An explicit literal, not a spread: spreading measured ~1 µs per request.
  return { method: parts.method, uri: parts.uri, version: parts.version, headerStart: nl + 1, headerEnd, bodyStart };
}

function splitRequestLine(line: string): { method: string; uri: string; version: string } | { error: string } {
  const sp1 = line.indexOf(" ");
  if (sp1 <= 0) return { error: `bad request line "${line}": expected METHOD URI SIP/2.0` };
  const method = line.slice(0, sp1);
  if (method.toUpperCase() === "SIP/2.0") return { error: "the message is a reply; only requests can be simulated" };
  if (method.indexOf("\t") >= 0) return { error: `bad request line "${line}": method not followed by a space` };
  let p = sp1 + 1;
  const uriStart = p;
  while (p < line.length && !isSpace(line.charCodeAt(p))) p++;
  const uri = line.slice(uriStart, p);
  const versionStart = skipSpaces(line, p);
  if (uri === "" || versionStart === p) return { error: `bad request line "${line}": expected METHOD URI SIP/2.0` };
  p = versionStart;
  while (p < line.length && !isSpace(line.charCodeAt(p))) p++;
  const version = line.slice(versionStart, p);
  if (skipSpaces(line, p) !== line.length || version === "")
    return { error: `bad request line "${line}": expected METHOD URI SIP/2.0` };
  if (version.toUpperCase() !== "SIP/2.0") return { error: `unsupported version "${version}" (expected SIP/2.0)` };
  return { method, uri, version };
}

/** Offset of the empty line that ends the headers, searching from the LF at `from`; -1 if none.
 * (Two forward indexOf scans: a lastIndexOf bound measured several times slower.) */
export function findBlankLine(raw: string, from: number): number {
  const crlf = raw.indexOf("\n\r\n", from);
  const lf = raw.indexOf("\n\n", from);
  if (lf >= 0 && (crlf < 0 || lf < crlf)) return lf + 1;
  return crlf < 0 ? -1 : crlf + 1;
}

function skipSpaces(s: string, p: number): number {
  while (p < s.length && isSpace(s.charCodeAt(p))) p++;
  return p;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 10 || c === 0;
}
