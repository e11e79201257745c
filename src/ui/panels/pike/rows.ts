/**
 * What the Pike view shows, from pike's busiest tree nodes: addresses (and, on demand, their /8,
 * /16, /24 prefixes) with their hits in the current window against `reqs_density_per_unit`, and
 * when a blocked address can be released. pike (ip_tree.c, refresh_node) unblocks an address at
 * the end of the first window it closes under the limit: at the end of this window if it stays
 * under, else at the end of the next one at the earliest.
 */
import type { PikeRow } from "../../../protocol/messages.js";

/** pike's `reqs_density_per_unit` default (the protocol does not carry the configured value yet). */
export const PIKE_LIMIT = 30;
/** pike's `sampling_time_unit` default, in µs (windows end at its multiples from start). */
export const PIKE_WINDOW_US = 2_000_000;
/** Rows shown at most. */
const PIKE_MAX_ROWS = 8;

export type PikeTone = "blocked" | "near" | "ok" | "prefix";

/** One bar of the view. */
export interface PikeBar {
  /** The node's prefix as pike prints it (`203.0.113.0/24`), for keys. */
  id: string;
  /** What the row says: the address, or the prefix with its length. */
  label: string;
  /** Hits in the current window: the address's own for an address, the subtree's for a prefix. */
  hits: number;
  blocked: boolean;
  isAddress: boolean;
  tone: PikeTone;
}

/** The address of a `/32` node; other prefixes as they are. */
export function nodeLabel(row: PikeRow): string {
  return row.isAddress ? row.prefix.replace(/\/(32|128)$/, "") : row.prefix;
}

function tone(row: PikeRow, hits: number, limit: number): PikeTone {
  if (!row.isAddress) return "prefix";
  if (row.blocked) return "blocked";
  return hits >= limit * 0.75 ? "near" : "ok";
}

/** The rows to draw: blocked addresses first, then the busiest; prefixes only when asked. */
export function selectPikeRows(
  rows: readonly PikeRow[],
  opts: { prefixes: boolean; limit?: number; max?: number },
): PikeBar[] {
  const limit = opts.limit ?? PIKE_LIMIT;
  const bars = rows
    .filter((r) => r.isAddress || (opts.prefixes && r.depth > 0))
    .map((r) => {
      const hits = r.isAddress ? r.leafHits : r.hits;
      return {
        id: r.prefix,
        label: nodeLabel(r),
        hits,
        blocked: r.blocked,
        isAddress: r.isAddress,
        tone: tone(r, hits, limit),
      };
    })
    .filter((b) => b.hits > 0 || b.blocked);
  bars.sort((a, b) => Number(b.blocked) - Number(a.blocked) || b.hits - a.hits || a.label.localeCompare(b.label));
  return bars.slice(0, opts.max ?? PIKE_MAX_ROWS);
}

/** The end of the window `now` is in (virtual µs). */
export function windowEnd(now: number, windowUs = PIKE_WINDOW_US): number {
  return (Math.floor(now / windowUs) + 1) * windowUs;
}

/** When a blocked address can be released, earliest; `ifUnder`: provided the window stays under the limit. */
export function releaseEstimate(
  now: number,
  hits: number,
  limit = PIKE_LIMIT,
  windowUs = PIKE_WINDOW_US,
): { at: number; ifUnder: "this" | "next" } {
  const end = windowEnd(now, windowUs);
  return hits >= limit ? { at: end + windowUs, ifUnder: "next" } : { at: end, ifUnder: "this" };
}

/** The value at the right end of every bar: the limit with room above it, or the busiest row. */
export function barScale(bars: readonly PikeBar[], limit = PIKE_LIMIT): number {
  return Math.max(limit * 1.5, ...bars.map((b) => b.hits));
}
