// `npm run coverage`: prints the coverage table (scripts/coverage-table.ts) — what kamsim
// simulates of the functions and PVs it catalogues, weighted by use in public configs.
// `npm run coverage -- --write` puts it in README.md between the coverage markers;
// tests/repo/coverage-table.test.ts fails while the README's copy differs.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { coverageMarkdown, ROOT, withCoverage } from "./coverage-table.js";

const body = coverageMarkdown();
if (process.argv.includes("--write")) {
  const file = join(ROOT, "README.md");
  const before = readFileSync(file, "utf8");
  const after = withCoverage(before, body);
  if (after !== before) writeFileSync(file, after);
  console.log(after === before ? "README.md: coverage table already current" : "README.md: coverage table updated");
} else {
  process.stdout.write(body);
}
