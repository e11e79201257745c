/**
 * Watches for stalls of the machine while a case runs: a 10 ms timer that comes late by much
 * more than a timer should means this process could not run for that long — and on this 2-core
 * VM, when the host stalls it, Kamailio's processes stall too, whatever their priority (measured:
 * up to 0.3 s during a full `vitest run` with the browser tests). A comparison made across such
 * a stall says nothing about kamsim; the differential test runs such a case again.
 */
import { performance } from "node:perf_hooks";

const PERIOD_MS = 10;

/** Starts watching; `stop()` (any number of times) returns the longest stall seen, in seconds. */
export function watchStalls(): { stop(): number } {
  let last = performance.now();
  let worst = 0;
  let stopped = false;
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last - PERIOD_MS);
    last = now;
  }, PERIOD_MS);
  return {
    stop() {
      if (!stopped) {
        stopped = true;
        clearInterval(timer);
        worst = Math.max(worst, performance.now() - last - PERIOD_MS);
      }
      return Math.max(0, worst) / 1000;
    },
  };
}
