/**
 * The clock as the Registrations and Transactions views read it (countdowns, ages). Paused, to
 * their unit (a second, a tenth). While running, in steps of the virtual time a wall second
 * covers at the speed (10 s at 10×, at most a minute): every step redraws every row, as often as
 * the worker sends the tables (worker/host.ts TABLES_MS). At 10× whole seconds redrew the rows
 * ten times a second, and cost the calls bench a third of its frames.
 */

/** Wall ms one step covers while running. */
export const STEP_WALL_MS = 1000;
const MAX_STEP_US = 60_000_000;

/** `t` (virtual µs) floored to the view's step: `unitUs` paused, the speed's wall second running. */
export function tableClock(t: number, running: boolean, speed: number, unitUs: number): number {
  const step = running ? Math.max(unitUs, Math.min(MAX_STEP_US, speed * STEP_WALL_MS * 1000)) : unitUs;
  return Math.floor(t / step) * step;
}
