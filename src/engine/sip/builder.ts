/**
 * Building the requests that synthetic traffic sends: complete RFC 3261 text with CRLF line ends,
 * so every pseudo-variable reads it as Kamailio would read a real client's request.
 *
 * Deterministic by construction: nothing here invents a value. The traffic layer supplies the
 * Call-ID, From-tag and branch, deriving them from the stream name, the request's number in its
 * stream and the seed, so the same traffic file and seed give byte-identical messages.
 */
import { headerKey } from "./header-names.js";
import { parseUri } from "./uri.js";
import { utf8Length } from "./utf8.js";

/** Everything that makes one synthetic request. */
export interface RequestSpec {
  /** `INVITE`, `OPTIONS`... */
  method: string;
  /** The request URI. */
  ruri: string;
  /** The From URI (the header gets `<uri>;tag=fromTag`). */
  from: string;
  /** The To URI (the header gets `<uri>`, no tag). */
  to: string;
  /** Source address of the sender: Via sent-by and Contact host. IPv6 is bracketed for you. */
  srcIp: string;
  srcPort: number;
  /** CSeq number (the traffic layer uses the request's number in its stream). */
  cseq: number;
  callId: string;
  fromTag: string;
  /** Via branch; `z9hG4bK` is put in front unless it already starts with it. */
  branch: string;
  /**
   * Extra headers, in order, after Contact. One named like a generated header (Max-Forwards,
   * Via, From, To, Call-ID, CSeq, Contact, Content-Length; compact forms too) replaces that
   * header's value in place instead, so a stream can send `Max-Forwards: 0`.
   */
  headers?: readonly (readonly [string, string])[];
  /** Message body; Content-Length is its UTF-8 byte length. */
  body?: string;
}

/** The RFC 3261 magic cookie every compliant branch starts with. */
const BRANCH_COOKIE = "z9hG4bK";

/** Header key → index of the generated header it replaces (see `RequestSpec.headers`). */
const GENERATED_SLOTS: ReadonlyMap<string, number> = new Map([
  ["via", 0],
  ["max-forwards", 1],
  ["from", 2],
  ["to", 3],
  ["call-id", 4],
  ["cseq", 5],
  ["contact", 6],
  ["content-length", 7],
]);
const CONTENT_LENGTH_SLOT = 7;

/** Builds the request text described by `spec`. */
export function buildRequest(spec: RequestSpec): string {
  const host = spec.srcIp.indexOf(":") >= 0 ? `[${spec.srcIp}]` : spec.srcIp;
  const branch = spec.branch.startsWith(BRANCH_COOKIE) ? spec.branch : BRANCH_COOKIE + spec.branch;
  const user = parseUri(spec.from)?.user;
  const body = spec.body ?? "";
  const lines: [string, string][] = [
    ["Via", `SIP/2.0/UDP ${host}:${spec.srcPort};branch=${branch};rport`],
    ["Max-Forwards", "70"],
    ["From", `<${spec.from}>;tag=${spec.fromTag}`],
    ["To", `<${spec.to}>`],
    ["Call-ID", spec.callId],
    ["CSeq", `${spec.cseq} ${spec.method}`],
    ["Contact", `<sip:${user === undefined ? "" : `${user}@`}${host}:${spec.srcPort}>`],
  ];
  const contentLength: [string, string] = ["Content-Length", String(utf8Length(body))];
  let replaced = 0; // bit i set: generated slot i already took an extra header's value
  for (const [name, value] of spec.headers ?? []) {
    const slot = GENERATED_SLOTS.get(headerKey(name)) ?? -1;
    const line = slot === CONTENT_LENGTH_SLOT ? contentLength : lines[slot];
    if (line === undefined || replaced & (1 << slot)) {
      lines.push([name, value]);
      continue;
    }
    replaced |= 1 << slot;
    line[0] = name;
    line[1] = value;
  }
  lines.push(contentLength);
  let text = `${spec.method} ${spec.ruri} SIP/2.0\r\n`;
  for (const [name, value] of lines) text += `${name}: ${value}\r\n`;
  return `${text}\r\n${body}`;
}
