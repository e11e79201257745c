/**
 * The editor's count of problems: the open file's errors and warnings, and the other file's
 * errors too — a broken traffic.json must not read "0 errors" while kamailio.cfg is open, since
 * Apply refuses both files together.
 */
export interface Counted {
  severity: string;
}

export type EditorTab = "config" | "traffic";

const FILE: Record<EditorTab, string> = { config: "kamailio.cfg", traffic: "traffic.json" };

const count = (ds: readonly Counted[], severity: string) => ds.filter((d) => d.severity === severity).length;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Errors of one file (for the tab's badge). */
export function errorCount(ds: readonly Counted[]): number {
  return count(ds, "error");
}

/** "2 errors, 1 warning", then "; traffic.json: 3 errors" when the other file has errors. */
export function problemSummary(tab: EditorTab, config: readonly Counted[], traffic: readonly Counted[]): string {
  const open = tab === "config" ? config : traffic;
  const other: EditorTab = tab === "config" ? "traffic" : "config";
  const otherErrors = count(other === "config" ? config : traffic, "error");
  const here = `${plural(count(open, "error"), "error")}, ${plural(count(open, "warning"), "warning")}`;
  return otherErrors > 0 ? `${here}; ${FILE[other]}: ${plural(otherErrors, "error")}` : here;
}
