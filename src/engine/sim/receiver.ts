/**
 * The listening UDP socket and its SIP workers. An arriving request goes to the lowest-numbered
 * idle worker; when all are busy it waits in the socket's receive queue (bounded: overflow drops
 * it, counted); a worker that finishes takes the oldest waiting request. A worker is busy for
 * the request's base cost plus what its blocking calls cost.
 */

import type { Micros } from "../base/time.js";
import type { Process } from "../runtime/process.js";
import type { Kernel } from "./kernel.js";

/**
 * Runs the request route for an arrival in a worker from time t. Returns the run's cost, or
 * undefined when the route blocked (sleep, HTTP...): then `Receiver.finish` is called later.
 */
export type HandleRequest<A extends Datagram> = (worker: Process, a: A, id: number, t: Micros) => Micros | undefined;

/**
 * What the socket needs to know of an arriving request: when, and from where. The traffic
 * layer's arrivals carry more; the receiver passes them through untouched.
 */
export interface Datagram {
  t: Micros;
  src: string;
  sport: number;
}

export interface ReceiverStats {
  received: number;
  dropped: number;
  /** Deepest the receive queue has been. */
  maxQueued: number;
}

export class Receiver<A extends Datagram> {
  private readonly waiting: { a: A; id: number }[] = [];
  private head = 0;
  private drainAt: Micros | undefined;
  private nextId = 1;
  readonly stats: ReceiverStats = { received: 0, dropped: 0, maxQueued: 0 };
  /**
   * Each worker's busy time, as its `proc` busy and idle events would add it up: the runs before
   * its latest one (µs), and the latest run's start and end (infinite while a blocked run has
   * not ended; the end may lie ahead of the clock). By position in `workers`.
   */
  private readonly busyBefore: Micros[];
  private readonly runStart: Micros[];
  private readonly runEnd: Micros[];
  private readonly position = new Map<Process, number>();

  constructor(
    private readonly kernel: Kernel,
    private readonly workers: readonly Process[],
    private readonly limit: number,
    private readonly handle: HandleRequest<A>,
    private readonly describe: (a: A) => { method: string; stream: string },
  ) {
    this.busyBefore = workers.map(() => 0);
    this.runStart = workers.map(() => 0);
    this.runEnd = workers.map(() => 0);
    for (const [i, w] of workers.entries()) this.position.set(w, i);
  }

  /**
   * Each worker's busy µs up to `now` and whether it is busy at `now`: what its `proc` events
   * delivered so far say (busy from a run's start until its end, idle at the end itself).
   */
  busyTimes(now: Micros): { proc: number; us: Micros; busy: boolean }[] {
    return this.workers.map((w, i) => {
      const start = this.runStart[i] as Micros;
      const end = this.runEnd[i] as Micros;
      return {
        proc: w.index,
        us: (this.busyBefore[i] as Micros) + Math.max(0, Math.min(now, end) - start),
        busy: start <= now && now < end,
      };
    });
  }

  get queued(): number {
    return this.waiting.length - this.head;
  }

  /** A datagram arrives at the socket. */
  arrive(a: A): void {
    const id = this.nextId++;
    const k = this.kernel;
    this.stats.received++;
    k.figures?.arrived(a.t);
    if (k.wants.request) this.emitRequest("arrived", a, id, undefined);
    const w = this.idleWorker(a.t);
    if (w && this.queued === 0) {
      this.start(w, a, id, a.t);
      return;
    }
    if (this.queued >= this.limit) {
      this.stats.dropped++;
      if (k.wants.request) this.emitRequest("dropped", a, id, undefined);
      return;
    }
    this.waiting.push({ a, id });
    this.stats.maxQueued = Math.max(this.stats.maxQueued, this.queued);
    this.scheduleDrain();
  }

  private idleWorker(t: Micros): Process | undefined {
    for (const w of this.workers) if (w.busyUntil <= t) return w;
    return undefined;
  }

  private start(w: Process, a: A, id: number, t: Micros): void {
    const k = this.kernel;
    if (k.wants.proc) k.emit({ kind: "proc", t, proc: w.index, state: "busy" });
    if (k.wants.request) this.emitRequest("started", a, id, w.index, t);
    // Busy until the run says when it ends (a blocked run ends later).
    w.busyUntil = Number.POSITIVE_INFINITY;
    const i = this.position.get(w) as number;
    this.busyBefore[i] = (this.busyBefore[i] as Micros) + (this.runEnd[i] as Micros) - (this.runStart[i] as Micros);
    this.runStart[i] = t;
    this.runEnd[i] = Number.POSITIVE_INFINITY;
    const cost = this.handle(w, a, id, t);
    if (cost !== undefined) this.finish(w, a, id, t, cost);
  }

  /** A worker's run is over: it is free from `t + cost` on. */
  finish(w: Process, a: A, id: number, t: Micros, cost: Micros): void {
    const k = this.kernel;
    w.busyUntil = t + cost;
    this.runEnd[this.position.get(w) as number] = t + cost;
    if (k.wants.request) this.emitRequest("done", a, id, w.index, t + cost);
    if (k.wants.proc) k.emit({ kind: "proc", t: t + cost, proc: w.index, state: "idle" });
    if (this.queued > 0) this.scheduleDrain();
  }

  /** Hands waiting requests to workers as they become free. */
  private scheduleDrain(): void {
    if (this.queued === 0) return;
    let earliest = Number.POSITIVE_INFINITY;
    for (const w of this.workers) earliest = Math.min(earliest, w.busyUntil);
    // Every worker is in a blocked run: the first to finish schedules the drain.
    if (earliest === Number.POSITIVE_INFINITY) return;
    if (this.drainAt !== undefined && this.drainAt <= earliest) return;
    this.drainAt = earliest;
    this.kernel.schedule(earliest, () => {
      this.drainAt = undefined;
      const t = this.kernel.now;
      for (let w = this.idleWorker(t); w && this.queued > 0; w = this.idleWorker(t)) {
        const next = this.waiting[this.head++] as { a: A; id: number };
        this.start(w, next.a, next.id, t);
      }
      if (this.head > 1024 && this.head * 2 > this.waiting.length) {
        this.waiting.splice(0, this.head);
        this.head = 0;
      }
      this.scheduleDrain();
    });
  }

  private emitRequest(
    phase: "arrived" | "started" | "done" | "dropped",
    a: A,
    id: number,
    proc: number | undefined,
    t = a.t,
  ): void {
    const d = this.describe(a);
    this.kernel.emit({
      kind: "request",
      t,
      phase,
      req: id,
      src: a.src,
      sport: a.sport,
      method: d.method,
      stream: d.stream,
      proc,
      queued: this.queued,
    });
  }
}
