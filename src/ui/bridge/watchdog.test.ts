import { describe, expect, it } from "vitest";
import { type Awaited, Watchdog, type WatchdogClock } from "./watchdog.js";

/** A clock the test moves by hand; `every` runs its callback each time the test ticks. */
function fakeClock() {
  let now = 0;
  let hidden = false;
  const timers = new Set<() => void>();
  const clock: WatchdogClock = {
    now: () => now,
    every: (fn) => {
      timers.add(fn);
      return fn;
    },
    stop: (h) => void timers.delete(h as () => void),
    hidden: () => hidden,
  };
  return {
    clock,
    advance(ms: number) {
      for (let i = 0; i < ms; i += 500) {
        now += 500;
        for (const t of [...timers]) t();
      }
    },
    /** The page itself cannot run for `ms`: its timers come that late. */
    starve(ms: number) {
      now += ms;
    },
    hide(h: boolean) {
      hidden = h;
    },
    timers: () => timers.size,
  };
}

function dog(limit = 8_000, loadLimit = limit) {
  const c = fakeClock();
  const fired: { what: Awaited; ms: number }[] = [];
  const w = new Watchdog(limit, (what, ms) => fired.push({ what, ms }), c.clock, loadLimit);
  return { c, w, fired };
}

describe("Watchdog", () => {
  it("fires when an awaited answer does not come within the limit, naming what was awaited", () => {
    const { c, w, fired } = dog();
    w.expect("frame");
    c.advance(8_000);
    expect(fired).toEqual([]);
    c.advance(500);
    expect(fired).toEqual([{ what: "frame", ms: 8_500 }]);
    // Once fired it is clear: no second call, no timer left.
    c.advance(20_000);
    expect(fired).toHaveLength(1);
    expect(c.timers()).toBe(0);
  });

  it("does not fire while the worker keeps answering, nor when nothing is awaited", () => {
    const { c, w, fired } = dog();
    for (let i = 0; i < 100; i++) {
      w.expect("frame");
      c.advance(500);
      w.heard("frame");
    }
    c.advance(60_000);
    expect(fired).toEqual([]);
    expect(w.waitedMs()).toBe(0);
  });

  it("any message is progress; the wait ends only when every awaited answer came", () => {
    const { c, w, fired } = dog();
    w.expect("loaded");
    w.expect("reply");
    c.advance(6_000);
    w.heard("diagnostics");
    c.advance(6_000);
    w.heard("loaded");
    expect(w.waitedMs()).toBe(0);
    c.advance(7_500);
    expect(fired).toEqual([]);
    c.advance(1_000);
    expect(fired).toEqual([{ what: "reply", ms: 8_500 }]);
  });

  it("a fresh run awaited is named first (the bridge then does not load those texts again)", () => {
    const { c, w, fired } = dog();
    w.expect("frame");
    w.expect("diagnostics");
    w.expect("loaded");
    c.advance(9_000);
    expect(fired[0]?.what).toBe("loaded");
  });

  it("one frame answers every request for one (a pause and an ack may get a single frame)", () => {
    const { c, w, fired } = dog();
    w.expect("frame");
    w.expect("frame");
    w.heard("frame");
    c.advance(30_000);
    expect(fired).toEqual([]);
  });

  it("time out of sight does not count", () => {
    const { c, w, fired } = dog();
    w.expect("frame");
    c.hide(true);
    c.advance(60_000);
    expect(fired).toEqual([]);
    c.hide(false);
    c.advance(8_000);
    expect(fired).toEqual([]);
    c.advance(1_000);
    expect(fired).toHaveLength(1);
  });

  it("gives a fresh run and diagnostics the longer load limit, a frame or a reply the short one", () => {
    const { c, w, fired } = dog(8_000, 30_000);
    w.expect("loaded");
    c.advance(29_500);
    expect(fired).toEqual([]);
    c.advance(1_000);
    expect(fired).toEqual([{ what: "loaded", ms: 30_500 }]);
    w.expect("frame");
    c.advance(8_500);
    expect(fired[1]).toEqual({ what: "frame", ms: 8_500 });
  });

  it("does not count time the page itself could not run (its own look came late)", () => {
    const { c, w, fired } = dog();
    w.expect("frame");
    c.advance(4_000);
    c.starve(20_000);
    c.advance(3_500);
    expect(fired).toEqual([]);
    c.advance(1_000);
    expect(fired).toEqual([{ what: "frame", ms: 8_500 }]);
  });

  it("waitedMs says how long the page has waited since the worker last spoke", () => {
    const { c, w } = dog();
    w.expect("frame");
    c.advance(1_500);
    expect(w.waitedMs()).toBe(1_500);
    w.clear();
    expect(w.waitedMs()).toBe(0);
  });
});
