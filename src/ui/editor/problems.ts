/**
 * The Problems list's rows, as plain data: every diagnostic of both files (the engine's, in
 * Kamailio's wording for the config), grouped by file — kamailio.cfg (and the files it
 * includes) first, traffic.json last — and within a file errors first, then warnings, then
 * notes, each by position. A row says which tab shows it; a row of an included file has none
 * (the editor holds only the two files), so it cannot be gone to.
 */
import type { EditorTab } from "./problem-count.js";

/** What the list needs of a diagnostic (the engine's PlacedDiagnostic has these). */
export interface ProblemSource {
  severity: "error" | "warning" | "info";
  message: string;
  file: string;
  line: number;
  col: number;
}

export interface ProblemRow extends ProblemSource {
  /** The tab that shows the place; absent for a file the editor does not hold. */
  tab: EditorTab | undefined;
}

const MAIN: Record<EditorTab, string> = { config: "kamailio.cfg", traffic: "traffic.json" };
const RANK: Record<ProblemSource["severity"], number> = { error: 0, warning: 1, info: 2 };

/** The list's rows for the config's and the traffic file's diagnostics. */
export function problemRows(config: readonly ProblemSource[], traffic: readonly ProblemSource[]): ProblemRow[] {
  const files: string[] = [];
  const rows: ProblemRow[] = [];
  const take = (ds: readonly ProblemSource[], tab: EditorTab) => {
    for (const d of ds) {
      if (!files.includes(d.file)) files.push(d.file);
      rows.push({ ...d, tab: d.file === MAIN[tab] ? tab : undefined });
    }
  };
  take(config, "config");
  take(traffic, "traffic");
  // The main config first, its includes in the order met, the traffic file last.
  const order = (f: string) => (f === MAIN.config ? -1 : f === MAIN.traffic ? files.length : files.indexOf(f));
  return rows.sort(
    (a, b) => order(a.file) - order(b.file) || RANK[a.severity] - RANK[b.severity] || a.line - b.line || a.col - b.col,
  );
}

/** A row's words for a screen reader and the eye: `error, kamailio.cfg 4:5: message`. */
export function problemLabel(r: ProblemSource): string {
  return `${r.severity}, ${r.file} ${r.line}:${r.col}: ${r.message}`;
}
