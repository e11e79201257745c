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

/**
 * How many errors, and how many warnings and notes, one compilation reports. Past that a config is
 * noise (300,000 stray characters are 300,000 syntax errors), and every later one would only cost
 * time and memory: like a compiler's error limit (clang's -ferror-limit), the bag says "too many
 * errors" once and drops the rest. Kamailio itself stops at its first top-level syntax error.
 */
export const MAX_ERRORS = 100;
export const MAX_NOTES = 200;

/** Collects diagnostics for one compilation. */
export class DiagnosticBag {
  readonly items: Diagnostic[] = [];
  /** `file:start` of every error kept, so that a repeat is found without a scan. */
  private readonly errorAt = new Set<string>();
  private errors = 0;
  private notes = 0;

  /**
   * Reports an error. A second error at the very same place is dropped: it is the same problem
   * seen by another phase (Kamailio too prints several lines for one error).
   */
  error(code: string, message: string, span: Span): void {
    const at = `${span.file}:${span.start}`;
    if (this.errorAt.has(at) || this.errors > MAX_ERRORS) return;
    this.errorAt.add(at);
    this.errors++;
    if (this.errors > MAX_ERRORS) {
      const message = `too many errors (more than ${MAX_ERRORS}); the rest are not reported`;
      this.items.push({ code: "too_many_errors", severity: "error", message, span });
      return;
    }
    this.items.push({ code, severity: "error", message, span });
  }

  /**
   * Reports an error that stops the compilation (a limit of the parser or the preprocessor): it
   * is reported even past MAX_ERRORS, since it says why the rest of the config was not read.
   */
  fatal(code: string, message: string, span: Span): void {
    const at = `${span.file}:${span.start}`;
    if (this.errorAt.has(at)) return;
    this.errorAt.add(at);
    this.errors++;
    this.items.push({ code, severity: "error", message, span });
  }

  warning(code: string, message: string, span: Span): void {
    this.note("warning", code, message, span);
  }

  info(code: string, message: string, span: Span): void {
    this.note("info", code, message, span);
  }

  private note(severity: "warning" | "info", code: string, message: string, span: Span): void {
    if (this.notes > MAX_NOTES) return;
    this.notes++;
    if (this.notes > MAX_NOTES) {
      const message = `too many warnings (more than ${MAX_NOTES}); the rest are not reported`;
      this.items.push({ code: "too_many_warnings", severity: "warning", message, span });
      return;
    }
    this.items.push({ code, severity, message, span });
  }

  get hasErrors(): boolean {
    return this.errors > 0;
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

/**
 * `FILE:LINE:COL: error: message`, the CLI's and the test harness's one-line form. Control
 * characters a config holds (ESC, BEL, a newline in a quoted name...) are written as `\xHH`:
 * `kamsim check` echoed a config's raw terminal escape codes (a title change, colours, a
 * cleared screen) to the user's terminal.
 */
export function formatDiagnostic(d: PlacedDiagnostic): string {
  return visible(`${d.file}:${d.line}:${d.col}: ${d.severity}: ${d.message}`);
}

/** C0 controls but tab, DEL and C1 controls as `\xHH` (C1 as `\u00HH`), everything else as is. */
export function visible(text: string): string {
  let out = "";
  for (const c of text) {
    const code = c.charCodeAt(0);
    if ((code < 0x20 && code !== 0x09) || (code >= 0x7f && code <= 0x9f)) {
      const hex = code.toString(16).padStart(2, "0");
      out += code < 0x80 ? `\\x${hex}` : `\\u00${hex}`;
    } else out += c;
  }
  return out;
}
