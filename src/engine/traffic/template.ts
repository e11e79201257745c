/**
 * `{n}` in a stream's From, To, R-URI and header values stands for the request's number in its
 * stream (from 1), which is also its CSeq number (design.md, "Traffic file (JSON)"). Nothing
 * else in a template is special.
 */
import type { PlannedStream, TrafficHeader } from "./types.js";

/** The template with every `{n}` replaced by `n`. */
export function expandTemplate(template: string, n: number): string {
  return template.includes("{n}") ? template.replaceAll("{n}", String(n)) : template;
}

/** A stream's request fields for request number `n`, templates expanded. */
export interface ExpandedRequest {
  /** From URI. */
  from: string;
  /** To URI. */
  to: string;
  /** Request-URI. */
  ruri: string;
  /** Extra headers, in order. */
  headers: TrafficHeader[];
}

/** Expands every template of a stream for request number `n`. */
export function expandStream(stream: PlannedStream, n: number): ExpandedRequest {
  return {
    from: expandTemplate(stream.from, n),
    to: expandTemplate(stream.to, n),
    ruri: expandTemplate(stream.ruri, n),
    headers: stream.headers.map((h) => ({ name: h.name, value: expandTemplate(h.value, n) })),
  };
}
