/**
 * The inactive `#!ifdef` lines (ProgramInfo.inactiveLines) in words and fitted to the text: plain
 * functions, no Monaco (the defines box in the page's first chunk uses them).
 */
import type { LineRange } from "../../engine/index.js";

/** `lines 6, 9–12 not read (#!ifdef)`; "" when every line is read. */
export function inactiveSummary(ranges: readonly LineRange[] | undefined): string {
  if (!ranges?.length) return "";
  const parts = ranges.map((r) => (r.from === r.to ? `${r.from}` : `${r.from}–${r.to}`));
  const one = ranges.length === 1 && ranges[0]?.from === ranges[0]?.to;
  return `${one ? "line" : "lines"} ${parts.join(", ")} not read (#!ifdef)`;
}

/** The ranges that still fit a text of `lineCount` lines (the text may have changed since the check). */
export function rangesWithin(ranges: readonly LineRange[], lineCount: number): LineRange[] {
  return ranges.filter((r) => r.from <= lineCount).map((r) => ({ from: r.from, to: Math.min(r.to, lineCount) }));
}
