/** Reads a config and the files it includes from disk, for the engine's virtual file map. */
import { closeSync, openSync, readSync } from "node:fs";
import { type FrontEndOptions, MAX_CONFIG_TEXT } from "../src/engine/index.js";

/**
 * A file's text, read until it has more than `maxChars` characters (the caller's limit then
 * refuses it at the place): a device that never ends (`include_file "/dev/zero"`, `--traffic
 * /dev/zero`) or a huge file is not read whole. Decoded as readFileSync(path, "utf8") does (a
 * byte-order mark kept, bad bytes as U+FFFD). Throws as readFileSync does when it cannot be read.
 */
export function readBounded(path: string, maxChars: number): string {
  const fd = openSync(path, "r");
  try {
    const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
    const parts: string[] = [];
    let chars = 0;
    // Small first (most included files are), then doubling.
    let size = 1 << 14;
    while (chars <= maxChars) {
      const chunk = Buffer.alloc(size);
      const got = readSync(fd, chunk, 0, size, null);
      if (got === 0) break;
      const text = decoder.decode(chunk.subarray(0, got), { stream: true });
      parts.push(text);
      chars += text.length;
      size = Math.min(size * 2, 1 << 22);
    }
    parts.push(decoder.decode());
    return parts.join("");
  } finally {
    closeSync(fd);
  }
}

/** A resolver that reads include files from disk (relative paths from the working directory). */
function diskFiles(path: string): string | undefined {
  try {
    return readBounded(path, MAX_CONFIG_TEXT);
  } catch {
    return undefined;
  }
}

/** The config text and the front-end options to analyse it as the CLI does. */
export function readConfig(path: string, defines: Record<string, string>): { text: string; options: FrontEndOptions } {
  const text = readBounded(path, MAX_CONFIG_TEXT);
  return { text, options: { name: path, files: diskFiles, defines, env: process.env } };
}
