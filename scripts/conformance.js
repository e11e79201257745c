#!/usr/bin/env node
// `npm run conformance`: runs the differential suite against the real Kamailio 5.6
// (tests/kamailio/differential.test.ts, through Vitest) and prints a table — per case what
// matched and what differed — then the total agreement and every known deviation. The test
// writes one JSON line per case to the file named by KAMSIM_CONFORMANCE_REPORT. `FILTER=name`
// selects cases, as for the test. Exits non-zero when the suite fails.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const dir = mkdtempSync(join(tmpdir(), "kamsim-conformance-"));
const report = join(dir, "cases.jsonl");
const started = Date.now();
const run = spawnSync("npx", ["vitest", "run", "tests/kamailio/differential.test.ts", "--reporter=dot", "--silent"], {
  stdio: "inherit",
  env: { ...process.env, KAMSIM_CONFORMANCE_REPORT: report },
});
const seconds = (Date.now() - started) / 1000;
const rows = existsSync(report)
  ? readFileSync(report, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l))
      .sort((a, b) => a.name.localeCompare(b.name))
  : [];
rmSync(dir, { recursive: true, force: true });

if (rows.length === 0) {
  console.log("\nconformance: no case ran (is Debian's kamailio 5.6 installed? see the test's skip reason above)");
  process.exit(run.status === 0 ? 0 : 1);
}

const kinds = (r) => {
  const count = new Map();
  for (const d of r.disagreements) {
    const k = d.slice(0, d.indexOf(":"));
    count.set(k, (count.get(k) ?? 0) + 1);
  }
  return [...count].map(([k, n]) => `${n} ${k}`).join(", ");
};
const table = rows.map((r) => {
  const lines = Math.max(r.kamsimLines, r.kamailioLines);
  const matched = [`${r.matched}/${lines} lines`];
  if (r.requests > 0 || !r.messages) matched.push(`${r.repliesAgreed}/${r.requests} replies`);
  // Call cases: the SIP messages the traffic's user agents received, matched byte for byte.
  if (r.messages > 0) matched.push(`${r.messagesMatched}/${r.messages} messages`);
  if (r.pikeBlocks > 0) matched.push(`${r.pikeBlocks} pike blocks${r.pikeAgreed ? "" : " (differ)"}`);
  const differed = r.disagreements.length === 0 ? "—" : kinds(r);
  const reruns = r.rerunAfterStalls?.length
    ? ` (run ${r.rerunAfterStalls.length + 1}; stalls ${r.rerunAfterStalls.map((x) => `${Math.round(x * 1000)} ms`).join(", ")} before)`
    : "";
  return [r.name, `${r.verdict}${reruns}`, matched.join(", "), differed, `${r.seconds.toFixed(1)} s`, String(r.load)];
});
const head = ["case", "verdict", "matched", "differed", "time", "load"];
const widths = head.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
console.log(`\n${line(head)}`);
console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
for (const row of table) console.log(line(row));

const agree = rows.filter((r) => r.verdict === "agrees");
const known = rows.filter((r) => r.verdict === "known deviation");
const failing = rows.filter((r) => r.verdict === "fails");
const sum = (f) => rows.reduce((s, r) => s + f(r), 0);
const rerun = rows.filter((r) => r.rerunAfterStalls?.length);
const allLines = sum((r) => Math.max(r.kamsimLines, r.kamailioLines));
const matchedLines = sum((r) => r.matched);
const requests = sum((r) => r.requests);
const replies = sum((r) => r.repliesAgreed);
const calls = rows.filter((r) => r.messages > 0);
const messages = sum((r) => r.messages ?? 0);
const messagesMatched = sum((r) => r.messagesMatched ?? 0);
const pct = (a, b) => (b === 0 ? "100" : ((100 * a) / b).toFixed(1));
console.log(
  `\nAgreement: ${agree.length} of ${rows.length} cases agree with Kamailio 5.6.3 in every compared respect` +
    ` (${known.length} known deviation${known.length === 1 ? "" : "s"}, ${failing.length} failing).`,
);
console.log(
  `Log lines matched: ${matchedLines} of ${allLines} (${pct(matchedLines, allLines)}%); ` +
    `replies agreeing: ${replies} of ${requests} requests (${pct(replies, requests)}%); ` +
    `pike first refusals: ${sum((r) => r.pikeBlocks)} BLOCK lines, ${rows.filter((r) => r.pikeBlocks > 0 && r.pikeAgreed).length} of ${rows.filter((r) => r.pikeBlocks > 0).length} pike cases agree.`,
);
if (calls.length)
  console.log(
    `Call cases (user agents): ${calls.filter((r) => r.verdict === "agrees").length} of ${calls.length} agree; ` +
      `messages the agents received matched byte for byte (Kamailio's random values normalised): ` +
      `${messagesMatched} of ${messages} (${pct(messagesMatched, messages)}%).`,
  );
console.log(
  `Suite time: ${seconds.toFixed(0)} s (cases ${sum((r) => r.seconds).toFixed(0)} s); largest time offset of a matched line in an agreeing case ${(
    1000 * Math.max(0, ...agree.map((r) => r.maxSkew))
  ).toFixed(1)} ms; load = the machine's 1-minute load average when each case started.`,
);

if (rerun.length)
  console.log(
    `Run again after the machine stalled the harness (> 50 ms) and the case disagreed: ${rerun.map((r) => r.name).join(", ")}.`,
  );

if (known.length) {
  console.log("\nKnown deviations (each still runs and must keep differing exactly as declared):");
  for (const r of known) {
    console.log(`- ${r.name}: ${r.knownDeviation}`);
    for (const d of r.disagreements.slice(0, 6)) console.log(`    ${d}`);
    if (r.disagreements.length > 6) console.log(`    … and ${r.disagreements.length - 6} more`);
  }
}
if (failing.length) {
  console.log("\nFailing cases:");
  for (const r of failing) {
    console.log(`- ${r.name}`);
    for (const p of r.problems.slice(0, 10)) console.log(`    ${p}`);
  }
}
process.exit(run.status === 0 && failing.length === 0 ? 0 : 1);
