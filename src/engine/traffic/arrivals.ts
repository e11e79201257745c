/**
 * Arrivals: the moments requests reach the simulated Kamailio, merged from every stream, raw
 * message and injection of a plan, lazily (one pending arrival per stream, so a plan of millions
 * of requests costs a few objects at a time).
 *
 * Order is total and deterministic: by time, then streams (by index) before raw messages (by
 * index) before injections (in the order they were made). A stream's times:
 * - uniform: request k (from 0) at `start + floor(k · 10⁶ / rate)` µs, each time computed from k,
 *   so nothing drifts;
 * - poisson: exponential gaps of mean 1/rate s after `start`, kept as a fractional clock in µs and
 *   floored; each stream draws from its own generator, seeded from the root generator and the
 *   stream's name, so adding, removing or reordering other streams leaves its arrivals alone.
 * A stream sends before `stop` only, at most `count` scheduled requests; nothing arrives at or after
 * the plan's duration. Request numbers (`n`, also the CSeq) are given out in the order arrivals
 * are taken, so they rise with time within a stream.
 */

import { MinHeap } from "../base/min-heap.js";
import { createRng, type Rng } from "../base/rng.js";
import { type Micros, US_PER_S } from "../base/time.js";
import { type AddressPool, createAddressPool } from "./address.js";
import { MAX_RATE } from "./limits.js";
import type { PlannedStream, TrafficPlan } from "./types.js";

/** One request reaching the server. Each `next()` returns a fresh object; keep it as long as needed. */
export interface Arrival {
  /** When it arrives. */
  t: Micros;
  /** Index of its stream in the plan, or −1 for a raw message. */
  stream: number;
  /** Index of its raw message in the plan (raw messages only). */
  message?: number;
  /** Its number in its stream, from 1 (also its CSeq); for a raw message, the message's index + 1. */
  n: number;
  /** Source address. */
  src: string;
  /** Source port. */
  sport: number;
  /** Present and true when it came from `inject`. */
  injected?: true;
}

/** A one-off arrival to add while running (the playground's Send one and Flood). */
export interface Injection {
  /** When it arrives; a time before the last arrival taken is moved up to that time. */
  t: Micros;
  /** A request of this stream (index), with its templates; omit or −1 for a raw message. */
  stream?: number;
  /** The raw message (index) to send again, when `stream` is not given. */
  message?: number;
  /**
   * Its number. Default: for a stream, the stream's next number (taken when the arrival is taken,
   * so numbers stay unique and rising); for a raw message, its index + 1.
   */
  n?: number;
  /** Source address, taken as given. Default: the stream's address for `n`, or the message's. */
  src?: string;
  /** Source port. Default: the stream's or the message's. */
  sport?: number;
}

/** The arrival merge of one run. */
export interface Arrivals {
  /** Takes the next arrival, or `undefined` when none is left (until `setRate` or `inject` adds some). */
  next(): Arrival | undefined;
  /** When the next arrival comes, without taking it. */
  peek(): Micros | undefined;
  /**
   * Changes a stream's rate from `now` on (never earlier than the last arrival taken). Arrivals
   * already taken stand. Uniform: the next request comes one new gap after the stream's last
   * one, but not before `now` or `start`, then one every new gap; poisson: a fresh gap from `now`.
   * Rates are clamped to 0…`MAX_RATE`; 0 pauses the stream. `stop` and `count` still apply.
   */
  setRate(stream: number, rate: number, now: Micros): void;
  /** The stream's current rate. */
  rateOf(stream: number): number;
  /** Adds a one-off arrival; false (and nothing added) when it names no stream or message, or comes too late. */
  inject(injection: Injection): boolean;
  /**
   * Adds a stream after the plan's last one, as if the file had listed it there (its seed comes
   * from its name); its arrivals before the last one taken are moved up to that time. Returns its index.
   */
  addStream(stream: PlannedStream): number;
}

const STREAM = 0;
const MESSAGE = 1;
const INJECTED = 2;

interface Entry {
  t: Micros;
  /** STREAM, MESSAGE or INJECTED: the tie-break after time. */
  kind: number;
  /** Stream index, message index or injection sequence number: the tie-break after kind. */
  index: number;
  /** For streams: the stream's version when planned; older entries are stale. */
  version: number;
}

interface StreamState {
  readonly plan: PlannedStream;
  readonly pool: AddressPool;
  readonly rng: Rng;
  readonly cap: number;
  rate: number;
  /** Uniform: time of request k = 0 since the last (re)start. */
  anchor: Micros;
  /** Uniform: requests taken since `anchor`. */
  k: number;
  /** Poisson: the fractional clock, µs. */
  clock: number;
  /** Bumped whenever the pending arrival is re-planned. */
  version: number;
  /** Scheduled requests taken (what `count` caps). */
  taken: number;
  /** Next request number to give out. */
  nextN: number;
  /** Time of the stream's last scheduled arrival taken. */
  last: Micros | undefined;
}

const before = (a: Entry, b: Entry): boolean =>
  a.t !== b.t ? a.t < b.t : a.kind !== b.kind ? a.kind < b.kind : a.index < b.index;

/**
 * Creates the arrivals of a plan. `rng` is the root of the streams' randomness: one 32-bit word
 * is drawn from it here, nothing later. Pass `createRng(plan.seed)` for the plan's own arrivals.
 */
export function createArrivals(plan: TrafficPlan, rng: Rng): Arrivals {
  const root = rng.int(2 ** 32);
  const heap = new MinHeap<Entry>(before);
  const streams = plan.streams.map((s) => createStreamState(s, root));
  const order = plan.messages
    .map((_, i) => i)
    .filter((i) => (plan.messages[i]?.at ?? plan.duration) < plan.duration)
    .sort((a, b) => (plan.messages[a]?.at ?? 0) - (plan.messages[b]?.at ?? 0) || a - b);
  let nextMessage = 0;
  const injections = new Map<number, Injection>();
  let injected = 0;
  let now: Micros = 0;

  const schedule = (i: number): void => {
    const s = streams[i] as StreamState;
    s.version++;
    const t = nextTime(s);
    if (t !== undefined) heap.push({ t, kind: STREAM, index: i, version: s.version });
  };
  const queueMessage = (): void => {
    const i = order[nextMessage++];
    if (i !== undefined) heap.push({ t: (plan.messages[i] as { at: Micros }).at, kind: MESSAGE, index: i, version: 0 });
  };
  const dropStale = (): void => {
    for (let e = heap.peek(); e && e.kind === STREAM && e.version !== streams[e.index]?.version; e = heap.peek())
      heap.pop();
  };

  for (let i = 0; i < streams.length; i++) schedule(i);
  queueMessage();

  return {
    next() {
      dropStale();
      const e = heap.pop();
      if (!e) return undefined;
      now = e.t;
      if (e.kind === STREAM) {
        const s = streams[e.index] as StreamState;
        s.taken++;
        s.k++;
        s.last = e.t;
        const n = s.nextN++;
        schedule(e.index);
        return { t: e.t, stream: e.index, n, src: s.pool.forRequest(n), sport: s.plan.sport };
      }
      if (e.kind === MESSAGE) {
        queueMessage();
        const m = plan.messages[e.index] as { src: string; sport: number };
        return { t: e.t, stream: -1, message: e.index, n: e.index + 1, src: m.src, sport: m.sport };
      }
      const inj = injections.get(e.index) as Injection;
      injections.delete(e.index);
      return injectedArrival(e.t, inj);
    },
    peek() {
      dropStale();
      return heap.peek()?.t;
    },
    setRate(i, rate, at) {
      const s = streams[i];
      const r = Number.isNaN(rate) ? 0 : Math.min(Math.max(rate, 0), MAX_RATE);
      if (!s || r === s.rate) return;
      const from = Math.max(at, now, s.plan.start);
      s.rate = r;
      if (r > 0) {
        const gapEnd = s.last === undefined ? from : s.last + Math.floor(US_PER_S / r);
        s.anchor = Math.max(from, gapEnd);
        s.k = 0;
        s.clock = from;
      }
      schedule(i);
    },
    rateOf(i) {
      return streams[i]?.rate ?? 0;
    },
    inject(inj) {
      const t = Math.max(inj.t, now);
      const isStream = inj.stream !== undefined && inj.stream >= 0;
      if (isStream ? !streams[inj.stream as number] : !plan.messages[inj.message ?? -1]) return false;
      if (!(t < plan.duration)) return false;
      injections.set(injected, { ...inj, stream: isStream ? inj.stream : -1 });
      heap.push({ t, kind: INJECTED, index: injected++, version: 0 });
      return true;
    },
    addStream(stream) {
      const s = createStreamState(stream, root);
      s.anchor = s.clock = Math.max(stream.start, now);
      streams.push(s);
      schedule(streams.length - 1);
      return streams.length - 1;
    },
  };

  function injectedArrival(t: Micros, inj: Injection): Arrival {
    const stream = inj.stream as number;
    if (stream >= 0) {
      const s = streams[stream] as StreamState;
      const n = inj.n ?? s.nextN++;
      return { t, stream, n, src: inj.src ?? s.pool.forRequest(n), sport: inj.sport ?? s.plan.sport, injected: true };
    }
    const i = inj.message as number;
    const m = plan.messages[i] as { src: string; sport: number };
    return {
      t,
      stream: -1,
      message: i,
      n: inj.n ?? i + 1,
      src: inj.src ?? m.src,
      sport: inj.sport ?? m.sport,
      injected: true,
    };
  }
}

function createStreamState(plan: PlannedStream, root: number): StreamState {
  return {
    plan,
    pool: createAddressPool(plan.src),
    rng: createRng(streamSeed(root, plan.name)),
    cap: plan.count ?? Number.POSITIVE_INFINITY,
    rate: plan.rate,
    anchor: plan.start,
    k: 0,
    clock: plan.start,
    version: 0,
    taken: 0,
    nextN: 1,
    last: undefined,
  };
}

/** The time of the stream's next scheduled arrival, or `undefined` when it has no more. */
function nextTime(s: StreamState): Micros | undefined {
  if (s.rate <= 0 || s.taken >= s.cap) return undefined;
  let t: Micros;
  if (s.plan.pattern === "uniform") t = s.anchor + Math.floor((s.k * US_PER_S) / s.rate);
  else {
    s.clock += s.rng.exponential(US_PER_S / s.rate);
    t = Math.floor(s.clock);
  }
  return t < s.plan.stop ? t : undefined;
}

/** A stream's seed: the root word mixed with the FNV-1a hash of its name (murmur3's finaliser). */
function streamSeed(root: number, name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  let x = (root ^ Math.imul(h, 0x9e3779b1)) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}
