#!/usr/bin/env node
// `npm run build:cli` (and npm's `prepare`, so `npm install` and `npm ci` run it): bundles the
// CLI (cli/main.ts and the engine it imports) into one ESM file, cli/dist/kamsim.mjs, so that
// `kamsim` starts without compiling TypeScript on every run. Beside it, kamsim.stamp.json records
// the modification time of every file the bundle was built from; cli/bin.js compares them on each
// start (one stat per file) and rebuilds when one differs.
//
// Each source is stat'ed *before* it is read, so a file saved while a build runs carries a newer
// time than the stamp records and the next start rebuilds again.
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));

/** The bundle and stamp file names inside the output folder (cli/bin.js reads the same names). */
export const BUNDLE = "kamsim.mjs";
export const STAMP = "kamsim.stamp.json";

/**
 * Builds the CLI of the repository at `root` into `outdir` (default `root`/cli/dist). Returns the
 * bundle's path. Throws when esbuild is missing or the sources do not build.
 */
export async function buildCli(root = resolve(here, ".."), outdir = join(root, "cli", "dist")) {
  const { build } = await import("esbuild");
  const inputs = {};
  const seen = (abs) => {
    inputs[relative(root, abs).split("\\").join("/")] = statSync(abs).mtimeMs;
  };
  // What decides the bundle besides the sources: this script, esbuild's version, and the
  // tsconfig files esbuild reads (e.g. verbatimModuleSyntax decides which imports stay).
  seen(fileURLToPath(import.meta.url));
  seen(join(dirname(fileURLToPath(import.meta.resolve("esbuild"))), "..", "package.json"));
  for (const tsconfig of ["tsconfig.json", "tsconfig.base.json", "src/engine/tsconfig.json"]) {
    if (existsSync(join(root, tsconfig))) seen(join(root, tsconfig));
  }
  const result = await build({
    absWorkingDir: root,
    entryPoints: ["cli/main.ts"],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    // Whitespace and syntax only: start-up is mostly V8 parsing this file; identifiers stay
    // readable in stack traces.
    minifyWhitespace: true,
    minifySyntax: true,
    sourcemap: "linked",
    sourcesContent: false,
    legalComments: "none",
    metafile: true,
    write: false,
    outfile: join(outdir, BUNDLE),
    logLevel: "error",
    plugins: [
      {
        name: "stat-before-read",
        setup(b) {
          b.onLoad({ filter: /\.ts$/ }, (args) => {
            seen(args.path);
            return { contents: readFileSync(args.path, "utf8"), loader: "ts" };
          });
        },
      },
    ],
  });
  // Anything esbuild read by itself (none today: every input is .ts) is stat'ed now.
  for (const input of Object.keys(result.metafile.inputs)) {
    if (!(input in inputs)) seen(join(root, input));
  }
  mkdirSync(outdir, { recursive: true });
  // Concurrent starts may rebuild at once: each writes temporary files and renames them, the
  // stamp last. The stamp holds the bundle's own mtime, so a bundle of one build never passes for
  // fresh under the stamp of another.
  const tmp = `.${process.pid}.${Date.now()}.tmp`;
  let bundleTmp = "";
  for (const file of result.outputFiles) {
    const target = file.path;
    writeFileSync(target + tmp, file.contents);
    if (target.endsWith(BUNDLE)) bundleTmp = target + tmp;
    else renameSync(target + tmp, target);
  }
  const stamp = { bundle: statSync(bundleTmp).mtimeMs, inputs };
  writeFileSync(join(outdir, STAMP) + tmp, `${JSON.stringify(stamp, null, 1)}\n`);
  renameSync(bundleTmp, join(outdir, BUNDLE));
  renameSync(join(outdir, STAMP) + tmp, join(outdir, STAMP));
  return join(outdir, BUNDLE);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    // `--outdir DIR` builds elsewhere (the tests compare such a build with the installed one).
    const at = process.argv.indexOf("--outdir");
    const out = await buildCli(undefined, at > 0 ? resolve(process.argv[at + 1] ?? ".") : undefined);
    console.log(`build-cli: ${relative(process.cwd(), out)}`);
  } catch (e) {
    // `npm install --omit=dev` has no esbuild: kamsim then runs its sources through tsx.
    if (e?.code === "ERR_MODULE_NOT_FOUND" && String(e.message).includes("esbuild")) {
      console.log("build-cli: esbuild is not installed; kamsim will run its TypeScript sources through tsx");
    } else {
      console.error(`build-cli: ${e?.message ?? e}`);
      process.exitCode = 1;
    }
  }
}
