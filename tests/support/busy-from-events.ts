/**
 * The busy time of each process, worked out from the engine's events alone — the figure the
 * Processes view must show: a SIP worker is busy from its `proc` busy event to its idle one, a
 * timer process from a `timer` fired event to its done one; one still busy at `now` counts up to it.
 */
import type { SimEvent } from "../../src/engine/index.js";

/** Busy µs per process index up to `now` (virtual µs). */
export function busyFromEvents(events: readonly SimEvent[], now: number): Map<number, number> {
  const since = new Map<number, number>();
  const total = new Map<number, number>();
  const add = (p: number, us: number) => total.set(p, (total.get(p) ?? 0) + us);
  for (const e of events) {
    const start = e.kind === "proc" ? e.state === "busy" : e.kind === "timer" ? e.phase === "fired" : undefined;
    if (start === undefined || !("proc" in e) || e.proc === undefined) continue;
    if (start) since.set(e.proc, e.t);
    else {
      add(e.proc, e.t - (since.get(e.proc) ?? e.t));
      since.delete(e.proc);
    }
  }
  for (const [p, s] of since) add(p, Math.max(0, now - s));
  return total;
}
