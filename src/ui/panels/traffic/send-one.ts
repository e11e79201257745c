/**
 * Send one's composer, SIPp-like: R-URI, From, To, extra headers and a body, read into the fields
 * a traffic stream takes (the run's traffic file keeps the request as such a stream). Empty fields
 * keep a stream's defaults; the traffic validation (the worker's) has the last word on each.
 */
import type { SendOneFields } from "../../../protocol/agents.js";

export interface ComposerInput {
  ruri: string;
  from: string;
  to: string;
  /** One header a line, `Name: value`. */
  headers: string;
  body: string;
}

/** The fields to send, or the first problem in words. */
export function readComposer(c: ComposerInput): { fields: SendOneFields } | { error: string } {
  const fields: SendOneFields = {};
  for (const key of ["ruri", "from", "to"] as const) {
    const v = c[key].trim();
    if (!v) continue;
    if (!/^sips?:\S+$/i.test(v)) return { error: `${labelOf(key)} must be a sip: URI, like sip:bob@example.com` };
    fields[key] = v;
  }
  const headers: Record<string, string> = {};
  const lines = c.headers.split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line) continue;
    const colon = line.indexOf(":");
    const name = colon > 0 ? line.slice(0, colon).trim() : "";
    // The name's rules (a token, not one the stream builds itself) are the traffic validation's.
    if (!name) return { error: `Header line ${i + 1} must read Name: value` };
    if (Object.hasOwn(headers, name)) return { error: `${name} is given twice` };
    headers[name] = line.slice(colon + 1).trim();
  }
  if (Object.keys(headers).length) fields.headers = headers;
  if (c.body) fields.body = c.body;
  return { fields };
}

function labelOf(key: "ruri" | "from" | "to"): string {
  return key === "ruri" ? "The R-URI" : key === "from" ? "From" : "To";
}
