/**
 * The front end in one call: preprocess → parse → check. Never throws on user input: every
 * problem is a diagnostic. (Compiling to a runnable program comes on top of this.)
 */

import type { SourceFile, Span } from "../base/source.js";
import type { Config } from "./ast.js";
import { type CheckedConfig, checkConfig } from "./check/index.js";
import { type Diagnostic, DiagnosticBag } from "./diagnostics.js";
import type { Exports } from "./exports.js";
import { parseConfig } from "./parser.js";
import { type FileResolver, preprocess } from "./preprocess.js";

export interface FrontEndOptions {
  /** The config's file name, used in diagnostics (default `kamailio.cfg`). */
  name?: string;
  /** Files that `include_file`/`import_file` may read. */
  files?: FileResolver;
  /** `-D NAME[=VALUE]` defines. */
  defines?: Readonly<Record<string, string>>;
  /** Environment for `#!defenv`. */
  env?: Readonly<Record<string, string | undefined>>;
}

export interface FrontEndResult {
  /** Every file read, main config first; spans index into it. */
  files: SourceFile[];
  config: Config;
  checked: CheckedConfig;
  diagnostics: Diagnostic[];
  /** The defines at the end of preprocessing (`$def(NAME)` reads them at run time). */
  defines: ReadonlyMap<string, string>;
  /** Text skipped by `#!ifdef`/`#!ifndef`/`#!else` (see Preprocessed.inactive). */
  inactive: Span[];
}

/** Reads and checks a config against the given exports (link/analyze.ts passes the registry's). */
export function analyzeConfig(text: string, options: FrontEndOptions, exports: Exports): FrontEndResult {
  const diags = new DiagnosticBag();
  const pp = preprocess(options.name ?? "kamailio.cfg", text, diags, {
    ...(options.files ? { files: options.files } : {}),
    ...(options.defines ? { defines: options.defines } : {}),
    ...(options.env ? { env: options.env } : {}),
  });
  const config = parseConfig(pp.tokens, pp.files, diags);
  const checked = checkConfig(config, diags, exports);
  return { files: pp.files, config, checked, diagnostics: diags.items, defines: pp.defines, inactive: pp.inactive };
}
