import { describe, expect, it } from "vitest";
import type { SimEvent } from "../engine/index.js";
import { FrameBuilder, MAX_FRAME_LOGS, MAX_FRAME_TIMER_EVENTS } from "./frames.js";

const log = (i: number): SimEvent =>
  ({ kind: "log", t: i, proc: 1, level: "INFO", msg: `line ${i}`, line: `line ${i}` }) as SimEvent;

describe("FrameBuilder", () => {
  it("keeps the newest log lines when a frame would carry more than the page keeps", () => {
    const f = new FrameBuilder();
    const n = 2 * MAX_FRAME_LOGS + 123;
    for (let i = 0; i < n; i++) f.add(log(i));
    const { events, dropped } = f.take(n);
    expect(events).toHaveLength(MAX_FRAME_LOGS);
    expect(dropped).toBe(n - MAX_FRAME_LOGS);
    expect(events[0]?.t).toBe(n - MAX_FRAME_LOGS);
    expect(events.at(-1)?.t).toBe(n - 1);
  });

  it("loses no line below the cap", () => {
    const f = new FrameBuilder();
    for (let i = 0; i < 5000; i++) f.add(log(i));
    const { events, dropped } = f.take(5000);
    expect(events).toHaveLength(5000);
    expect(dropped).toBe(0);
  });

  it("carries the newest timer events only, with the exact count of firings and busy time", () => {
    const f = new FrameBuilder();
    const n = 3 * MAX_FRAME_TIMER_EVENTS + 11;
    for (let i = 0; i < n; i++) {
      f.add({ kind: "timer", t: 2 * i, proc: 8, timer: "t", phase: "fired" });
      f.add({ kind: "timer", t: 2 * i + 1, proc: 8, timer: "t", phase: "done", duration: 1 });
    }
    const { events, dropped, busyUs } = f.take(2 * n);
    expect(events).toHaveLength(MAX_FRAME_TIMER_EVENTS);
    expect(events.at(-1)).toMatchObject({ t: 2 * n - 1, phase: "done" });
    expect(dropped).toBe(2 * n - MAX_FRAME_TIMER_EVENTS);
    expect(f.timerFirings).toEqual({ t: n });
    expect(busyUs).toEqual({ 8: n });
  });
});
