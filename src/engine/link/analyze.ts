/**
 * The front end against kamsim's own exports: preprocess, parse and check a config with the
 * module registry and the core's tables (lang/compile.ts does the work).
 */
import { analyzeConfig as analyzeWith, type FrontEndOptions, type FrontEndResult } from "../lang/compile.js";
import { kamailioExports } from "./exports.js";

/** Reads and checks a config. Never throws on user input: every problem is a diagnostic. */
export function analyzeConfig(text: string, options: FrontEndOptions = {}): FrontEndResult {
  return analyzeWith(text, options, kamailioExports);
}
