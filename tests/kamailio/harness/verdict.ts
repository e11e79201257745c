/**
 * A case's verdict from its comparison: it agrees (no disagreement), or it is a known deviation
 * that still differs exactly as its `case.json` declares, or it fails. A known deviation is
 * never skipped: it runs, its disagreements are reported, and once kamsim is fixed (or the
 * difference changes) the verdict turns into a failure until the marker is updated.
 */
import type { CaseResult } from "./run-case.js";

export type Verdict =
  /** Every comparison agrees. */
  | "agrees"
  /** Declared known deviation, still differing exactly as declared. */
  | "known deviation"
  /** Disagreements not declared (or a declared deviation that no longer differs as said). */
  | "fails";

/** What a verdict looks at: a differential case's result, or a golden case against its recording. */
export type Judged = Pick<CaseResult, "disagreements" | "deviations"> & {
  options: Pick<CaseResult["options"], "knownDeviation" | "differs">;
};

/** One line per disagreement, as `differs` patterns see it. */
export const disagreementTexts = (r: Judged): string[] => r.disagreements.map((d) => `${d.kind}: ${d.text}`);

/** What is wrong with a case's result; empty when its verdict is not `fails`. */
export function verdictProblems(r: Judged): string[] {
  const found = disagreementTexts(r);
  const problems: string[] = r.deviations.map((d) => `source port not bound as planned: ${d}`);
  const reason = r.options.knownDeviation;
  if (!reason) return [...problems, ...found];
  const patterns = (r.options.differs ?? []).map((p) => new RegExp(p));
  if (patterns.length === 0) problems.push("knownDeviation without `differs` patterns saying how it differs");
  if (found.length === 0) problems.push(`declared known deviation no longer differs (remove the marker): ${reason}`);
  for (const f of found) if (!patterns.some((p) => p.test(f))) problems.push(`undeclared disagreement: ${f}`);
  for (const p of patterns)
    if (found.length > 0 && !found.some((f) => p.test(f))) problems.push(`declared difference not seen: /${p.source}/`);
  return problems;
}

/** The case's verdict. */
export function verdictOf(r: Judged): Verdict {
  if (verdictProblems(r).length > 0) return "fails";
  return r.options.knownDeviation ? "known deviation" : "agrees";
}
