#!/usr/bin/env node
// The `kamsim` command. It runs the bundle that scripts/build-cli.js makes on `npm install`
// (cli/dist/kamsim.mjs): loading TypeScript through tsx on every start cost about a second.
// Before loading it, it checks the bundle is fresh: every source file still has the modification
// time the build's stamp recorded (one stat per file, about 200). When one differs, or there is
// no bundle, it rebuilds first; when that fails, it says so and runs the sources through tsx.
import { readFileSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";

// Plain path strings: a URL per stat cost more than the stat itself.
const root = fileURLToPath(new URL("../", import.meta.url));
const dist = `${root}cli/dist/`;
const BUNDLE = "kamsim.mjs";
const STAMP = "kamsim.stamp.json";

function fresh() {
  try {
    const stamp = JSON.parse(readFileSync(dist + STAMP, "utf8"));
    if (statSync(dist + BUNDLE).mtimeMs !== stamp.bundle) return false;
    for (const [path, mtime] of Object.entries(stamp.inputs)) {
      if (statSync(root + path, { throwIfNoEntry: false })?.mtimeMs !== mtime) return false;
    }
    return true;
  } catch {
    return false; // no stamp or no bundle
  }
}

let main;
let ready = fresh();
if (!ready) {
  try {
    const { buildCli } = await import("../scripts/build-cli.js");
    await buildCli();
    ready = true;
  } catch (e) {
    console.error(
      `kamsim: notice: the CLI bundle is out of date and could not be rebuilt (${e?.message ?? e}); ` +
        "running the TypeScript sources through tsx, which starts slower",
    );
  }
}
if (ready) {
  ({ main } = await import(new URL(`./dist/${BUNDLE}`, import.meta.url).href));
} else {
  const { register } = await import("tsx/esm/api");
  register();
  ({ main } = await import("./main.ts"));
}
process.exitCode = await main(process.argv.slice(2));
