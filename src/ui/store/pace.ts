/**
 * When the views take the store's newest state. While a run runs, the worker sends a frame per
 * display frame (60 a second) and every figure on screen would change with each: the clock's
 * milliseconds, counters, percentages. Text that changes faster than about ten times a second
 * cannot be read, and laying the page out sixty times a second for it is what made the page
 * stutter under load (issue 9 §3). So while running, the views follow at most once per
 * `intervalMs` — the newest state always shown at the end of the interval (trailing edge), never
 * dropped; anything else (a pause, the end of the run, a new config, a click) is shown at once,
 * so a paused run's figures are final at the moment it says "paused".
 */

export interface PacerClock {
  now(): number;
  setTimer(run: () => void, ms: number): unknown;
  clearTimer(id: unknown): void;
}

export interface Pacer {
  /** The store changed; `urgent` when it is not a running frame (show at once). */
  changed(urgent: boolean): void;
  /** Cancels a pending show. */
  dispose(): void;
}

/** A pacer calling `show` at once for urgent changes, else at most once per `intervalMs`. */
export function createPacer(intervalMs: number, show: () => void, clock: PacerClock): Pacer {
  let last = Number.NEGATIVE_INFINITY;
  let timer: unknown;
  const fire = () => {
    if (timer !== undefined) clock.clearTimer(timer);
    timer = undefined;
    last = clock.now();
    show();
  };
  return {
    changed(urgent) {
      if (urgent) return fire();
      // A show is already planned: it will take the newest state, whatever came since.
      if (timer !== undefined) return;
      const wait = last + intervalMs - clock.now();
      if (wait <= 0) return fire();
      timer = clock.setTimer(fire, wait);
    },
    dispose() {
      if (timer !== undefined) clock.clearTimer(timer);
      timer = undefined;
    },
  };
}
