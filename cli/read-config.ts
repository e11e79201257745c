/** Reads a config and the files it includes from disk, for the engine's virtual file map. */
import { readFileSync } from "node:fs";
import type { FrontEndOptions } from "../src/engine/index.js";

/** A resolver that reads include files from disk (relative paths from the working directory). */
function diskFiles(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

/** The config text and the front-end options to analyse it as the CLI does. */
export function readConfig(path: string, defines: Record<string, string>): { text: string; options: FrontEndOptions } {
  const text = readFileSync(path, "utf8");
  return { text, options: { name: path, files: diskFiles, defines, env: process.env } };
}
