/**
 * `{n}` in a stream's From, To, R-URI and header values stands for the request's number in its
 * stream (from 1), which is also its CSeq number (README.md, "Traffic files"). Nothing
 * else in a template is special.
 */
import type { PlannedStream, TrafficHeader } from "./types.js";

/** Templates split at `{n}`, cached: expanding is then a join (it runs for every request). */
const split = new Map<string, string[]>();

/** The template with every `{n}` replaced by `n`. */
export function expandTemplate(template: string, n: number): string {
  let parts = split.get(template);
  if (parts === undefined) {
    parts = template.split("{n}");
    if (split.size < 4096) split.set(template, parts);
  }
  if (parts.length === 1) return template;
  if (parts.length === 2) return (parts[0] as string) + n + (parts[1] as string);
  return parts.join(String(n));
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
