import { describe, expect, it } from "vitest";
import { laneMarks, lanePos } from "./lane.js";

describe("laneMarks", () => {
  const firings = [
    { t: 0, duration: 10, proc: 8 },
    { t: 50, duration: 25, proc: 8 },
    { t: 90, proc: 8 },
  ];

  it("places firings and their run time in the span", () => {
    expect(laneMarks(firings, 0, 100)).toEqual([
      { t: 0, left: 0, width: 0.1, running: false, proc: 8 },
      { t: 50, left: 0.5, width: 0.25, running: false, proc: 8 },
      { t: 90, left: 0.9, width: 0, running: true, proc: 8 },
    ]);
  });

  it("leaves out firings that ended before the span, and caps the rest", () => {
    expect(laneMarks(firings, 20, 120).map((m) => m.t)).toEqual([50, 90]);
    expect(laneMarks(firings, 0, 100, 1).map((m) => m.t)).toEqual([90]);
  });

  it("clamps positions", () => {
    expect(lanePos(-5, 0, 10)).toBe(0);
    expect(lanePos(15, 0, 10)).toBe(1);
    expect(lanePos(5, 10, 10)).toBe(0);
  });
});
