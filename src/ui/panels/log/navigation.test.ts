import { describe, expect, it } from "vitest";
import { moveCursor, positionOf, scrollToShow } from "./navigation.js";

describe("the Log's keyboard cursor", () => {
  it("moves one line with the arrows, a view with Page keys, to the ends with Home and End", () => {
    expect(moveCursor("ArrowDown", 3, 10, 5, 0)).toBe(4);
    expect(moveCursor("ArrowUp", 3, 10, 5, 0)).toBe(2);
    expect(moveCursor("PageDown", 3, 10, 5, 0)).toBe(7);
    expect(moveCursor("PageUp", 3, 10, 5, 0)).toBe(0);
    expect(moveCursor("Home", 3, 10, 5, 0)).toBe(0);
    expect(moveCursor("End", 3, 10, 5, 0)).toBe(9);
  });

  it("stays inside the lines, starts where the user looks, ignores other keys and an empty log", () => {
    expect(moveCursor("ArrowDown", 9, 10, 5, 0)).toBe(9);
    expect(moveCursor("ArrowUp", 0, 10, 5, 0)).toBe(0);
    expect(moveCursor("ArrowDown", undefined, 10, 5, 6)).toBe(6);
    expect(moveCursor("ArrowDown", undefined, 10, 5, 42)).toBe(9);
    expect(moveCursor("a", 3, 10, 5, 0)).toBeUndefined();
    expect(moveCursor("ArrowDown", undefined, 0, 5, 0)).toBeUndefined();
  });

  it("scrolls just enough to show the cursor's line whole", () => {
    expect(scrollToShow(2, 20, 100, 200)).toBe(40);
    expect(scrollToShow(10, 20, 0, 200)).toBe(20);
    expect(scrollToShow(5, 20, 0, 200)).toBe(0);
  });

  it("finds a line among the filtered ones", () => {
    expect(positionOf(7, [1, 4, 7, 9], 10)).toBe(2);
    expect(positionOf(5, [1, 4, 7, 9], 10)).toBeUndefined();
    expect(positionOf(5, undefined, 10)).toBe(5);
    expect(positionOf(12, undefined, 10)).toBeUndefined();
  });
});
