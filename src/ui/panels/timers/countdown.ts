/**
 * When a timer fires next, from its definition and the firings seen so far. rtimer's rules
 * (rtimer/runtime.ts): a mode ≥ 1 timer's process sleeps one interval from the end of its last
 * run; a mode 0 timer runs on the slow timer at every multiple of the interval (an overrun pushes
 * the next firing to one interval after its end).
 */
import type { TimerInfo } from "../../../protocol/messages.js";
import type { TimerFiring } from "../../store/store.js";

export type Countdown =
  /** Its routes are running now. */
  | { state: "running"; since: number }
  /** Sleeping: fires at `at` (virtual µs), `in` µs from now. */
  | { state: "waiting"; at: number; in: number };

/** Next multiple of `interval` strictly after `now`. */
export function nextMultiple(now: number, interval: number): number {
  return (Math.floor(now / interval) + 1) * interval;
}

function waiting(at: number, now: number): Countdown {
  return { state: "waiting", at, in: Math.max(0, at - now) };
}

function periodic(interval: number, last: TimerFiring | undefined, now: number): number {
  if (!last || last.duration === undefined) return nextMultiple(now, interval);
  const end = last.t + last.duration;
  let next = last.t + interval;
  if (next < end) next = end + interval;
  return next > now ? next : nextMultiple(now, interval);
}

function perProcess(timer: TimerInfo, firings: readonly TimerFiring[], now: number): number {
  const lastByProc = new Map<number, TimerFiring>();
  for (const f of firings) lastByProc.set(f.proc, f);
  const candidates: number[] = [];
  for (const f of lastByProc.values()) candidates.push(f.t + (f.duration ?? 0) + timer.intervalUs);
  // A process that has not fired yet first wakes one interval after start.
  if (lastByProc.size < Math.max(1, timer.mode) && timer.intervalUs > now) candidates.push(timer.intervalUs);
  const next = candidates.length ? Math.min(...candidates) : timer.intervalUs;
  // Past already: firings were left out of the frames (a busy frame keeps only so many events),
  // so count whole intervals on from the last one seen.
  return next > now ? next : next + (Math.floor((now - next) / timer.intervalUs) + 1) * timer.intervalUs;
}

/** The timer's state now: running, or when it fires next. */
export function nextFiring(timer: TimerInfo, firings: readonly TimerFiring[], now: number): Countdown {
  if (timer.intervalUs <= 0) return waiting(now, now);
  const last = firings[firings.length - 1];
  if (last && last.duration === undefined) return { state: "running", since: last.t };
  const at = timer.mode === 0 ? periodic(timer.intervalUs, last, now) : perProcess(timer, firings, now);
  return waiting(at, now);
}

/** `every 5 s · mode 1 (own process)`: how the timer is set up, in words. */
export function describeTimer(timer: TimerInfo): string {
  const every = `every ${timer.intervalUs / 1_000_000} s`;
  if (timer.mode === 0) return `${every} · mode 0 (slow timer)`;
  return `${every} · mode ${timer.mode} (${timer.mode === 1 ? "own process" : `${timer.mode} processes`})`;
}
