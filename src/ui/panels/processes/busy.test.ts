import { describe, expect, it } from "vitest";
import { type BusySample, busyGrid, busyShares, busySpanStart } from "./busy.js";

describe("busyGrid", () => {
  it("gives each process the share of the time it was busy, per column", () => {
    const series: BusySample[] = [
      { t: 10, dt: 10, busyUs: { 0: 5 } },
      { t: 40, dt: 30, busyUs: {} },
      { t: 60, dt: 20, busyUs: { 0: 20, 1: 10 } },
    ];
    const g = busyGrid(series, 2, 0, 100, 2);
    // Column 0 holds 40 µs of frames (0 busy 5), column 1 holds 20 µs (0 busy 20, 1 busy 10).
    expect([...g]).toEqual([0.125, 1, 0, 0.5]);
  });

  it("marks columns without frames and caps at fully busy", () => {
    expect([...busyGrid([{ t: 90, dt: 10, busyUs: { 0: 50 } }], 1, 0, 100, 2)]).toEqual([-1, 1]);
  });

  it("stops at frames before the window and ignores unknown processes", () => {
    const g = busyGrid(
      [
        { t: 0, dt: 10, busyUs: { 0: 10 } },
        { t: 50, dt: 10, busyUs: { 5: 10 } },
      ],
      1,
      40,
      60,
      1,
    );
    expect([...g]).toEqual([0]);
  });
});

describe("busyShares", () => {
  it("is the busy share of the time since `from`, per process", () => {
    const series: BusySample[] = [
      { t: 0, dt: 10, busyUs: { 1: 10 } },
      { t: 10, dt: 10, busyUs: { 1: 5 } },
      { t: 20, dt: 10, busyUs: {} },
    ];
    expect(busyShares(series, 2, 10)).toEqual([0, 0.25]);
    expect(busyShares([], 1, 0)).toEqual([0]);
  });

  it("names where its time starts: the earliest counted frame's start, before `from` if it began there", () => {
    const series: BusySample[] = [
      { t: 0, dt: 10, busyUs: { 1: 10 } },
      { t: 10, dt: 10, busyUs: { 1: 5 } },
      { t: 20, dt: 10, busyUs: {} },
    ];
    // The frame ending at 10 is counted whole (busyShares gave 5 of 20 µs above): from 0, not 10.
    expect(busySpanStart(series, 10)).toBe(0);
    expect(busySpanStart(series, 11)).toBe(10);
    expect(busySpanStart(series, 21)).toBeUndefined();
  });
});
