import { describe, expect, it } from "vitest";
import { tableClock } from "./table-clock.js";

describe("the tables' clock", () => {
  it("paused: to the unit; running: in the speed's wall second, at least the unit, at most a minute", () => {
    expect(tableClock(7_654_321, false, 10, 1e6)).toBe(7e6);
    expect(tableClock(7_654_321, true, 1, 1e6)).toBe(7e6);
    expect(tableClock(17_654_321, true, 10, 1e6)).toBe(10e6);
    expect(tableClock(7_654_321, true, 0.5, 1e5)).toBe(7.5e6);
    expect(tableClock(125e6, true, Number.POSITIVE_INFINITY, 1e6)).toBe(120e6);
  });
});
