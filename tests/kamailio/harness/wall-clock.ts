/**
 * Virtual time on the wall clock, for the user agents that play a traffic file against the real
 * Kamailio: t = 0 is the harness's t0 (performance.now() ms, see kamailio-process.ts), and a
 * callback scheduled at virtual time t (µs) runs at t0 + t/1000 ms — a timer for the bulk, a
 * short spin for the last 2 ms, as sender.ts sends its requests.
 *
 * `now()` is the virtual time of the callback being run (its planned time, so an agent's timers
 * chained from it do not drift with the harness's lateness), and outside a callback the wall
 * clock (a datagram's arrival). Callbacks due at the same time run in the order they were
 * scheduled, as the simulation's kernel runs them.
 */
import { performance } from "node:perf_hooks";
import type { Micros } from "../../../src/engine/base/time.js";

interface Job {
  t: Micros;
  seq: number;
  fn: () => void;
}

const before = (a: Job, b: Job) => a.t < b.t || (a.t === b.t && a.seq < b.seq);

/** A binary min-heap of jobs by (t, seq). */
class JobHeap {
  private readonly items: Job[] = [];
  get size(): number {
    return this.items.length;
  }
  peek(): Job | undefined {
    return this.items[0];
  }
  push(j: Job): void {
    const a = this.items;
    a.push(j);
    for (let i = a.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (!before(a[i] as Job, a[p] as Job)) break;
      [a[i], a[p]] = [a[p] as Job, a[i] as Job];
      i = p;
    }
  }
  pop(): Job | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last) {
      a[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && before(a[l] as Job, a[m] as Job)) m = l;
        if (r < a.length && before(a[r] as Job, a[m] as Job)) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m] as Job, a[i] as Job];
        i = m;
      }
    }
    return top;
  }
}

/** Spin at most this long (ms) before a due job, after a timer brought us close. */
const SPIN_MS = 2;

export class WallClock {
  private readonly jobs = new JobHeap();
  private seq = 0;
  private running: Micros | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  /** Largest delay of a job after its planned time, ms. */
  maxLateness = 0;

  /** `t0`: performance.now() at virtual time 0. */
  constructor(readonly t0: number) {}

  /** Virtual µs now: the running job's planned time, else the wall clock. */
  now(): Micros {
    return this.running ?? this.wallNow();
  }

  /** The wall clock as virtual µs (never below 0). */
  wallNow(): Micros {
    return Math.max(0, Math.round((performance.now() - this.t0) * 1000));
  }

  /** Runs `fn` now with `now()` reading `t` (a datagram's arrival on kamsim's timeline: udp-agents.ts). */
  runAs(t: Micros, fn: () => void): void {
    const before = this.running;
    this.running = t;
    try {
      fn();
    } finally {
      this.running = before;
    }
  }

  schedule(t: Micros, fn: () => void): void {
    if (this.stopped) return;
    this.jobs.push({ t, seq: this.seq++, fn });
    this.arm();
  }

  /** Runs nothing more. */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private arm(): void {
    if (this.stopped) return;
    const next = this.jobs.peek();
    if (!next) return;
    if (this.timer) clearTimeout(this.timer);
    const ahead = this.t0 + next.t / 1000 - performance.now();
    this.timer = setTimeout(() => this.fire(), Math.max(0, ahead - SPIN_MS));
  }

  private fire(): void {
    this.timer = undefined;
    const next = this.jobs.peek();
    if (this.stopped || !next) return;
    const due = this.t0 + next.t / 1000;
    while (performance.now() < due) {
      // busy-wait the last SPIN_MS at most
    }
    // Every job due by now, in order (a job may schedule another one due at once).
    for (let j = this.jobs.peek(); j && this.t0 + j.t / 1000 <= performance.now(); j = this.jobs.peek()) {
      this.jobs.pop();
      this.maxLateness = Math.max(this.maxLateness, performance.now() - (this.t0 + j.t / 1000));
      this.running = j.t;
      try {
        j.fn();
      } finally {
        this.running = undefined;
      }
      if (this.stopped) return;
    }
    this.arm();
  }
}
