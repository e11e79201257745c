/**
 * A timer lane's marks: where each firing falls in the visible span of virtual time, and how
 * wide its run is (a run shorter than a pixel still shows as a tick).
 */
import type { TimerFiring } from "../../store/store.js";

/** Marks drawn at most per lane (a fast timer over 30 s would otherwise draw thousands). */
const LANE_CAP = 300;

export interface LaneMark {
  t: number;
  /** Position of the firing, 0 (left edge) … 1 (right edge). */
  left: number;
  /** Run time as a share of the span (0 while it is still running: see `running`). */
  width: number;
  running: boolean;
  proc: number;
}

/** Where `t` falls between `from` and `to`, clamped to the lane. */
export function lanePos(t: number, from: number, to: number): number {
  if (to <= from) return 0;
  return Math.min(1, Math.max(0, (t - from) / (to - from)));
}

/** The firings visible between `from` and `to` µs (the newest `cap`), as marks. */
export function laneMarks(firings: readonly TimerFiring[], from: number, to: number, cap = LANE_CAP): LaneMark[] {
  const out: LaneMark[] = [];
  for (let i = firings.length - 1; i >= 0 && out.length < cap; i--) {
    const f = firings[i] as TimerFiring;
    const end = f.t + (f.duration ?? 0);
    if (end < from) break;
    if (f.t > to) continue;
    const left = lanePos(f.t, from, to);
    out.push({
      t: f.t,
      left,
      width: f.duration === undefined ? 0 : lanePos(end, from, to) - left,
      running: f.duration === undefined,
      proc: f.proc,
    });
  }
  return out.reverse();
}
