/**
 * The Log's keyboard cursor: which line a key moves it to, as a position in the lines shown
 * (after filters). Arrows move one line, Page Up/Down a view's worth, Home/End to either end —
 * the keys of a listbox (WAI-ARIA's listbox pattern), which screen readers announce as such.
 */

/** Keys that move the cursor. */
export const CURSOR_KEYS = new Set(["ArrowDown", "ArrowUp", "PageDown", "PageUp", "Home", "End"]);

/**
 * Where `key` moves the cursor from `pos` among `count` lines, `page` lines per view; `start` is
 * where a cursor that is not placed yet begins (the line the user is looking at). Undefined when
 * there is no line, or the key does not move it.
 */
export function moveCursor(
  key: string,
  pos: number | undefined,
  count: number,
  page: number,
  start: number,
): number | undefined {
  if (count === 0 || !CURSOR_KEYS.has(key)) return undefined;
  const clamp = (p: number) => Math.min(count - 1, Math.max(0, p));
  if (key === "Home") return 0;
  if (key === "End") return count - 1;
  if (pos === undefined) return clamp(start);
  const step = Math.max(1, page - 1);
  switch (key) {
    case "ArrowDown":
      return clamp(pos + 1);
    case "ArrowUp":
      return clamp(pos - 1);
    case "PageDown":
      return clamp(pos + step);
    default:
      return clamp(pos - step);
  }
}

/** The scroll offset that shows the line at `pos` whole (rows of `row` px in a view `height` px tall). */
export function scrollToShow(pos: number, row: number, scrollTop: number, height: number): number {
  const top = pos * row;
  if (top < scrollTop) return top;
  if (top + row > scrollTop + height) return top + row - height;
  return scrollTop;
}

/** Position of `at` (an index into the ring) among the shown lines' ascending indexes, if shown. */
export function positionOf(at: number, indexes: readonly number[] | undefined, size: number): number | undefined {
  if (at < 0 || at >= size) return undefined;
  if (!indexes) return at;
  let lo = 0;
  let hi = indexes.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = indexes[mid] as number;
    if (v === at) return mid;
    if (v < at) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}
