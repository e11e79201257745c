import { describe, expect, it } from "vitest";
import { inactiveSummary, rangesWithin } from "./inactive-summary.js";

describe("inactive #!ifdef lines beside the defines box", () => {
  it("are said in words, one line or ranges", () => {
    expect(inactiveSummary([])).toBe("");
    expect(inactiveSummary(undefined)).toBe("");
    expect(inactiveSummary([{ from: 6, to: 6 }])).toBe("line 6 not read (#!ifdef)");
    expect(
      inactiveSummary([
        { from: 6, to: 6 },
        { from: 9, to: 12 },
      ]),
    ).toBe("lines 6, 9–12 not read (#!ifdef)");
  });

  it("are cut to the text as it is now (it may have shrunk since the check)", () => {
    expect(
      rangesWithin(
        [
          { from: 2, to: 4 },
          { from: 8, to: 20 },
          { from: 30, to: 31 },
        ],
        10,
      ),
    ).toEqual([
      { from: 2, to: 4 },
      { from: 8, to: 10 },
    ]);
  });
});
