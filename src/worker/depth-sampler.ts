/**
 * Queue depths for the charts, sampled in virtual time rather than per frame: each 50 ms of
 * virtual time keeps its highest depth and its last one. At 1× that is every change a person
 * can see; at "as fast as possible", where one frame covers seconds, the saw-tooth of a queue
 * filling and draining is still drawn. And it does not depend on which events a frame carried.
 */
export const DEPTH_RESOLUTION_US = 50_000;
/**
 * The most points kept per queue between two takes: the newest, as many as the page's chart keeps
 * (SERIES_CAP), so a page that takes no frame for a long time (a hidden tab at max) costs bounded
 * memory and loses nothing it would have drawn.
 */
export const MAX_DEPTH_POINTS = 4000;

export interface DepthPoint {
  t: number;
  v: number;
}

interface Bucket {
  index: number;
  peakT: number;
  peak: number;
  lastT: number;
  last: number;
  /**
   * A change came after the peak. Not `lastT !== peakT`: a fetch at the same instant as the
   * peak's add (an rtimer firing draining the queue as a request fills it) has the peak's time,
   * and comparing times dropped the drain, so the chart stayed at the peak until the next change.
   */
  afterPeak: boolean;
}

export class DepthSampler {
  private readonly open = new Map<string, Bucket>();
  private points: Record<string, DepthPoint[]> = {};

  /** A queue's depth changed to `v` at `t`. */
  add(queue: string, t: number, v: number): void {
    const index = Math.floor(t / DEPTH_RESOLUTION_US);
    const b = this.open.get(queue);
    if (b && b.index === index) {
      if (v > b.peak) {
        b.peak = v;
        b.peakT = t;
        b.afterPeak = false;
      } else b.afterPeak = true;
      b.last = v;
      b.lastT = t;
      return;
    }
    if (b) this.close(queue, b);
    this.open.set(queue, { index, peakT: t, peak: v, lastT: t, last: v, afterPeak: false });
  }

  /** The points since the last call; `now` closes the buckets that time has left behind. */
  take(now: number): Record<string, DepthPoint[]> {
    const index = Math.floor(now / DEPTH_RESOLUTION_US);
    for (const [queue, b] of this.open)
      if (b.index < index) {
        this.close(queue, b);
        this.open.delete(queue);
      }
    const out = this.points;
    this.points = {};
    for (const [queue, list] of Object.entries(out))
      if (list.length > MAX_DEPTH_POINTS) out[queue] = list.slice(list.length - MAX_DEPTH_POINTS);
    return out;
  }

  private close(queue: string, b: Bucket): void {
    const list = this.points[queue] ?? [];
    this.points[queue] = list;
    list.push({ t: b.peakT, v: b.peak });
    if (b.afterPeak) list.push({ t: b.lastT, v: b.last });
    // Amortised: drop the oldest only when twice the cap is reached.
    if (list.length >= 2 * MAX_DEPTH_POINTS) list.splice(0, list.length - MAX_DEPTH_POINTS);
  }
}
