/**
 * Simulated HTTP services: which `endpoints` entry answers a URL. A pattern matches the whole
 * URL, `*` standing for any run of characters (none included); the first matching entry in file
 * order answers.
 */
import type { Micros } from "../base/time.js";

/** A checked simulated HTTP service. */
export interface PlannedEndpoint {
  /** URL pattern as written; `*` matches any run of characters, including none. */
  pattern: string;
  /** Delay before the answer. */
  latency: Micros;
  /** HTTP status code. */
  status: number;
  /** Answer body. */
  body: string;
}

/** Whether `url` matches `pattern` (`*` = any run of characters, everything else literal). */
export function matchesPattern(pattern: string, url: string): boolean {
  const parts = pattern.split("*");
  const first = parts[0] as string;
  if (parts.length === 1) return url === pattern;
  const last = parts[parts.length - 1] as string;
  if (!url.startsWith(first) || url.length < first.length + last.length || !url.endsWith(last)) return false;
  let pos = first.length;
  const end = url.length - last.length;
  for (let i = 1; i < parts.length - 1; i++) {
    const found = url.indexOf(parts[i] as string, pos);
    if (found < 0 || found + (parts[i] as string).length > end) return false;
    pos = found + (parts[i] as string).length;
  }
  return true;
}

/** The endpoint that answers `url`, or `undefined` when none matches. */
export function findEndpoint(endpoints: readonly PlannedEndpoint[], url: string): PlannedEndpoint | undefined {
  return endpoints.find((e) => matchesPattern(e.pattern, url));
}
