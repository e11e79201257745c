#!/usr/bin/env node
// `npm test`: every suite in one run — dependencies, typecheck, lint, then Vitest (unit, language
// cases, golden, CLI, differential against real Kamailio, browser). It ends with one closing line,
// `kamsim: N passed, N failed, N skipped`, and exits non-zero when anything failed.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const steps = [];
const run = (name, cmd, args) => {
  console.log(`\n── ${name}: ${cmd} ${args.join(" ")}`);
  const r = spawnSync(cmd, args, { stdio: "inherit" });
  steps.push({ name, ok: r.status === 0 });
  return r.status === 0;
};

run("setup", "bash", ["scripts/setup-deps.sh"]);
run("typecheck", "npx", ["tsc", "-p", "tsconfig.json"]);
run("typecheck engine (no DOM, no Node)", "npx", ["tsc", "-p", "src/engine/tsconfig.json"]);
run("lint", "npx", ["biome", "check", "."]);

const dir = mkdtempSync(join(tmpdir(), "kamsim-test-"));
// The differential suite times real Kamailio against the wall clock: it runs on its own, after
// the rest, so that browsers and other suites never steal its CPU (this machine has 2 cores).
const DIFFERENTIAL = "tests/kamailio/differential.test.ts";
const parts = [
  { name: "vitest", args: ["--exclude", DIFFERENTIAL] },
  { name: "vitest differential (alone)", args: [DIFFERENTIAL] },
];
let passed = 0;
let failed = 0;
let skipped = 0;
for (const [i, part] of parts.entries()) {
  const report = join(dir, `vitest-${i}.json`);
  run(part.name, "npx", [
    "vitest",
    "run",
    ...part.args,
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${report}`,
  ]);
  try {
    const r = JSON.parse(readFileSync(report, "utf8"));
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    skipped += r.numPendingTests + r.numTodoTests;
    const skips = new Set();
    for (const file of r.testResults) {
      for (const t of file.assertionResults) {
        if (t.status === "pending" || t.status === "skipped") skips.add(t.ancestorTitles[0] ?? t.title);
      }
    }
    for (const s of skips) console.log(`skipped: ${s}`);
  } catch {
    failed += 1;
    console.log(`${part.name} wrote no report`);
  }
}
rmSync(dir, { recursive: true, force: true });

for (const s of steps) {
  if (s.name === "setup" || s.name.startsWith("vitest")) continue;
  if (s.ok) passed += 1;
  else failed += 1;
}
const vitestOk = steps.filter((s) => s.name.startsWith("vitest")).every((s) => s.ok);
if (!vitestOk && failed === 0) failed = 1;
console.log(`\nkamsim: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
