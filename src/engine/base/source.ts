/**
 * Source files and spans. Every token and AST node points back into the text it came from
 * with a span; line and column are computed only at the edges (CLI output, editor markers).
 */

/** A stretch of one source file: byte offsets [start, end) into `files[file].text`. */
export interface Span {
  /** Index into the file table of the compilation (0 = the main config). */
  file: number;
  start: number;
  end: number;
}

/** One file taking part in a compilation (the main config or an included one). */
export interface SourceFile {
  /** The name as given (`kamailio.cfg`, or an include path). */
  name: string;
  text: string;
}

/** A 1-based line and column. */
export interface LineCol {
  line: number;
  col: number;
}

const lineStartsCache = new WeakMap<SourceFile, number[]>();

function lineStarts(file: SourceFile): number[] {
  let starts = lineStartsCache.get(file);
  if (!starts) {
    starts = [0];
    const t = file.text;
    for (let i = 0; i < t.length; i++) if (t.charCodeAt(i) === 10) starts.push(i + 1);
    lineStartsCache.set(file, starts);
  }
  return starts;
}

/** Line and column (both 1-based) of an offset in a file. Offsets past the end clamp to it. */
export function lineColAt(file: SourceFile, offset: number): LineCol {
  const starts = lineStarts(file);
  const off = Math.max(0, Math.min(offset, file.text.length));
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= off) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, col: off - (starts[lo] as number) + 1 };
}

/** A span covering two spans of the same file, from the start of `a` to the end of `b`. */
export function joinSpans(a: Span, b: Span): Span {
  if (a.file !== b.file) return a;
  return { file: a.file, start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}
