/** Virtual time as the panels write it: seconds with a unit, shared by every view. */

/** `12.345 s` (µs → seconds, `digits` decimals). */
export function formatSeconds(us: number, digits = 3): string {
  return `${(us / 1_000_000).toFixed(digits)} s`;
}

/** A short duration: `850 µs`, `12 ms`, `2.3 s`. */
export function formatDuration(us: number): string {
  if (us < 1000) return `${Math.round(us)} µs`;
  if (us < 1_000_000) return `${Math.round(us / 1000)} ms`;
  return `${(us / 1_000_000).toFixed(1)} s`;
}
