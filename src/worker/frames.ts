/**
 * Batches engine events into frames for the page: at most one frame per display frame, the
 * newest log lines (as many as the page keeps), the newest timer events and a thousand other
 * events at most, with exact counts alongside, so that the page stays smooth at any speed. At
 * high speed the page draws depths and counts, not every item.
 *
 * The figures about requests (received, dropped, replies, the receive queue, SIP workers' busy
 * time, req/s, routes run) come from the engine's own count (Simulation.figures): the worker
 * does not ask for an event per request only to count it.
 */
import type { SimEvent, ViewFigures } from "../engine/index.js";
import type { Counters } from "../protocol/messages.js";
import { type DepthPoint, DepthSampler } from "./depth-sampler.js";

/** The most mq and pike events one frame carries; the rest is counted in `dropped`. */
const MAX_FRAME_EVENTS = 1000;
/**
 * The most log lines one frame carries: the newest, as many as the page's log keeps (its ring
 * holds 20,000), so the Log loses nothing it could have shown, even after a slow page's pause.
 */
export const MAX_FRAME_LOGS = 20_000;
/**
 * The most timer events one frame carries: the newest (the Timers view draws the recent ones).
 * An rtimer firing every microsecond makes a million a virtual second; the count of firings
 * (`timerFirings`) stays exact.
 */
export const MAX_FRAME_TIMER_EVENTS = 2000;

export class FrameBuilder {
  private logs: SimEvent[] = [];
  private others: SimEvent[] = [];
  private dropped = 0;
  readonly counters: Counters = { received: 0, dropped: 0, refused: 0, queued: 0, alerts: 0, replies: 0, rate: 0 };
  readonly queues: Record<string, number> = {};
  private readonly depths = new DepthSampler();
  private queueDrops: Record<string, number> = {};
  /** Processes busy now: timer processes from timer events, SIP workers from the engine's figures. */
  readonly busy = new Set<number>();
  /** Timer processes busy now, and since when (or the last frame, if later). */
  private busySince = new Map<number, number>();
  private busyUs: Record<number, number> = {};
  /** Each SIP worker's busy µs (since t = 0) at the last frame. */
  private workerUs = new Map<number, number>();
  /** Timer events, the newest kept (see MAX_FRAME_TIMER_EVENTS). */
  private timers: SimEvent[] = [];
  /** Firings of each timer since t = 0, counted from every timer event. */
  readonly timerFirings: Record<string, number> = {};
  rxQueued = 0;

  /** Takes one event from the engine. */
  add(e: SimEvent): void {
    switch (e.kind) {
      case "log":
        if (e.level === "ALERT") this.counters.alerts++;
        this.logs.push(e);
        // Amortised: trim the oldest only when twice the cap is reached.
        if (this.logs.length >= 2 * MAX_FRAME_LOGS) this.logs = this.trim(this.logs, MAX_FRAME_LOGS);
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
        if (e.phase === "fired") this.timerFirings[e.timer] = (this.timerFirings[e.timer] ?? 0) + 1;
        this.timers.push(e);
        if (this.timers.length >= 2 * MAX_FRAME_TIMER_EVENTS)
          this.timers = this.trim(this.timers, MAX_FRAME_TIMER_EVENTS);
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

  /** The newest `cap` of `list`; the others are counted as left out. */
  private trim(list: SimEvent[], cap: number): SimEvent[] {
    const over = list.length - cap;
    if (over <= 0) return list;
    this.dropped += over;
    return list.slice(over);
  }

  private keep(list: SimEvent[], e: SimEvent, cap: number): void {
    if (list.length < cap) list.push(e);
    else this.dropped++;
  }

  /** The engine's figures about requests now (SIP workers' busy time, counters, routes run). */
  private takeFigures(f: ViewFigures): string[] {
    this.counters.received = f.received;
    this.counters.dropped = f.dropped;
    this.counters.replies = f.replies;
    this.counters.rate = f.lastSecond;
    this.rxQueued = f.rxQueued;
    for (const w of f.workers) {
      const us = w.us - (this.workerUs.get(w.proc) ?? 0);
      if (us > 0) this.addBusy(w.proc, us);
      this.workerUs.set(w.proc, w.us);
      if (w.busy) this.busy.add(w.proc);
      else this.busy.delete(w.proc);
    }
    return f.routesEntered;
  }

  /** The events gathered since the last call, in time order, and per-frame totals. */
  take(
    now: number,
    figures?: ViewFigures,
  ): {
    events: SimEvent[];
    dropped: number;
    queueDrops: Record<string, number>;
    queuePoints: Record<string, DepthPoint[]>;
    routesRan: string[];
    busyUs: Record<number, number>;
  } {
    this.logs = this.trim(this.logs, MAX_FRAME_LOGS);
    this.timers = this.trim(this.timers, MAX_FRAME_TIMER_EVENTS);
    const rest = this.others.concat(this.timers);
    const events = rest.length === 0 ? this.logs : this.logs.concat(rest).sort((a, b) => a.t - b.t);
    const dropped = this.dropped;
    // Timer processes still busy count up to now, and from now on for the next frame.
    for (const [proc, since] of this.busySince) {
      this.addBusy(proc, Math.max(0, now - since));
      this.busySince.set(proc, now);
    }
    const routesRan = figures ? this.takeFigures(figures) : [];
    const queueDrops = this.queueDrops;
    const busyUs = this.busyUs;
    this.logs = [];
    this.others = [];
    this.timers = [];
    this.dropped = 0;
    this.queueDrops = {};
    this.busyUs = {};
    this.counters.queued = Object.values(this.queues).reduce((a, b) => a + b, 0);
    return { events, dropped, queueDrops, queuePoints: this.depths.take(now), routesRan, busyUs };
  }
}
