/**
 * One recorded case re-checked on the real Kamailio as recordings.test.ts does it: a fresh run
 * compared with the stored recording (or, recording, with kamsim), run again while it disagrees
 * after the machine stalled the harness longer than STALL_LIMIT, RUNS runs at most (as the
 * differential suite does, reruns.ts).
 */
import { stopAllKamailios } from "./kamailio-process.js";
import { type RecordedRun, recordCase } from "./record-case.js";
import type { RecordedCase } from "./recorded-cases.js";
import { readRecording } from "./recording.js";
import { freshAgainstRecording, kamsimAgainstRecording } from "./recording-compare.js";
import { RUNS, STALL_LIMIT } from "./reruns.js";
import { verdictProblems } from "./verdict.js";

const DEFAULT_TOLERANCE = 0.15;
export const tolerance = (c: RecordedCase) => c.options.tolerance ?? DEFAULT_TOLERANCE;

/** Problems of a fresh run compared with kamsim (`recording`: record mode) or with the stored recording. */
export function problemsOf(c: RecordedCase, run: RecordedRun, recording: boolean): string[] {
  const setup = [...run.setup, ...run.deviations.map((d) => `source port not bound as planned: ${d}`)];
  if (recording) {
    const cmp = kamsimAgainstRecording(run.kamsim, run.plan, run.recording, tolerance(c));
    return [...setup, ...verdictProblems({ disagreements: cmp.disagreements, deviations: [], options: c.options })];
  }
  // Both runs carry the harness's timing error (each within `tolerance` of kamsim's time when
  // recorded and when agreeing), so two real runs may be twice that apart.
  const stored = readRecording(c.recording);
  const cmp = freshAgainstRecording(run.recording, stored, run.kamsim.workers, 2 * tolerance(c));
  return [...setup, ...cmp.disagreements.map((d) => `${d.kind}: ${d.text}`)];
}

/** What the suite prints and asserts of one case's last run. */
export interface RecheckOutcome {
  run: RecordedRun;
  problems: string[];
  /** The summary line (time, requests, lines, stall, load). */
  summary: string;
}

/** The case recorded afresh, again after stalls; `first`: the lane's mapped second byte (address-map.ts). */
export async function recordWithReruns(
  c: RecordedCase,
  recording: boolean,
  say: (line: string) => void,
  first?: number,
): Promise<RecheckOutcome> {
  const stalls: number[] = [];
  let run = await recordCase(c.dir, c.options, first);
  let problems = problemsOf(c, run, recording);
  while (problems.length > 0 && run.recording.meta.maxStall > STALL_LIMIT && stalls.length < RUNS - 1) {
    say(
      `recording ${c.name}: disagreed after the machine stalled ${(run.recording.meta.maxStall * 1000).toFixed(0)} ms, running it again:\n  ${problems.slice(0, 5).join("\n  ")}`,
    );
    stalls.push(run.recording.meta.maxStall);
    await stopAllKamailios();
    run = await recordCase(c.dir, c.options, first);
    problems = problemsOf(c, run, recording);
  }
  const m = run.recording.meta;
  const summary =
    `recording ${c.name}: ${run.seconds.toFixed(2)} s, ${run.recording.requests.length} requests, ` +
    `${run.recording.records.length} lines, longest stall ${(m.maxStall * 1000).toFixed(0)} ms, load ${m.load}`;
  return { run, problems, summary };
}
