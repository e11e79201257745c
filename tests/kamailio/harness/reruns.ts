/**
 * A differential case run as the suite runs it: a case that disagrees after the machine stalled
 * the harness longer than STALL_LIMIT while Kamailio ran is run again, RUNS runs at most in all
 * (see stalls.ts); a case that disagrees without such a stall is not run again.
 */
import { stopAllKamailios } from "./kamailio-process.js";
import { type CaseResult, runDifferentialCase } from "./run-case.js";
import { verdictProblems } from "./verdict.js";

/** Seconds: a disagreement after a longer stall runs the case again. */
export const STALL_LIMIT = 0.05;
export const RUNS = 3;

/** The last run's result, and the longest stall of each run that was done again. */
export interface CaseOutcome {
  result: CaseResult;
  stalled: number[];
}

export async function runCaseWithReruns(dir: string, say: (line: string) => void): Promise<CaseOutcome> {
  const stalled: number[] = [];
  let r = await runDifferentialCase(dir);
  while (verdictProblems(r).length > 0 && r.maxStall > STALL_LIMIT && stalled.length < RUNS - 1) {
    say(
      `differential ${r.name}: disagreed after the machine stalled ${(r.maxStall * 1000).toFixed(0)} ms, running it again:\n  ${verdictProblems(r).slice(0, 5).join("\n  ")}`,
    );
    stalled.push(r.maxStall);
    await stopAllKamailios();
    r = await runDifferentialCase(dir);
  }
  return { result: r, stalled };
}
