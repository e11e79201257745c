/**
 * Differential cases: every folder under tests/kamailio/cases/ (kamailio.cfg, traffic.json,
 * README.md) runs through kamsim and through the real Kamailio 5.6 on loopback with the same
 * requests at the same times; the normalised logs, the replies and pike's first refusals must
 * agree (see harness/compare.ts for what is compared, harness/normalize.ts for what is not).
 * Cases run one after another, each for its traffic's duration in real time. `FILTER=text`
 * selects cases by name.
 *
 * A case marked `knownDeviation` in its case.json still runs; it passes only while it differs
 * exactly as declared (harness/verdict.ts). With `KAMSIM_CONFORMANCE_REPORT=file`, each case's
 * summary is appended to that file as one JSON line (read by scripts/conformance.js).
 */
import { appendFileSync, existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { describeNeeding } from "../support/needs.js";
import { stopAllKamailios } from "./harness/kamailio-process.js";
import { type CaseResult, runDifferentialCase } from "./harness/run-case.js";
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
/**
 * A case that disagrees after the machine stalled the harness longer than this (seconds) while
 * Kamailio ran is run again, at most RUNS times in all (see harness/stalls.ts); every run is
 * reported. A case that disagrees without such a stall fails at once.
 */
const STALL_LIMIT = 0.05;
const RUNS = 3;

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
  afterEach(async () => {
    await stopAllKamailios();
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

  for (const name of cases) {
    // Up to RUNS runs of the case in real time, each with Kamailio's start and stop around it.
    const duration = Number(JSON.parse(readFileSync(join(root, name, "traffic.json"), "utf8")).duration ?? 30);
    it(name, { timeout: Math.max(180_000, RUNS * (duration + 20) * 1000) }, async () => {
      const stalled: number[] = [];
      let r = await runDifferentialCase(join(root, name));
      while (verdictProblems(r).length > 0 && r.maxStall > STALL_LIMIT && stalled.length < RUNS - 1) {
        console.log(
          `differential ${name}: disagreed after the machine stalled ${(r.maxStall * 1000).toFixed(0)} ms, running it again:\n  ${verdictProblems(r).slice(0, 5).join("\n  ")}`,
        );
        stalled.push(r.maxStall);
        await stopAllKamailios();
        r = await runDifferentialCase(join(root, name));
      }
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
    });
  }
});
