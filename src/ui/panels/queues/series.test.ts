import { describe, expect, it } from "vitest";
import { compactCount, lastValue, toColumns, xRange, yMax } from "./series.js";

const S = 1_000_000;

describe("series", () => {
  it("spans the first 30 s, then slides", () => {
    expect(xRange(5 * S)).toEqual([0, 30]);
    expect(xRange(42 * S)).toEqual([12, 42]);
  });

  it("keeps the point before the window and one value per time", () => {
    const pts = [
      { t: 0, v: 0 },
      { t: 1 * S, v: 3 },
      { t: 5 * S, v: 4 },
      { t: 5 * S, v: 2 },
      { t: 6 * S, v: 2 },
    ];
    expect(toColumns(pts, 4 * S)).toEqual([
      [1, 5, 6],
      [3, 2, 2],
    ]);
    expect(toColumns(pts, 0)[0]).toEqual([0, 1, 5, 6]);
    expect(toColumns([], 0)).toEqual([[], []]);
  });

  it("writes counts compactly on an axis", () => {
    expect(compactCount(950)).toBe("950");
    expect(compactCount(9999)).toBe("9999");
    expect(compactCount(60_000)).toBe("60k");
    expect(compactCount(1_500_000)).toBe("1.5M");
    expect(compactCount(0.5)).toBe("0.5");
  });

  it("reads the newest value and a y range above the limit", () => {
    expect(lastValue([{ t: 0, v: 7 }])).toBe(7);
    expect(lastValue(undefined)).toBe(0);
    expect(yMax([1, 2])).toBe(4);
    expect(yMax([100], 10)).toBe(115);
    expect(yMax([1], 20)).toBe(23);
  });
});
