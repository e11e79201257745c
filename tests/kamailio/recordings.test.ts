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
 *   differential suite does. The longest cases with no user agents run meanwhile in a child
 *   process, their sources mapped apart (harness/recordings-side.ts). `RECORD=1` stores the fresh
 *   runs as the recordings instead, all in this process (then read the diff). `FILTER=text`
 *   selects cases by path.
 */
import { existsSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { describeNeeding } from "../support/needs.js";
import { FIRST_SECOND_BYTE, loopbackPlan, SIDE_SECOND_BYTE } from "./harness/address-map.js";
import { stopAllKamailios } from "./harness/kamailio-process.js";
import { runKamsim } from "./harness/kamsim-run.js";
import { agentsOf } from "./harness/play-agents.js";
import { warmUp } from "./harness/record-case.js";
import { recordWithReruns, tolerance } from "./harness/record-with-reruns.js";
import { type RecordedCase, recordedCases } from "./harness/recorded-cases.js";
import { readRecording, writeRecording } from "./harness/recording.js";
import { kamsimAgainstRecording, kamsimOnLoopback, mappingChanges } from "./harness/recording-compare.js";
import { recheckBeside, runsBeside, type SideOutcome } from "./harness/recordings-side.js";
import { caseConfig, readPlan } from "./harness/run-case.js";
import { planArrivals } from "./harness/sender.js";
import { verdictProblems } from "./harness/verdict.js";
import { KAMAILIO_NEED, kamailioAvailability } from "./kamailio.js";

const all = recordedCases();
const cases = all.filter((c) => !process.env.FILTER || c.name.includes(process.env.FILTER));
const recordMode = Boolean(process.env.RECORD);
const kam = kamailioAvailability();

const readme = (c: RecordedCase) => readFileSync(join(c.dir, "README.md"), "utf8");
const render = (rs: readonly { t: number; proc: number; text: string }[]) =>
  rs.map((r) => `[${r.t.toFixed(3)}] ${String(r.proc).padStart(2)}| ${r.text}\n`).join("");

/** Whether a case runs in the side lane (harness/recordings-side.ts); never when recording. */
function beside(c: RecordedCase): boolean {
  if (recordMode) return false;
  try {
    return runsBeside(c, caseConfig(c.dir, c.options));
  } catch {
    return false; // its config is missing (Debian's stock config without Kamailio): not run at all
  }
}

/** Every `src:sport` a case's requests are sent from, its sources mapped from `first`. */
function socketsOf(c: RecordedCase, first: number): Set<string> {
  const { plan } = loopbackPlan(readPlan(c.dir), first);
  return new Set(planArrivals(plan, plan.seed).map((a) => `${a.src}:${a.sport}`));
}

// Runs first, so that with RECORD=1 the offline comparisons below read the new recordings.
describeNeeding(KAMAILIO_NEED, kam, `recordings re-checked on the real Kamailio 5.6`, () => {
  const live = cases.filter((x) => !x.options.notRecorded);
  const side = live.filter(beside);
  const main = live.filter((c) => !side.includes(c));
  let sideOutcomes = new Map<string, Promise<SideOutcome>>();
  beforeAll(async () => {
    sideOutcomes = recheckBeside(side);
    await warmUp();
  }, 30_000);
  afterEach(async () => {
    await stopAllKamailios();
  });

  it("runs beside the others only long cases with no user agents, whose sockets no other case uses", () => {
    if (recordMode) return;
    const others = all.filter((c) => !c.options.notRecorded && !side.includes(c));
    for (const c of side) {
      expect(agentsOf(readPlan(c.dir)), c.name).toEqual([]);
      const mine = socketsOf(c, SIDE_SECOND_BYTE);
      for (const o of others)
        for (const sock of socketsOf(o, FIRST_SECOND_BYTE))
          expect(mine.has(sock), `${c.name} (side lane) and ${o.name} both send from ${sock}`).toBe(false);
    }
  });

  for (const c of main) {
    it(c.name, { timeout: 300_000 }, async () => {
      if (!recordMode) expect(existsSync(c.recording), `${c.recording} is missing: record it with RECORD=1`).toBe(true);
      const { run, problems, summary } = await recordWithReruns(c, recordMode, (line) => console.log(line));
      console.log(summary);
      if (recordMode) writeRecording(c.recording, run.recording);
      const context = `\n--- fresh Kamailio\n${render(run.recording.records)}`;
      expect(problems, problems.length ? context : "").toEqual([]);
    });
  }
  // Started with the suite; by now they have had all the other cases' time.
  for (const c of side) {
    it(`${c.name} (run beside the others)`, { timeout: 900_000 }, async () => {
      expect(existsSync(c.recording), `${c.recording} is missing: record it with RECORD=1`).toBe(true);
      const outcome = sideOutcomes.get(c.name);
      if (!outcome) throw new Error(`${c.name} was not started beside the others`);
      const { problems, summary, rendered } = await outcome;
      console.log(summary);
      expect(problems, problems.length ? `\n--- fresh Kamailio\n${rendered}` : "").toEqual([]);
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
      const defines = c.options.defines ?? [];
      const { kamsim: sim } = kamsimOnLoopback(config, plan, undefined, defines);
      const changes = mappingChanges(runKamsim(config, plan, plan.seed, { defines }), sim);
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
