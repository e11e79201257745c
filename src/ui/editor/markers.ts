/**
 * Live diagnostics as markers (squiggles, the overview ruler, F8): the worker's diagnostics,
 * computed ~300 ms after typing, placed by marker-specs.ts and handed to Monaco.
 */
import type { PlacedDiagnostic } from "../../engine/index.js";
import { type MarkerLevel, markerSpecs } from "./marker-specs.js";
import type { monaco } from "./monaco.js";

/** Markers kamsim owns (Monaco keeps markers per owner). */
const MARKER_OWNER = "kamsim";

function severity(m: typeof monaco, level: MarkerLevel): monaco.MarkerSeverity {
  if (level === "error") return m.MarkerSeverity.Error;
  if (level === "warning") return m.MarkerSeverity.Warning;
  return m.MarkerSeverity.Info;
}

/**
 * Replaces the model's kamsim markers with those of `diags` for `file`; `unsimulated`: the
 * functions kamsim does not simulate (ProgramInfo), marked at every call.
 */
export function applyMarkers(
  m: typeof monaco,
  model: monaco.editor.ITextModel,
  diags: readonly PlacedDiagnostic[],
  file: string,
  unsimulated: readonly string[],
): void {
  const specs = markerSpecs(diags, file, model.getValue(), unsimulated);
  m.editor.setModelMarkers(
    model,
    MARKER_OWNER,
    specs.map((s) => ({
      startLineNumber: s.startLine,
      startColumn: s.startCol,
      endLineNumber: s.endLine,
      endColumn: s.endCol,
      severity: severity(m, s.level),
      message: s.message,
      code: s.code,
      source: "kamsim",
    })),
  );
}
