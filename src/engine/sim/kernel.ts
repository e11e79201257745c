/**
 * The simulation kernel: a virtual clock, the task queue ordered by (time, sequence), and the
 * event output, delivered in time order. A script run executes at one instant, but what it
 * emits after a blocking call is stamped later (start + cost so far); the output buffer holds
 * such events back until the clock reaches them, so every observer sees time-ordered events.
 */

import { MinHeap } from "../base/min-heap.js";
import type { Micros } from "../base/time.js";
import type { EventWants, SimEvent } from "../events.js";
import { Figures } from "../runtime/figures.js";
import type { SimKernel } from "../runtime/services.js";

interface Task {
  t: Micros;
  seq: number;
  run: () => void;
}

interface Pending {
  t: Micros;
  seq: number;
  /** An event to deliver, or a figure to move (`note`). */
  event: SimEvent | (() => void);
}

/** Ranked tasks' sequence numbers sit below every ordinary task's (which start at 0). */
const RANKED = 2 ** 40;

/** Equal times keep insertion order. */
function byTimeThenSeq(x: { t: Micros; seq: number }, y: { t: Micros; seq: number }): boolean {
  return x.t < y.t || (x.t === y.t && x.seq < y.seq);
}

export class Kernel implements SimKernel {
  now: Micros = 0;
  private seq = 0;
  private readonly tasks = new MinHeap<Task>(byTimeThenSeq);
  private readonly pending = new MinHeap<Pending>(byTimeThenSeq);
  /** A source of tasks that lives outside the heap (traffic arrivals), merged by time. */
  private feed: { peek(): Micros | undefined; run(): void } | undefined;

  /** Figures kept instead of events (runtime/figures.ts), when the front end asked for them. */
  readonly figures: Figures | undefined;

  constructor(
    readonly wants: EventWants,
    private readonly deliver: (e: SimEvent) => void,
    figures = false,
  ) {
    this.figures = figures ? new Figures((t, fn) => this.note(t, fn)) : undefined;
  }

  /** Runs `run` at virtual time `t` (never in the past). */
  schedule(t: Micros, run: () => void): void {
    this.tasks.push({ t: Math.max(t, this.now), seq: this.seq++, run });
  }

  /**
   * Runs `run` at `t` before every task `schedule` put at `t` (ranked tasks among themselves by
   * `rank`, 0 ≤ rank < 2⁴⁰). The traffic file's agent actions come this way: one the playground
   * adds while running is then ordered at its moment as the same action read from the saved file
   * at t = 0, so the file replays the run.
   */
  scheduleFirst(t: Micros, rank: number, run: () => void): void {
    this.tasks.push({ t: Math.max(t, this.now), seq: rank - RANKED, run });
  }

  /** Registers the arrival feed, consulted before every step. */
  setFeed(feed: { peek(): Micros | undefined; run(): void }): void {
    this.feed = feed;
  }

  /** Emits an event stamped at `e.t` (≥ now). */
  emit(e: SimEvent): void {
    if (e.t <= this.now && this.pending.size === 0) this.deliver(e);
    else this.pending.push({ t: e.t, seq: this.seq++, event: e });
  }

  /**
   * Runs `fn` where an event stamped at `t` would be delivered: in time order with the events,
   * once the clock reaches `t`. A figure counted this way equals a count of those events.
   */
  note(t: Micros, fn: () => void): void {
    if (t <= this.now && this.pending.size === 0) fn();
    else this.pending.push({ t, seq: this.seq++, event: fn });
  }

  /** Time of the next task, or undefined when nothing is left. */
  nextTime(): Micros | undefined {
    if (this.halted) return undefined;
    const a = this.tasks.peek()?.t;
    const b = this.feed?.peek();
    if (a === undefined) return b;
    if (b === undefined) return a;
    return Math.min(a, b);
  }

  /** Set by halt(): nothing more runs; the clock still moves (see Simulation's work limit). */
  private halted = false;

  /** Runs no task after the one running now. */
  halt(): void {
    this.halted = true;
  }

  /** Runs the next task (the feed wins ties: an arrival at t comes before timers at t). */
  step(): boolean {
    const next = this.nextTime();
    if (next === undefined) return false;
    this.flush(next);
    this.now = next;
    const fromFeed = this.feed?.peek();
    if (fromFeed !== undefined && fromFeed <= (this.tasks.peek()?.t ?? Number.POSITIVE_INFINITY)) {
      this.feed?.run();
    } else {
      (this.tasks.pop() as Task).run();
    }
    return true;
  }

  /** Runs every task up to and including time `end`, then moves the clock to `end`. */
  runUntil(end: Micros): void {
    for (let next = this.nextTime(); next !== undefined && next <= end; next = this.nextTime()) this.step();
    this.flush(end);
    if (end > this.now) this.now = end;
  }

  /** Delivers held-back events stamped at or before `t`. */
  flush(t: Micros): void {
    for (let p = this.pending.peek(); p !== undefined && p.t <= t; p = this.pending.peek()) {
      this.pending.pop();
      if (typeof p.event === "function") p.event();
      else this.deliver(p.event);
    }
  }
}
