/**
 * Batches engine events into frames for the page: at most one frame per display frame, a few
 * thousand events at most (log lines first), with counters and current depths alongside, so
 * that the page stays smooth at any speed. At high speed the page draws depths, not every item.
 */
import type { SimEvent } from "../engine/index.js";
import type { Counters } from "../protocol/messages.js";

/** The most events one frame carries; the rest is counted in `dropped`. */
export const MAX_FRAME_EVENTS = 3000;
const MAX_FRAME_LOGS = 2000;

export class FrameBuilder {
  private logs: SimEvent[] = [];
  private others: SimEvent[] = [];
  private dropped = 0;
  readonly counters: Counters = { received: 0, dropped: 0, refused: 0, queued: 0, alerts: 0, replies: 0, rate: 0 };
  readonly queues: Record<string, number> = {};
  readonly busy = new Set<number>();
  rxQueued = 0;
  /** Arrivals per frame over the last virtual second, for the rate: [time, count]. */
  private recent: [number, number][] = [];
  private arrived = 0;

  /** Takes one event from the engine. */
  add(e: SimEvent): void {
    switch (e.kind) {
      case "log":
        if (e.level === "ALERT") this.counters.alerts++;
        this.keep(this.logs, e, MAX_FRAME_LOGS);
        return;
      case "request":
        this.rxQueued = e.queued;
        if (e.phase === "arrived") {
          this.counters.received++;
          this.arrived++;
        } else if (e.phase === "dropped") this.counters.dropped++;
        return;
      case "reply":
        this.counters.replies++;
        return;
      case "proc":
        if (e.state === "busy") this.busy.add(e.proc);
        else this.busy.delete(e.proc);
        return;
      case "pike":
        if (e.op === "refused" || e.op === "blocked") this.counters.refused++;
        if (e.op !== "hit" && e.op !== "refused") this.keep(this.others, e, MAX_FRAME_EVENTS - MAX_FRAME_LOGS);
        return;
      case "mq":
        this.queues[e.queue] = e.size;
        this.keep(this.others, e, MAX_FRAME_EVENTS - MAX_FRAME_LOGS);
        return;
      case "timer":
        this.keep(this.others, e, MAX_FRAME_EVENTS - MAX_FRAME_LOGS);
        return;
      case "route":
        return;
    }
  }

  private keep(list: SimEvent[], e: SimEvent, cap: number): void {
    if (list.length < cap) list.push(e);
    else this.dropped++;
  }

  /** The events gathered since the last call, in time order, and how many were left out. */
  take(now: number): { events: SimEvent[]; dropped: number } {
    const events = this.others.length === 0 ? this.logs : [...this.logs, ...this.others].sort((a, b) => a.t - b.t);
    const dropped = this.dropped;
    this.logs = [];
    this.others = [];
    this.dropped = 0;
    this.recent.push([now, this.arrived]);
    this.arrived = 0;
    while (this.recent.length > 0 && (this.recent[0] as [number, number])[0] <= now - 1_000_000) this.recent.shift();
    this.counters.rate = this.recent.reduce((n, [, c]) => n + c, 0);
    this.counters.queued = Object.values(this.queues).reduce((a, b) => a + b, 0);
    return { events, dropped };
  }
}
