/**
 * The Processes view's numbers: how busy each process was over time, from the busy time each
 * frame carries (µs per process), gathered into time columns for a compact heatmap.
 */

/** One frame's sample: its end time, its length, and µs each process was busy in it. */
export interface BusySample {
  t: number;
  dt: number;
  busyUs: Record<number, number>;
}

/** Columns of the heatmap. */
export const BUSY_COLUMNS = 60;

/**
 * For each process (row) and time column between `from` and `to` µs: the share of that time it
 * was busy (0..1), or -1 where no frame fell. Row-major: `grid[row * columns + col]`.
 */
export function busyGrid(
  series: readonly BusySample[],
  rows: number,
  from: number,
  to: number,
  columns = BUSY_COLUMNS,
): Float32Array {
  const busy = new Float32Array(rows * columns);
  const time = new Float64Array(columns);
  const span = Math.max(1, to - from);
  for (let i = series.length - 1; i >= 0; i--) {
    const s = series[i] as BusySample;
    if (s.t < from) break;
    const col = Math.min(columns - 1, Math.floor(((s.t - from) / span) * columns));
    time[col] = (time[col] as number) + s.dt;
    for (const [p, us] of Object.entries(s.busyUs)) {
      const r = Number(p);
      if (r < rows) busy[r * columns + col] = (busy[r * columns + col] as number) + us;
    }
  }
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < columns; c++) {
      const dt = time[c] as number;
      busy[r * columns + c] = dt > 0 ? Math.min(1, (busy[r * columns + c] as number) / dt) : -1;
    }
  return busy;
}

/**
 * Where busyShares' time starts: the start of the earliest frame it counts (frames ending at or
 * after `from`), or undefined when none does. A frame's busy time is one sum, so a frame that
 * began before `from` is counted whole: at high speed one frame spans seconds, and the shares
 * cover from here to now — not exactly the last 30 s, so the view names this time.
 */
export function busySpanStart(series: readonly BusySample[], from: number): number | undefined {
  let start: number | undefined;
  for (let i = series.length - 1; i >= 0; i--) {
    const s = series[i] as BusySample;
    if (s.t < from) break;
    start = s.t - s.dt;
  }
  return start;
}

/** Share of the time since `from` each process was busy (0 when no time passed). */
export function busyShares(series: readonly BusySample[], rows: number, from: number): number[] {
  const busy = new Array<number>(rows).fill(0);
  let total = 0;
  for (let i = series.length - 1; i >= 0; i--) {
    const s = series[i] as BusySample;
    if (s.t < from) break;
    total += s.dt;
    for (const [p, us] of Object.entries(s.busyUs))
      if (Number(p) < rows) busy[Number(p)] = (busy[Number(p)] as number) + us;
  }
  return busy.map((b) => (total > 0 ? Math.min(1, b / total) : 0));
}
