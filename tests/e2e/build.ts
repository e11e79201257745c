/** Builds the playground once per test file into a temporary folder (a production build). */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "vite";

export async function buildPlayground(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), "kamsim-dist-"));
  await build({ root: join(import.meta.dirname, "..", ".."), logLevel: "error", build: { outDir, emptyOutDir: true } });
  return outDir;
}
