/**
 * The scanning helpers of src/core/parser/parser_f.h that both the first line (first-line.ts)
 * and the header scan (header-scan.ts) use.
 */

/** eat_token_end(): up to a space, tab, CR or LF. */
export function tokenEnd(raw: string, p: number, end: number): number {
  while (p < end) {
    const c = raw.charCodeAt(p);
    if (c === 32 || c === 9 || c === 10 || c === 13) break;
    p++;
  }
  return p;
}

/** eat_space_end(): past spaces and tabs. */
export function spaceEnd(raw: string, p: number, end: number): number {
  while (p < end && (raw.charCodeAt(p) === 32 || raw.charCodeAt(p) === 9)) p++;
  return p;
}
