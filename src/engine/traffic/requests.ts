/**
 * Turns traffic arrivals into SIP requests: a stream's templates expanded for request number n
 * (lazily, field by field), or a raw message as given. Call-ID, tags and branch derive from the
 * stream and n, so the same plan always builds the same bytes.
 */
import type { SipMessage } from "../sip/sip-message.js";
import { StreamRequest, type StreamTemplate } from "../sip/stream-request.js";
import type { Arrival } from "./arrivals.js";
import { expandStream, expandTemplate } from "./template.js";
import type { PlannedStream, TrafficPlan } from "./types.js";

/** The request of a stream's arrival, and the stream name it belongs to. */
export interface BuiltRequest {
  msg: SipMessage;
  stream: string;
}

/** A raw message's arrival: the datagram exactly as the traffic file gives it, judged on receipt
 * by the receive path (sip/receive.ts). */
export interface BuiltDatagram {
  datagram: string;
  stream: string;
}

function streamTemplate(s: PlannedStream, index: number, seed: number): StreamTemplate {
  const names = new Set(s.headers.map((h) => h.name.toLowerCase()));
  const callId = (n: number) => `${s.name}-${n}-${seed}@kamsim`;
  const fromTag = (n: number) => `${index}${n.toString(36)}`;
  return {
    method: s.method,
    body: s.body,
    hasHeaders: s.headers.length > 0,
    ruri: (n) => expandTemplate(s.ruri, n),
    from: (n) => expandTemplate(s.from, n),
    to: (n) => expandTemplate(s.to, n),
    callId,
    fromTag,
    overrides: (key) => names.has(key),
    replacesFrom: names.has("from") || names.has("f"),
    replacesTo: names.has("to") || names.has("t"),
    spec: (n, srcIp, srcPort) => {
      const x = expandStream(s, n);
      return {
        method: s.method,
        ruri: x.ruri,
        from: x.from,
        to: x.to,
        srcIp,
        srcPort,
        cseq: n,
        callId: callId(n),
        fromTag: fromTag(n),
        branch: `${index}x${n.toString(36)}`,
        headers: x.headers.map((h) => [h.name, h.value] as const),
        body: s.body,
      };
    },
  };
}

/** Builds the requests of one plan. */
export class RequestFactory {
  private readonly templates: StreamTemplate[];

  constructor(private readonly plan: TrafficPlan) {
    this.templates = plan.streams.map((s, i) => streamTemplate(s, i + 1, plan.seed));
  }

  /** The templates of a stream added at index `plan.streams.length - 1` (the caller added it). */
  addStream(s: PlannedStream): void {
    this.templates.push(streamTemplate(s, this.templates.length + 1, this.plan.seed));
  }

  requestFor(a: Arrival): BuiltRequest | BuiltDatagram | { error: string } {
    if (a.stream < 0) {
      const m = this.plan.messages[a.message ?? -1];
      if (!m) return { error: "no such message" };
      return { datagram: m.raw, stream: a.injected ? "inject" : "message" };
    }
    const t = this.templates[a.stream];
    const s = this.plan.streams[a.stream];
    if (!t || !s) return { error: "no such stream" };
    return { msg: new StreamRequest(t, a.n, a.src, a.sport), stream: a.injected ? "inject" : s.name };
  }

  /** The bytes sent for an arrival, and its method label (a raw message's first word). */
  textFor(a: Arrival): { text: string; method: string } | { error: string } {
    const built = this.requestFor(a);
    if ("error" in built) return built;
    if ("datagram" in built)
      return { text: built.datagram, method: this.plan.messages[a.message ?? -1]?.method ?? "?" };
    return { text: built.msg.raw, method: built.msg.method };
  }
}
