/**
 * The playground's production build for the browser tests. `npm test` (scripts/test.js) builds it
 * once and names the folder in KAMSIM_PLAYGROUND_DIST: every test file serves that one build
 * instead of making its own (a build takes 20–60 s on this machine, and there are eight files).
 * A file run alone (`npx vitest run tests/e2e/x.test.ts`) builds into a temporary folder of its own.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "vite";

/** The build `npm test` made for this run, if any. */
function sharedBuild(): string | undefined {
  const dir = process.env.KAMSIM_PLAYGROUND_DIST;
  return dir && existsSync(join(dir, "index.html")) ? dir : undefined;
}

export async function buildPlayground(): Promise<string> {
  const shared = sharedBuild();
  if (shared) return shared;
  const outDir = mkdtempSync(join(tmpdir(), "kamsim-dist-"));
  await build({ root: join(import.meta.dirname, "..", ".."), logLevel: "error", build: { outDir, emptyOutDir: true } });
  return outDir;
}

/** Removes a build made by buildPlayground(), unless it is the run's shared one. */
export function releasePlayground(dir: string): void {
  if (dir && dir !== sharedBuild()) rmSync(dir, { recursive: true, force: true });
}

/**
 * The build's chunk holding Monaco's core (the editor itself, 3 MB) and its stylesheet: the
 * bundler names them after one of their modules, and which one is not stable (editor.api-*.js
 * with editor-*.css in one build, standaloneCommandsQuickAccess-*.js and .css in another of the
 * same sources), so they are found by what only Monaco's core has: its quick command's id, and
 * the rule for the editor's lines.
 */
export function monacoCoreChunk(dist: string): { js: string; css: string } {
  const assets = readdirSync(join(dist, "assets"));
  const holding = (ext: string, marker: string) =>
    assets.filter((f) => f.endsWith(ext) && readFileSync(join(dist, "assets", f), "utf8").includes(marker));
  const js = holding(".js", "editor.action.quickCommand");
  const css = holding(".css", ".monaco-editor .view-lines");
  if (js.length !== 1 || css.length !== 1)
    throw new Error(`Monaco's core is in ${js.join(", ") || "no script"} and ${css.join(", ") || "no stylesheet"}`);
  return { js: js[0] as string, css: css[0] as string };
}
