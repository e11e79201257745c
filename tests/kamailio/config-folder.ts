/** A config and its include files written into a fresh temporary folder, for Kamailio to read. */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** Writes `text` as `dir/name` and each of `files` at its path below `dir`; returns the config's path. */
export function writeConfigFolder(
  dir: string,
  name: string,
  text: string,
  files: Readonly<Record<string, string>>,
): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return file;
}
