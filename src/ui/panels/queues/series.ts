/**
 * Series as the charts draw them: the last `WINDOW_US` of virtual time, in seconds, one point per
 * time (the last value wins: a hundred fetches at the same instant draw one step).
 */
import type { Sample } from "../../store/store.js";

/** Virtual time a chart spans. */
export const WINDOW_US = 30_000_000;

/** The x range (seconds) of a chart whose newest point is at `now` µs. */
export function xRange(now: number, windowUs = WINDOW_US): [number, number] {
  const hi = Math.max(now, windowUs);
  return [(hi - windowUs) / 1e6, hi / 1e6];
}

/** Points from `from` µs on (and the one before, so the line starts at the left edge), as columns. */
export function toColumns(points: readonly Sample[], from: number): [number[], number[]] {
  let start = points.length;
  while (start > 0 && (points[start - 1] as Sample).t >= from) start--;
  if (start > 0) start--;
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = start; i < points.length; i++) {
    const p = points[i] as Sample;
    const x = p.t / 1e6;
    if (xs.length && xs[xs.length - 1] === x) ys[ys.length - 1] = p.v;
    else {
      xs.push(x);
      ys.push(p.v);
    }
  }
  return [xs, ys];
}

/** An axis label for a count: `950`, `12k`, `1.5M`. */
export function compactCount(v: number): string {
  if (Math.abs(v) >= 1e6) return `${+(v / 1e6).toFixed(1)}M`;
  if (Math.abs(v) >= 1e4) return `${+(v / 1e3).toFixed(0)}k`;
  return String(+v.toFixed(2));
}

/** The newest value of a series (0 when empty). */
export function lastValue(points: readonly Sample[] | undefined): number {
  return points?.length ? (points[points.length - 1] as Sample).v : 0;
}

/** The y range: from 0 to a little above the highest of the data and the limit. */
export function yMax(values: readonly number[], limit = 0): number {
  let m = limit;
  for (const v of values) if (v > m) m = v;
  return Math.max(4, Math.ceil(m * 1.15));
}
