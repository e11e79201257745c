/**
 * Virtual time is an integer count of microseconds since Kamailio's start (t = 0): exact sums,
 * no drift, the same in every JavaScript engine. Seconds appear only at the edges.
 */

/** Microseconds. */
export type Micros = number;

export const US_PER_S = 1_000_000;

export function seconds(s: number): Micros {
  return Math.round(s * US_PER_S);
}

export function toSeconds(t: Micros): number {
  return t / US_PER_S;
}

/** `[SSSS.mmm]`-style text of a time: seconds with 3 decimals, at least 4 integer digits wide. */
export function formatTimestamp(t: Micros): string {
  const ms = Math.floor(t / 1000);
  const s = Math.floor(ms / 1000);
  const frac = String(ms % 1000).padStart(3, "0");
  return `${String(s).padStart(4, " ")}.${frac}`;
}
