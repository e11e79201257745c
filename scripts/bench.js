#!/usr/bin/env node
// `npm run bench`: bundles bench/run.ts with esbuild (the engine runs bundled, as in the
// playground's worker) and runs it with the garbage collector exposed, so that heap numbers
// can be taken after a collection. Prints one JSON line per benchmark.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";

const dir = mkdtempSync(join(tmpdir(), "kamsim-bench-"));
const out = join(dir, "bench.mjs");
try {
  await build({
    entryPoints: ["bench/run.ts"],
    bundle: true,
    platform: "node",
    format: "esm",
    outfile: out,
    logLevel: "error",
  });
  for (const name of ["frontend", "editor", "classic", "sixty", "calls", "scale"]) {
    // The calls and scale benchmarks run with V8's heap capped at their 400 MB target: one that
    // completes held its live data within it (an uncapped V8 lets garbage grow the heap first).
    const cap = name === "calls" || name === "scale" ? ["--max-old-space-size=400"] : [];
    const r = spawnSync(process.execPath, ["--expose-gc", ...cap, out, name], { stdio: "inherit", cwd: process.cwd() });
    if (r.status !== 0) process.exitCode = r.status ?? 1;
  }
  // The CLI's start beside a bare `node -e 0` (issue 8: under 3× of it).
  const c = spawnSync(process.execPath, ["--import", "tsx", "bench/cli-start.ts"], {
    stdio: "inherit",
    cwd: process.cwd(),
  });
  if (c.status !== 0) process.exitCode = c.status ?? 1;
  // The playground's worker at max speed: its share of time simulating, frames, Reset (issue 9 §3, §4).
  const w = spawnSync(process.execPath, ["--import", "tsx", "bench/worker.ts"], {
    stdio: "inherit",
    cwd: process.cwd(),
  });
  if (w.status !== 0) process.exitCode = w.status ?? 1;
  // The playground in Chromium (skips itself when chromium is missing).
  const b = spawnSync(process.execPath, ["--import", "tsx", "bench/browser.ts"], {
    stdio: "inherit",
    cwd: process.cwd(),
  });
  if (b.status !== 0) process.exitCode = b.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
