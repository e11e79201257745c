/**
 * Batches engine events into frames for the page: at most one frame per display frame, the
 * newest log lines (as many as the page keeps) and a thousand other events at most, with
 * counters and current depths alongside, so that the page stays smooth at any speed. At high
 * speed the page draws depths, not every item.
 */
import type { SimEvent } from "../engine/index.js";
import type { Counters } from "../protocol/messages.js";
import { type DepthPoint, DepthSampler } from "./depth-sampler.js";

/** The most non-log events one frame carries; the rest is counted in `dropped`. */
const MAX_FRAME_EVENTS = 1000;
/**
 * The most log lines one frame carries: the newest, as many as the page's log keeps (its ring
 * holds 20,000), so the Log loses nothing it could have shown, even after a slow page's pause.
 */
export const MAX_FRAME_LOGS = 20_000;

export class FrameBuilder {
  private logs: SimEvent[] = [];
  private others: SimEvent[] = [];
  private dropped = 0;
  readonly counters: Counters = { received: 0, dropped: 0, refused: 0, queued: 0, alerts: 0, replies: 0, rate: 0 };
  readonly queues: Record<string, number> = {};
  private readonly depths = new DepthSampler();
  private routesRan = new Set<string>();
  private queueDrops: Record<string, number> = {};
  readonly busy = new Set<number>();
  /** When each busy process became busy (or the last frame, if later). */
  private busySince = new Map<number, number>();
  private busyUs: Record<number, number> = {};
  /** Timer firings: few, and the Timers view needs every one, so they are never left out. */
  private timers: SimEvent[] = [];
  rxQueued = 0;
  /**
   * Arrival times (virtual µs) of the last virtual second, oldest first from `recentHead`, for
   * the rate. Counted per arrival, not per frame: at high speed one frame spans seconds, and a
   * frame's whole count used to pass for one second's (300 req/s shown for a 2 req/s stream).
   */
  private recent: number[] = [];
  private recentHead = 0;

  /** Takes one event from the engine. */
  add(e: SimEvent): void {
    switch (e.kind) {
      case "log":
        if (e.level === "ALERT") this.counters.alerts++;
        this.logs.push(e);
        // Amortised: trim the oldest only when twice the cap is reached.
        if (this.logs.length >= 2 * MAX_FRAME_LOGS) this.trimLogs();
        return;
      case "request":
        this.rxQueued = e.queued;
        if (e.phase === "arrived") {
          this.counters.received++;
          this.recent.push(e.t);
        } else if (e.phase === "dropped") this.counters.dropped++;
        return;
      case "reply":
        this.counters.replies++;
        return;
      case "proc":
        this.setBusy(e.proc, e.state === "busy", e.t);
        return;
      case "pike":
        if (e.op === "refused" || e.op === "blocked") this.counters.refused++;
        if (e.op !== "hit" && e.op !== "refused") this.keep(this.others, e, MAX_FRAME_EVENTS);
        return;
      case "mq":
        this.queues[e.queue] = e.size;
        this.depths.add(e.queue, e.t, e.size);
        if (e.op === "drop") this.queueDrops[e.queue] = (this.queueDrops[e.queue] ?? 0) + 1;
        this.keep(this.others, e, MAX_FRAME_EVENTS);
        return;
      case "timer":
        // An rtimer process (or the slow timer, for mode 0) is busy from its firing to the end
        // of its routes (rtimer.c: the process runs the routes, then sleeps); the engine says so
        // with these events, not with `proc` ones, which only SIP workers send.
        this.setBusy(e.proc, e.phase === "fired", e.t);
        this.timers.push(e);
        return;
      case "route":
        if (e.phase === "enter") this.routesRan.add(e.route);
        return;
    }
  }

  private setBusy(proc: number, busy: boolean, t: number): void {
    if (busy) {
      this.busy.add(proc);
      this.busySince.set(proc, t);
    } else {
      this.busy.delete(proc);
      this.addBusy(proc, t - (this.busySince.get(proc) ?? t));
      this.busySince.delete(proc);
    }
  }

  private addBusy(proc: number, us: number): void {
    this.busyUs[proc] = (this.busyUs[proc] ?? 0) + us;
  }

  private trimLogs(): void {
    const over = this.logs.length - MAX_FRAME_LOGS;
    if (over <= 0) return;
    this.logs = this.logs.slice(over);
    this.dropped += over;
  }

  private keep(list: SimEvent[], e: SimEvent, cap: number): void {
    if (list.length < cap) list.push(e);
    else this.dropped++;
  }

  /** Arrivals after `from` (µs); older ones are forgotten. Arrivals come in time order. */
  private arrivalsSince(from: number): number {
    while (this.recentHead < this.recent.length && (this.recent[this.recentHead] as number) <= from) this.recentHead++;
    // Amortised: drop the forgotten head once it is half the list.
    if (this.recentHead > 1024 && this.recentHead * 2 > this.recent.length) {
      this.recent = this.recent.slice(this.recentHead);
      this.recentHead = 0;
    }
    return this.recent.length - this.recentHead;
  }

  /** The events gathered since the last call, in time order, and per-frame totals. */
  take(now: number): {
    events: SimEvent[];
    dropped: number;
    queueDrops: Record<string, number>;
    queuePoints: Record<string, DepthPoint[]>;
    routesRan: string[];
    busyUs: Record<number, number>;
  } {
    this.trimLogs();
    const rest = this.others.concat(this.timers);
    const events = rest.length === 0 ? this.logs : this.logs.concat(rest).sort((a, b) => a.t - b.t);
    const dropped = this.dropped;
    // Processes still busy count up to now, and from now on for the next frame.
    for (const [proc, since] of this.busySince) {
      this.addBusy(proc, Math.max(0, now - since));
      this.busySince.set(proc, now);
    }
    const queueDrops = this.queueDrops;
    const busyUs = this.busyUs;
    this.logs = [];
    this.others = [];
    this.timers = [];
    this.dropped = 0;
    this.queueDrops = {};
    this.busyUs = {};
    this.counters.rate = this.arrivalsSince(now - 1_000_000);
    this.counters.queued = Object.values(this.queues).reduce((a, b) => a + b, 0);
    const routesRan = [...this.routesRan];
    this.routesRan.clear();
    return { events, dropped, queueDrops, queuePoints: this.depths.take(now), routesRan, busyUs };
  }
}
