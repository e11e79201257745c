/**
 * Raw SIP requests given in a traffic file's `messages`. They are checked only as far as any SIP
 * message must be well formed (RFC 3261 §7): a request line `METHOD Request-URI SIP/2.0`, header
 * lines `Name: value` (continuation lines allowed), and the blank line that ends the head. What a
 * request says is left alone, so that a file can send odd requests on purpose (no Via, a wrong
 * CSeq) and watch the config deal with them. People write these in JSON strings, often with `\n`
 * alone; the head's line ends become `\r\n`, the body stays exactly as written.
 */
import { MAX_SIP_TEXT } from "./limits.js";

/** A checked raw request, or the reason it is not one. */
export type RawCheck = { ok: true; text: string; method: string } | { ok: false; message: string };

/** RFC 3261 `token` characters. */
const TOKEN = /^[A-Za-z0-9\-.!%*_+`'~]+$/;
const REQUEST_LINE = /^([A-Za-z0-9\-.!%*_+`'~]+) (\S+) SIP\/2\.0$/;
const HEADER_LINE = /^([A-Za-z0-9\-.!%*_+`'~]+)[ \t]*:/;

/** Checks a raw request and normalises its head's line ends to `\r\n`. */
export function checkRawMessage(raw: string): RawCheck {
  if (raw.trim() === "") return { ok: false, message: "the message is empty" };
  const lines: string[] = [];
  let pos = 0;
  let body: string | undefined;
  while (pos < raw.length) {
    const nl = raw.indexOf("\n", pos);
    if (nl < 0) break;
    const line = raw.slice(pos, raw[nl - 1] === "\r" && nl - 1 >= pos ? nl - 1 : nl);
    pos = nl + 1;
    if (line === "") {
      body = raw.slice(pos);
      break;
    }
    lines.push(line);
  }
  if (body === undefined) {
    return {
      ok: false,
      message: "the head must end with a blank line (write \\r\\n\\r\\n or \\n\\n after the last header)",
    };
  }
  const problem = checkHead(lines);
  if (problem) return { ok: false, message: problem };
  const text = `${lines.join("\r\n")}\r\n\r\n${body}`;
  if (text.length > MAX_SIP_TEXT)
    return { ok: false, message: `the message is longer than ${MAX_SIP_TEXT} characters` };
  const method = (REQUEST_LINE.exec(lines[0] as string) as RegExpExecArray)[1] as string;
  return { ok: true, text, method };
}

/** The first problem with the head's lines, or undefined. */
function checkHead(lines: readonly string[]): string | undefined {
  const first = lines[0];
  if (first === undefined) return "the message has no request line";
  if (/^SIP\/2\.0 \d{3}/.test(first)) return "line 1: a reply; only requests can be sent";
  if (!REQUEST_LINE.test(first)) {
    return `line 1: ${JSON.stringify(first)} is not a request line (METHOD Request-URI SIP/2.0, single spaces)`;
  }
  if (lines.length < 2) return "the message has no headers";
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.includes("\r")) return `line ${i + 1}: a lone carriage return`;
    if (line[0] === " " || line[0] === "\t") {
      if (i === 1) return "line 2: a continuation line before any header";
      continue;
    }
    if (!HEADER_LINE.test(line)) return `line ${i + 1}: ${JSON.stringify(line)} is not a header (Name: value)`;
  }
  return undefined;
}

/** Whether `s` is an RFC 3261 token (a method or a header name). */
export function isToken(s: string): boolean {
  return TOKEN.test(s);
}
