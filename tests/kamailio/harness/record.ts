/**
 * Runs golden cases and examples on the real Kamailio and compares each run with kamsim and
 * with the stored recording: `npx tsx tests/kamailio/harness/record.ts [--write] [--logs] FILTER...`
 * (a case is taken when its path contains one of the FILTER texts; none: all). `--write` stores
 * the fresh run as the case's recording.jsonl (what `RECORD=1 npx vitest run
 * tests/kamailio/recordings.test.ts` does for the cases it runs).
 */
import { existsSync } from "node:fs";
import { stopAllKamailios } from "./kamailio-process.js";
import { recordCase, warmUp } from "./record-case.js";
import { recordedCases } from "./recorded-cases.js";
import { readRecording, writeRecording } from "./recording.js";
import { freshAgainstRecording, kamsimAgainstRecording } from "./recording-compare.js";

const args = process.argv.slice(2);
const write = args.includes("--write");
const logs = args.includes("--logs");
const filters = args.filter((a) => !a.startsWith("--"));
await warmUp();
for (const c of recordedCases()) {
  if (filters.length > 0 && !filters.some((f) => c.name.includes(f))) continue;
  if (c.options.notRecorded) {
    console.log(`${c.name}: not recorded (${c.options.notRecorded})`);
    continue;
  }
  try {
    const run = await recordCase(c.dir, c.options);
    const tolerance = c.options.tolerance ?? 0.15;
    const cmp = kamsimAgainstRecording(run.kamsim, run.plan, run.recording, tolerance);
    const m = run.recording.meta;
    console.log(
      `${c.name}: kamsim ${cmp.disagreements.length} disagreement(s), ${cmp.matched} lines matched ` +
        `(Kamailio ${run.recording.records.length}); ${run.recording.requests.length} requests; ` +
        `max skew ${(cmp.maxSkew * 1000).toFixed(1)} ms; stall ${(m.maxStall * 1000).toFixed(0)} ms; ` +
        `lateness ${(m.maxLateness * 1000).toFixed(1)} ms; load ${m.load}; ${run.seconds.toFixed(1)} s`,
    );
    for (const d of run.deviations) console.log(`  deviation: ${d}`);
    for (const s of run.setup) console.log(`  setup: ${s}`);
    for (const d of cmp.disagreements) console.log(`  ${d.kind}: ${d.text}`);
    if (existsSync(c.recording)) {
      const stored = readRecording(c.recording);
      const vs = freshAgainstRecording(run.recording, stored, run.kamsim.workers, 2 * tolerance);
      console.log(`  against the stored recording: ${vs.disagreements.length} disagreement(s)`);
      for (const d of vs.disagreements) console.log(`    ${d.kind}: ${d.text}`);
    }
    if (logs)
      for (const r of run.recording.records)
        console.log(`  [${r.t.toFixed(3)}] ${String(r.proc).padStart(2)}| ${r.text}`);
    if (write) writeRecording(c.recording, run.recording);
  } catch (e) {
    console.log(`${c.name}: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  } finally {
    await stopAllKamailios();
  }
}
