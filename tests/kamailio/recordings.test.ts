/**
 * Recordings of the real Kamailio 5.6.3 for every golden case (tests/golden/<area>/<case>/) and
 * every example (examples/<name>/): `recording.jsonl` beside expected.log holds what Kamailio
 * printed and answered, normalised as the differential harness normalises it
 * (harness/recording.ts; documented in README.md, "Recordings").
 *
 * - Offline, always: kamsim's current run of each case is compared with its stored recording by
 *   the differential suite's rules (harness/compare.ts), so expected.log, which the golden test
 *   holds kamsim to, is tied to what Kamailio printed. kamsim runs the traffic as Kamailio got it
 *   (sources mapped into 127.0.0.0/8, its output mapped back) and must print exactly what it
 *   prints for the case as written, unless case.json declares `addressMapping` (why not). A case kamsim cannot agree with declares
 *   `knownDeviation` and `differs` in its case.json (harness/verdict.ts); a case Kamailio cannot
 *   run declares `notRecorded` and has no recording.
 * - With Kamailio installed: each case runs on it again (sources mapped into 127.0.0.0/8, HTTP
 *   endpoints served on 127.0.0.1) and the fresh run is compared with the stored recording, so a
 *   recording cannot go stale; a disagreement after a machine stall is run again, as the
 *   differential suite does. `RECORD=1` stores the fresh runs as the recordings instead (then read
 *   the diff). `FILTER=text` selects cases by path.
 */
import { existsSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { describeNeeding } from "../support/needs.js";
import { stopAllKamailios } from "./harness/kamailio-process.js";
import { runKamsim } from "./harness/kamsim-run.js";
import { type RecordedRun, recordCase, warmUp } from "./harness/record-case.js";
import { type RecordedCase, recordedCases } from "./harness/recorded-cases.js";
import { readRecording, writeRecording } from "./harness/recording.js";
import {
  freshAgainstRecording,
  kamsimAgainstRecording,
  kamsimOnLoopback,
  mappingChanges,
} from "./harness/recording-compare.js";
import { caseConfig, readPlan } from "./harness/run-case.js";
import { verdictProblems } from "./harness/verdict.js";
import { KAMAILIO_NEED, kamailioAvailability } from "./kamailio.js";

const all = recordedCases();
const cases = all.filter((c) => !process.env.FILTER || c.name.includes(process.env.FILTER));
const recordMode = Boolean(process.env.RECORD);
const kam = kamailioAvailability();
const DEFAULT_TOLERANCE = 0.15;
/** As in differential.test.ts: a disagreement after a stall longer than this (s) runs again, RUNS runs in all. */
const STALL_LIMIT = 0.05;
const RUNS = 3;

const readme = (c: RecordedCase) => readFileSync(join(c.dir, "README.md"), "utf8");
const tolerance = (c: RecordedCase) => c.options.tolerance ?? DEFAULT_TOLERANCE;
const render = (rs: readonly { t: number; proc: number; text: string }[]) =>
  rs.map((r) => `[${r.t.toFixed(3)}] ${String(r.proc).padStart(2)}| ${r.text}\n`).join("");

/** Problems of a fresh run compared with kamsim (record mode) or with the stored recording. */
function problemsOf(c: RecordedCase, run: RecordedRun): string[] {
  const setup = [...run.setup, ...run.deviations.map((d) => `source port not bound as planned: ${d}`)];
  if (recordMode) {
    const cmp = kamsimAgainstRecording(run.kamsim, run.plan, run.recording, tolerance(c));
    return [...setup, ...verdictProblems({ disagreements: cmp.disagreements, deviations: [], options: c.options })];
  }
  // Both runs carry the harness's timing error (each within `tolerance` of kamsim's time when
  // recorded and when agreeing), so two real runs may be twice that apart.
  const stored = readRecording(c.recording);
  const cmp = freshAgainstRecording(run.recording, stored, run.kamsim.workers, 2 * tolerance(c));
  return [...setup, ...cmp.disagreements.map((d) => `${d.kind}: ${d.text}`)];
}

// Runs first, so that with RECORD=1 the offline comparisons below read the new recordings.
describeNeeding(KAMAILIO_NEED, kam, `recordings re-checked on the real Kamailio 5.6`, () => {
  beforeAll(warmUp, 30_000);
  afterEach(async () => {
    await stopAllKamailios();
  });
  for (const c of cases.filter((x) => !x.options.notRecorded)) {
    it(c.name, { timeout: 300_000 }, async () => {
      if (!recordMode) expect(existsSync(c.recording), `${c.recording} is missing: record it with RECORD=1`).toBe(true);
      const stalls: number[] = [];
      let run = await recordCase(c.dir, c.options);
      while (problemsOf(c, run).length > 0 && run.recording.meta.maxStall > STALL_LIMIT && stalls.length < RUNS - 1) {
        console.log(
          `recording ${c.name}: disagreed after the machine stalled ${(run.recording.meta.maxStall * 1000).toFixed(0)} ms, running it again:\n  ${problemsOf(c, run).slice(0, 5).join("\n  ")}`,
        );
        stalls.push(run.recording.meta.maxStall);
        await stopAllKamailios();
        run = await recordCase(c.dir, c.options);
      }
      const m = run.recording.meta;
      console.log(
        `recording ${c.name}: ${run.seconds.toFixed(2)} s, ${run.recording.requests.length} requests, ` +
          `${run.recording.records.length} lines, longest stall ${(m.maxStall * 1000).toFixed(0)} ms, load ${m.load}`,
      );
      const problems = problemsOf(c, run);
      if (recordMode) writeRecording(c.recording, run.recording);
      const context = `\n--- fresh Kamailio\n${render(run.recording.records)}`;
      expect(problems, problems.length ? context : "").toEqual([]);
    });
  }
});

describe("recordings of the real Kamailio (offline)", () => {
  it("every golden case and example has a recording, or says in case.json and README why Kamailio cannot run it", () => {
    for (const c of all) {
      const text = readme(c);
      expect(text, `${c.name}/README.md`).not.toMatch(/\bverified\b|\/work\/shared|^Spec: /im);
      if (c.options.notRecorded) {
        expect(existsSync(c.recording), `${c.name}: notRecorded, yet it has a recording`).toBe(false);
        expect(text, `${c.name}/README.md`).toMatch(/^Not recorded on Kamailio/m);
        expect(text, `${c.name}/README.md`).not.toMatch(/Recorded on Kamailio/);
      } else {
        expect(existsSync(c.recording), `${c.recording} is missing`).toBe(true);
        expect(text, `${c.name}/README.md`).toContain(`Recorded on Kamailio 5.6.3: \`${basename(c.recording)}\``);
      }
    }
  });

  for (const c of cases.filter((x) => !x.options.notRecorded && existsSync(x.recording))) {
    it(c.name, () => {
      const rec = readRecording(c.recording);
      expect(rec.meta.kamailio).toMatch(/^version: kamailio 5\.6\.3 /);
      const plan = readPlan(c.dir);
      const config = caseConfig(c.dir, c.options);
      const { kamsim: sim } = kamsimOnLoopback(config, plan);
      const changes = mappingChanges(runKamsim(config, plan, plan.seed), sim);
      if (c.options.addressMapping)
        expect(changes, `addressMapping declared, yet the mapped sources change nothing: remove it`).not.toEqual([]);
      else expect(changes, "the loopback sources change kamsim's run: declare addressMapping").toEqual([]);
      const cmp = kamsimAgainstRecording(sim, plan, rec, tolerance(c));
      const problems = verdictProblems({ disagreements: cmp.disagreements, deviations: [], options: c.options });
      if (c.options.knownDeviation)
        console.log(
          `recording ${c.name}: known deviation (${c.options.knownDeviation}):\n  ${cmp.disagreements.map((d) => `${d.kind}: ${d.text}`).join("\n  ")}`,
        );
      expect(problems, problems.length ? `\n--- Kamailio (recorded)\n${render(rec.records)}` : "").toEqual([]);
    });
  }
});
