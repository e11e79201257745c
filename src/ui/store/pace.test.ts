import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createPacer } from "./pace.js";
import { shownState } from "./shown.js";
import { useStore } from "./store.js";

/** A clock whose time the test moves. */
function fakeClock() {
  let now = 0;
  const timers = new Map<number, { at: number; run: () => void }>();
  let next = 0;
  return {
    now: () => now,
    setTimer: (run: () => void, ms: number) => {
      timers.set(++next, { at: now + ms, run });
      return next;
    },
    clearTimer: (id: unknown) => timers.delete(id as number),
    advance(ms: number) {
      now += ms;
      for (const [id, t] of [...timers].sort((a, b) => a[1].at - b[1].at))
        if (t.at <= now) {
          timers.delete(id);
          t.run();
        }
    },
    pending: () => timers.size,
  };
}

describe("createPacer", () => {
  it("shows running frames at most once per interval, the newest at the interval's end", () => {
    const clock = fakeClock();
    let value = 0;
    const shows: number[] = [];
    const p = createPacer(100, () => shows.push(value), clock);
    value = 1;
    p.changed(false); // the first after a quiet spell: at once
    for (let i = 2; i <= 6; i++) {
      clock.advance(16);
      value = i;
      p.changed(false);
    }
    expect(shows).toEqual([1]);
    clock.advance(20); // 100 ms after the first show
    expect(shows).toEqual([1, 6]);
    expect(clock.pending()).toBe(0);
  });

  it("shows an urgent change at once and drops the pending show (it is newer)", () => {
    const clock = fakeClock();
    let value = 0;
    const shows: number[] = [];
    const p = createPacer(100, () => shows.push(value), clock);
    p.changed(false);
    value = 1;
    clock.advance(10);
    p.changed(false);
    value = 2;
    p.changed(true);
    expect(shows).toEqual([0, 2]);
    clock.advance(200);
    expect(shows).toEqual([0, 2]);
  });
});

describe("the shown state", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    useStore.setState({ status: "ready", t: 0 });
    vi.useRealTimers();
  });

  it("follows a running run at the eye's pace, and is final at once when it pauses", () => {
    useStore.setState({ status: "running", t: 0 });
    vi.advanceTimersByTime(1000);
    for (let i = 1; i <= 5; i++) {
      useStore.setState({ t: i * 1000 });
      vi.advanceTimersByTime(16);
    }
    // The first frame after a quiet second shows at once; the ones after it wait.
    expect(shownState().t).toBe(1000);
    vi.advanceTimersByTime(100);
    expect(shownState().t).toBe(5000);
    useStore.setState({ t: 6000 });
    useStore.setState({ status: "paused", t: 7000 });
    expect(shownState().t).toBe(7000);
    expect(shownState().status).toBe("paused");
  });
});
