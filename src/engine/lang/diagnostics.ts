/**
 * Diagnostics are data: a stable code, a severity, a message in Kamailio's own wording where
 * Kamailio has one (docs/kamailio/config-errors.md#messages), and a span. They never throw; the front end collects them all.
 */
export { InternalError } from "../base/errors.js";

import { lineColAt, type SourceFile, type Span } from "../base/source.js";

export type Severity = "error" | "warning" | "info";

/** One finding about the config. */
export interface Diagnostic {
  /** Stable snake_case code, asserted by tests (`unknown_function`, `missing_semicolon`, ...). */
  code: string;
  severity: Severity;
  /** The message, in Kamailio's wording where it has one. */
  message: string;
  span: Span;
}

/** Collects diagnostics for one compilation. */
export class DiagnosticBag {
  readonly items: Diagnostic[] = [];

  /**
   * Reports an error. A second error at the very same place is dropped: it is the same problem
   * seen by another phase (Kamailio too prints several lines for one error).
   */
  error(code: string, message: string, span: Span): void {
    const same = this.items.some(
      (d) => d.severity === "error" && d.span.file === span.file && d.span.start === span.start,
    );
    if (!same) this.items.push({ code, severity: "error", message, span });
  }

  warning(code: string, message: string, span: Span): void {
    this.items.push({ code, severity: "warning", message, span });
  }

  info(code: string, message: string, span: Span): void {
    this.items.push({ code, severity: "info", message, span });
  }

  get hasErrors(): boolean {
    return this.items.some((d) => d.severity === "error");
  }
}

/** A diagnostic placed in its file, with 1-based line and column, for output. */
export interface PlacedDiagnostic extends Diagnostic {
  file: string;
  line: number;
  col: number;
  endLine: number;
  endCol: number;
}

/** Adds file name, line and column to diagnostics; sorted by file order, then position. */
export function placeDiagnostics(diagnostics: readonly Diagnostic[], files: readonly SourceFile[]): PlacedDiagnostic[] {
  const placed = diagnostics.map((d) => {
    const file = files[d.span.file] ?? { name: "?", text: "" };
    const a = lineColAt(file, d.span.start);
    const b = lineColAt(file, d.span.end);
    return { ...d, file: file.name, line: a.line, col: a.col, endLine: b.line, endCol: b.col };
  });
  return placed.sort((x, y) => x.span.file - y.span.file || x.span.start - y.span.start);
}

/** `FILE:LINE:COL: error: message`, the CLI's and the test harness's one-line form. */
export function formatDiagnostic(d: PlacedDiagnostic): string {
  return `${d.file}:${d.line}:${d.col}: ${d.severity}: ${d.message}`;
}
