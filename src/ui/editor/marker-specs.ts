/**
 * The worker's diagnostics as editor markers, as plain data: one per diagnostic of the file,
 * at its exact range, and an Info marker on every further call of a function kamsim does not
 * simulate (the worker warns once per function, at its first call; which functions those are is
 * the engine's ProgramInfo `unsimulatedCalls`).
 */
import type { PlacedDiagnostic } from "../../engine/index.js";
import { collectNames } from "./names.js";

export type MarkerLevel = "error" | "warning" | "info";

/** One marker, 1-based lines and columns, end exclusive (as Monaco takes them). */
export interface MarkerSpec {
  startLine: number;
  startCol: number;
  endLine: number;
  endCol: number;
  level: MarkerLevel;
  message: string;
  code: string;
}

/** 1-based line and column of an offset. */
export function lineColOf(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, col: offset - lineStart + 1 };
}

function fromDiagnostic(d: PlacedDiagnostic): MarkerSpec {
  return {
    startLine: d.line,
    startCol: d.col,
    endLine: d.endLine,
    endCol: d.endCol,
    level: d.severity,
    message: d.message,
    code: d.code,
  };
}

function callMarkers(text: string, diags: readonly PlacedDiagnostic[], names: readonly string[]): MarkerSpec[] {
  const unsimulated = new Set(names);
  if (unsimulated.size === 0) return [];
  const out: MarkerSpec[] = [];
  for (const call of collectNames(text).calls) {
    if (!unsimulated.has(call.name)) continue;
    const a = lineColOf(text, call.start);
    const warned = diags.some((d) => d.code === "not_simulated" && d.line === a.line && d.col === a.col);
    if (warned) continue;
    out.push({
      startLine: a.line,
      startCol: a.col,
      endLine: a.line,
      endCol: a.col + call.name.length,
      level: "info",
      // The checker's warning at the first call says what the stand-in returns; later calls repeat it.
      message:
        diags.find((d) => d.code === "not_simulated" && d.message.startsWith(`${call.name}()`))?.message ??
        `${call.name}() is not simulated by kamsim: it returns 1 and does nothing`,
      code: "not_simulated",
    });
  }
  return out;
}

/**
 * Markers for the file named `file` (diagnostics of other files are left out), computed over
 * the text the editor holds now; `unsimulated` names the functions kamsim does not simulate.
 */
export function markerSpecs(
  diags: readonly PlacedDiagnostic[],
  file: string,
  text: string,
  unsimulated: readonly string[] = [],
): MarkerSpec[] {
  const mine = diags.filter((d) => d.file === file);
  return [...mine.map(fromDiagnostic), ...callMarkers(text, mine, unsimulated)];
}
