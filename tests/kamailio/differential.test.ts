/**
 * Differential cases: every folder under tests/kamailio/cases/ (kamailio.cfg, traffic.json,
 * README.md) runs through kamsim and through the real Kamailio 5.6 on loopback with the same
 * requests at the same times; the normalised logs, the replies and pike's first refusals must
 * agree (see harness/compare.ts for what is compared, harness/normalize.ts for what is not).
 * Cases run one after another, each for its traffic's duration in real time, except the few
 * longest, which run meanwhile in a process of their own (harness/beside.ts). `FILTER=text`
 * selects cases by name.
 *
 * A case marked `knownDeviation` in its case.json still runs; it passes only while it differs
 * exactly as declared (harness/verdict.ts). With `KAMSIM_CONFORMANCE_REPORT=file`, each case's
 * summary is appended to that file as one JSON line (read by scripts/conformance.js).
 */
import { appendFileSync, existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, expect, it } from "vitest";
import { describeNeeding } from "../support/needs.js";
import { runBeside } from "./harness/beside.js";
import { stopAllKamailios } from "./harness/kamailio-process.js";
import { type CaseOutcome, RUNS, runCaseWithReruns } from "./harness/reruns.js";
import type { CaseResult } from "./harness/run-case.js";
import { disagreementTexts, verdictOf, verdictProblems } from "./harness/verdict.js";
import { KAMAILIO_NEED, kamailioAvailability } from "./kamailio.js";

const root = join(import.meta.dirname, "cases");
const all = existsSync(root)
  ? readdirSync(root)
      .filter((n) => statSync(join(root, n)).isDirectory())
      .sort()
  : [];
const cases = all.filter((n) => !process.env.FILTER || n.includes(process.env.FILTER));
const kam = kamailioAvailability();
const reportFile = process.env.KAMSIM_CONFORMANCE_REPORT;
const durationOf = (name: string) =>
  Number(JSON.parse(readFileSync(join(root, name, "traffic.json"), "utf8")).duration ?? 30);
/**
 * Cases whose traffic lasts this long (s) or longer run beside the others (harness/beside.ts):
 * they mostly wait for tm's and usrloc's timers. Their tests come last, when they are done.
 */
const BESIDE_S = 30;
const beside = cases.filter((n) => durationOf(n) >= BESIDE_S);
const inline = cases.filter((n) => durationOf(n) < BESIDE_S);

/** The 127.x addresses a case's traffic names (agents and stream sources). */
const addressesOf = (name: string) =>
  new Set(readFileSync(join(root, name, "traffic.json"), "utf8").match(/127\.\d+\.\d+\.\d+/g) ?? []);

/** One case's summary for the conformance table; `stalled`: the stalls of the runs done again. */
function report(r: CaseResult, stalled: number[]): void {
  if (!reportFile) return;
  const summary = {
    name: r.name,
    verdict: verdictOf(r),
    knownDeviation: r.options.knownDeviation ?? null,
    seconds: r.seconds.total,
    matched: r.matched,
    kamsimLines: r.kamsimLines,
    kamailioLines: r.kamailioLines,
    requests: r.requests,
    repliesAgreed: r.repliesAgreed,
    messagesMatched: r.messagesMatched,
    messages: r.messages,
    pikeBlocks: r.pikeBlocks,
    pikeAgreed: r.pikeAgreed,
    maxSkew: r.maxSkew,
    medianSkew: r.medianSkew,
    maxLateness: r.maxLateness,
    load: r.load,
    disagreements: disagreementTexts(r),
    problems: verdictProblems(r),
    maxStall: r.maxStall,
    rerunAfterStalls: stalled,
  };
  appendFileSync(reportFile, `${JSON.stringify(summary)}\n`);
}

describeNeeding(KAMAILIO_NEED, kam, `differential against real Kamailio 5.6`, () => {
  // Kamailios this process started (the side run's are its own child's).
  afterEach(async () => {
    await stopAllKamailios();
  });
  let besideOutcomes = new Map<string, Promise<CaseOutcome>>();
  beforeAll(() => {
    besideOutcomes = runBeside(beside.map((n) => join(root, n)));
  });

  it("runs beside the others only cases whose addresses no other case uses", () => {
    expect(all.filter((n) => durationOf(n) >= BESIDE_S).length).toBeGreaterThanOrEqual(3);
    for (const n of all.filter((c) => durationOf(c) >= BESIDE_S)) {
      const mine = [...addressesOf(n)].filter((a) => a !== "127.0.0.1");
      expect(mine.length, n).toBeGreaterThan(0);
      for (const other of all.filter((c) => c !== n))
        for (const a of mine) expect(addressesOf(other).has(a), `${n} and ${other} both use ${a}`).toBe(false);
    }
  });

  it("has at least 110 cases (44 before issue 10 added its receive, regex, PV, function and fix-up cases), each with kamailio.cfg (or a case.json `config` read at test time), traffic.json and README.md", () => {
    expect(all.length).toBeGreaterThanOrEqual(110);
    // Issue 11's calls: at least 30 call cases (61 when it closed its first sitting), 14 of them on
    // Debian's stock config.
    expect(all.filter((n) => n.startsWith("call-")).length).toBeGreaterThanOrEqual(30);
    expect(all.filter((n) => n.startsWith("call-stock-")).length).toBeGreaterThanOrEqual(14);
    for (const n of all) {
      const options = existsSync(join(root, n, "case.json"))
        ? JSON.parse(readFileSync(join(root, n, "case.json"), "utf8"))
        : {};
      const files = ["traffic.json", "README.md", ...(options.config ? [] : ["kamailio.cfg"])];
      for (const f of files) expect(existsSync(join(root, n, f)), `${n}/${f}`).toBe(true);
      if (options.config) expect(existsSync(options.config), `${n}: case.json config ${options.config}`).toBe(true);
    }
  });

  for (const name of inline) {
    // Up to RUNS runs of the case in real time, each with Kamailio's start and stop around it.
    it(name, { timeout: Math.max(180_000, RUNS * (durationOf(name) + 20) * 1000) }, async () => {
      conclude(name, await runCaseWithReruns(join(root, name), (line) => console.log(line)));
    });
  }
  // Started with the suite; by now they have had all the other cases' time.
  const besideTimeout = RUNS * beside.reduce((sum, n) => sum + durationOf(n) + 20, 0) * 1000;
  for (const name of beside) {
    it(`${name} (run beside the others)`, { timeout: Math.max(180_000, besideTimeout) }, async () => {
      const outcome = besideOutcomes.get(name);
      if (!outcome) throw new Error(`${name} was not started beside the others`);
      conclude(name, await outcome);
    });
  }
});

/** Prints and reports one case's outcome, then insists on its verdict. */
function conclude(name: string, { result: r, stalled }: CaseOutcome): void {
  console.log(
    `differential ${name}: ${r.seconds.total.toFixed(2)} s, ${r.requests} requests, ${r.matched} lines matched, ` +
      (r.messages > 0 ? `${r.messagesMatched}/${r.messages} agents' messages matched, ` : "") +
      `max skew ${(r.maxSkew * 1000).toFixed(1)} ms, max send lateness ${(r.maxLateness * 1000).toFixed(1)} ms, ` +
      `longest stall ${(r.maxStall * 1000).toFixed(0)} ms, load ${r.load}`,
  );
  report(r, stalled);
  if (r.options.knownDeviation)
    console.log(
      `differential ${name}: known deviation (${r.options.knownDeviation}):\n  ${disagreementTexts(r).join("\n  ")}`,
    );
  const problems = verdictProblems(r);
  const context = `\n--- kamsim\n${r.kamsimLog}--- Kamailio\n${r.kamailioLog}`;
  expect(problems, problems.length ? context : "").toEqual([]);
}
