#!/usr/bin/env node
// `npm test`: every suite in one run — dependencies, typecheck, lint, then Vitest (unit, language
// cases, golden, CLI, differential against real Kamailio, browser). It ends with one closing line,
// `kamsim: N passed, N failed, N skipped`, and exits non-zero when anything failed.
//
// In CI (env CI set, as .ci/run sets it) nothing may be skipped: a failed setup step, a suite
// whose tool is missing (those become failing tests, tests/support/needs.ts) or any other skipped
// test fails the run, and the lines above the closing one name what is missing. Outside CI a skip
// is allowed and listed there too.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";

const CI = !!process.env.CI && process.env.CI !== "0" && process.env.CI !== "false";
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

const setupOk = steps[0].ok;
const dir = mkdtempSync(join(tmpdir(), "kamsim-test-"));
// The browser tests serve one production build of the playground, made here once
// (tests/e2e/build.ts); should it fail, each browser test file builds its own and fails there.
const playground = join(dir, "playground");
if (
  run("build the playground for the browser tests", "npx", [
    "vite",
    "build",
    "--logLevel",
    "error",
    "--outDir",
    playground,
  ])
)
  process.env.KAMSIM_PLAYGROUND_DIST = playground;
// The differential and recording suites time real Kamailio against the wall clock: they run
// after the rest, one file at a time, so that browsers and other suites never steal their CPU
// (this machine has 2 cores).
const ALONE = ["tests/kamailio/differential.test.ts", "tests/kamailio/recordings.test.ts"];
const parts = [
  { name: "vitest", args: ALONE.flatMap((f) => ["--exclude", f]) },
  { name: "vitest against real Kamailio (alone)", args: [...ALONE, "--no-file-parallelism"] },
];
let passed = 0;
let failed = 0;
let skipped = 0;
const skips = new Set();
const missing = new Set();
// The failed tests, named at the very end: CI may show only the run's last lines.
const failures = [];
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
    for (const file of r.testResults) {
      // A file that failed outside its tests (an import, a hook, an unhandled error).
      if (file.status === "failed" && !file.assertionResults.some((t) => t.status === "failed"))
        failures.push(`${relative(process.cwd(), file.name)}: ${(file.message ?? "").split("\n")[0].slice(0, 300)}`);
      for (const t of file.assertionResults) {
        if (t.status === "pending" || t.status === "skipped" || t.status === "todo")
          skips.add(t.ancestorTitles[0] ?? t.title);
        // A suite whose tool is missing fails in CI with one "needs X" test (tests/support/needs.ts).
        const why = (t.failureMessages ?? []).join("\n").match(/[^\n]* is missing: [^\n]*/);
        if (t.status === "failed" && why)
          missing.add(`${t.ancestorTitles[0] ?? t.title}: ${why[0].replace(/^Error: /, "")}`);
        else if (t.status === "failed") {
          const first = (t.failureMessages ?? [])[0]?.split("\n")[0]?.slice(0, 300) ?? "";
          failures.push(
            `${relative(process.cwd(), file.name)} > ${[...t.ancestorTitles, t.title].join(" > ")}: ${first}`,
          );
        }
      }
    }
  } catch {
    failed += 1;
    console.log(`${part.name} wrote no report`);
  }
}
rmSync(dir, { recursive: true, force: true });

for (const s of steps) {
  if (s.name.startsWith("vitest")) continue;
  if (s.ok) passed += 1;
  else failed += 1;
}
const vitestOk = steps.filter((s) => s.name.startsWith("vitest")).every((s) => s.ok);
if (!vitestOk && failed === 0) {
  failed = 1;
  failures.push("vitest exited non-zero with every test passed: look for its 'Unhandled Errors' above");
}

console.log("");
if (!setupOk) console.log("FAILED setup: the packages the suites need could not be installed (see setup-deps above)");
for (const s of steps) if (!s.ok && s.name !== "setup") console.log(`FAILED ${s.name}`);
for (const m of missing) console.log(`FAILED, missing: ${m}`);
for (const f of failures) console.log(`FAILED test: ${f}`);
for (const s of skips) console.log(`${CI ? "FAILED (skipped in CI)" : "skipped"}: ${s}`);
// In CI a skip is a failure: the proof it stands for did not run.
if (CI && skipped > 0) {
  failed += skipped;
  skipped = 0;
}
console.log(`kamsim: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
