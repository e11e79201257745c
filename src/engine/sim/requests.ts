/**
 * Turns traffic arrivals into SIP requests: a stream's templates expanded for request number n
 * into a complete RFC 3261 request, or a raw message as given. Call-ID, tags and branch derive
 * from the stream and n, so the same plan always builds the same bytes.
 */
import { buildRequest } from "../sip/builder.js";
import { SipRequest } from "../sip/message.js";
import type { Arrival } from "../traffic/arrivals.js";
import { expandStream } from "../traffic/template.js";
import type { TrafficPlan } from "../traffic/types.js";

/** The request of an arrival, and the stream name it belongs to. */
export interface BuiltRequest {
  msg: SipRequest;
  stream: string;
}

export function requestFor(plan: TrafficPlan, a: Arrival): BuiltRequest | { error: string } {
  if (a.stream < 0) {
    const m = plan.messages[a.message ?? -1];
    if (!m) return { error: "no such message" };
    const msg = SipRequest.parse(m.raw);
    return "error" in msg ? msg : { msg, stream: a.injected ? "inject" : "message" };
  }
  const s = plan.streams[a.stream];
  if (!s) return { error: "no such stream" };
  const x = expandStream(s, a.n);
  const text = buildRequest({
    method: s.method,
    ruri: x.ruri,
    from: x.from,
    to: x.to,
    srcIp: a.src,
    srcPort: a.sport,
    cseq: a.n,
    callId: `${s.name}-${a.n}-${plan.seed}@kamsim`,
    fromTag: `${a.stream + 1}${a.n.toString(36)}`,
    branch: `${a.stream + 1}x${a.n.toString(36)}`,
    headers: x.headers.map((h) => [h.name, h.value] as const),
    body: s.body,
  });
  const msg = SipRequest.parse(text);
  return "error" in msg ? msg : { msg, stream: a.injected ? "inject" : s.name };
}
