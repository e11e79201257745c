/**
 * kamsim's engine: the public API. Front ends (the CLI, the playground's worker) use only what
 * is exported here.
 */
export { analyzeConfig, type FrontEndOptions, type FrontEndResult } from "./lang/compile.js";
export {
  type Diagnostic,
  formatDiagnostic,
  InternalError,
  type PlacedDiagnostic,
  placeDiagnostics,
  type Severity,
} from "./lang/diagnostics.js";
export type { SourceFile, Span } from "./lang/source.js";
