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
 * The build's chunk holding Monaco's core (the editor itself, 3 MB): the bundler names it after
 * one of its modules, and which one changes with the page's imports (editor.api-*.js in one
 * build, standaloneCommandsQuickAccess-*.js in another), so it is found by a string only Monaco's
 * core has, its quick command's id. Its stylesheet carries the same name.
 */
export function monacoCoreChunk(dist: string): { js: string; css: string | undefined } {
  const assets = readdirSync(join(dist, "assets"));
  const js = assets.filter(
    (f) => f.endsWith(".js") && readFileSync(join(dist, "assets", f), "utf8").includes("editor.action.quickCommand"),
  );
  if (js.length !== 1) throw new Error(`Monaco's core is in ${js.length} chunks: ${js.join(", ")}`);
  const name = (js[0] as string).replace(/-[^-]+\.js$/, "");
  const css = assets.find((f) => f.startsWith(`${name}-`) && f.endsWith(".css"));
  return { js: js[0] as string, css };
}
