/** Reads a config and the files it includes from disk, for the engine's virtual file map. */
import { closeSync, openSync, readSync } from "node:fs";
import { type FrontEndOptions, MAX_CONFIG_TEXT } from "../src/engine/index.js";

/**
 * Bytes read from one file at most: enough for more than MAX_CONFIG_TEXT characters (UTF-8 takes
 * up to 4 bytes for one), which the preprocessor refuses at the place. A device that never ends
 * (`include_file "/dev/zero"`) or a huge file is not read whole.
 */
const MAX_FILE_BYTES = 4 * MAX_CONFIG_TEXT + 4;

/** A file's text, read up to MAX_FILE_BYTES; throws as readFileSync does when it cannot be read. */
export function readBounded(path: string): string {
  const fd = openSync(path, "r");
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    while (total < MAX_FILE_BYTES) {
      // Small first (most included files are), then doubling.
      const chunk = Buffer.alloc(Math.min(Math.max(1 << 14, total), MAX_FILE_BYTES - total));
      const got = readSync(fd, chunk, 0, chunk.length, null);
      if (got === 0) break;
      chunks.push(chunk.subarray(0, got));
      total += got;
    }
    return Buffer.concat(chunks, total).toString("utf8");
  } finally {
    closeSync(fd);
  }
}

/** A resolver that reads include files from disk (relative paths from the working directory). */
function diskFiles(path: string): string | undefined {
  try {
    return readBounded(path);
  } catch {
    return undefined;
  }
}

/** The config text and the front-end options to analyse it as the CLI does. */
export function readConfig(path: string, defines: Record<string, string>): { text: string; options: FrontEndOptions } {
  const text = readBounded(path);
  return { text, options: { name: path, files: diskFiles, defines, env: process.env } };
}
