/**
 * The text of what agents send: compact and realistic, as a softphone writes it (RFC 3261 8.1.1
 * for requests, 8.2.6 for responses), with no header an agent does not need. Real Kamailio sees
 * these exact bytes in the differential harness, so nothing here may depend on anything but the
 * agent's plan and its counters.
 */
import { utf8Length } from "../../sip/utf8.js";
import type { AgentMessage } from "./parse.js";

/** What a request is made of. */
export interface RequestParts {
  method: string;
  ruri: string;
  /** The Via value (`SIP/2.0/UDP ip:port;branch=...;rport`). */
  via: string;
  /** Route values, in order (one Route header each). */
  routes?: readonly string[];
  from: string;
  to: string;
  callId: string;
  cseq: number;
  contact?: string;
  expires?: number;
  contentType?: string;
  body?: string;
}

/** A request's text. */
export function buildRequest(p: RequestParts): string {
  let s = `${p.method} ${p.ruri} SIP/2.0\r\nVia: ${p.via}\r\nMax-Forwards: 70\r\n`;
  if (p.routes) for (const r of p.routes) s += `Route: ${r}\r\n`;
  s += `From: ${p.from}\r\nTo: ${p.to}\r\nCall-ID: ${p.callId}\r\nCSeq: ${p.cseq} ${p.method}\r\n`;
  if (p.contact !== undefined) s += `Contact: ${p.contact}\r\n`;
  if (p.expires !== undefined) s += `Expires: ${p.expires}\r\n`;
  return s + bodyPart(p.contentType, p.body);
}

/** What a response adds to what it copies from its request. */
export interface ResponseParts {
  /** The To tag to add when the request's To has none (not for 100, RFC 3261 8.2.6.2). */
  toTag?: string;
  /** Copy the request's Record-Route (18x/2xx of a dialog-making request, RFC 3261 12.1.1). */
  recordRoute?: boolean;
  contact?: string;
  /** Extra header lines (`Allow: ...`), without line ends. */
  extra?: readonly string[];
  contentType?: string;
  body?: string;
}

/** A response to `req`: its Vias, From, To (tagged), Call-ID and CSeq copied (RFC 3261 8.2.6.2). */
export function buildResponse(req: AgentMessage, code: number, reason: string, p: ResponseParts = {}): string {
  let s = `SIP/2.0 ${code} ${reason}\r\n`;
  for (const v of req.viaLines) s += `Via: ${v}\r\n`;
  if (p.recordRoute) for (const r of req.recordRouteLines) s += `Record-Route: ${r}\r\n`;
  const to = p.toTag && !req.toTag ? `${req.to};tag=${p.toTag}` : req.to;
  s += `From: ${req.from}\r\nTo: ${to}\r\nCall-ID: ${req.callId}\r\nCSeq: ${req.cseq} ${req.method}\r\n`;
  if (p.contact !== undefined) s += `Contact: ${p.contact}\r\n`;
  if (p.extra) for (const h of p.extra) s += `${h}\r\n`;
  return s + bodyPart(p.contentType, p.body);
}

function bodyPart(contentType: string | undefined, body: string | undefined): string {
  if (!body) return "Content-Length: 0\r\n\r\n";
  return `Content-Type: ${contentType ?? "text/plain"}\r\nContent-Length: ${utf8Length(body)}\r\n\r\n${body}`;
}

/** An audio offer/answer: one PCMU stream at the agent's address (version bumps on re-INVITE). */
export function sdp(user: string, ip: string, session: number, version: number, rtpPort: number): string {
  return (
    `v=0\r\no=${user} ${session} ${version} IN IP4 ${ip}\r\ns=-\r\nc=IN IP4 ${ip}\r\nt=0 0\r\n` +
    `m=audio ${rtpPort} RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n`
  );
}
