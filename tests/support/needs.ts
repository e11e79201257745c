/**
 * Suites that need something outside Node (Debian's kamailio, Debian's chromium, a file of a
 * Debian package) declare it here. Where it is missing, outside CI the suite is skipped and its
 * title says why; in CI (`CI` set, as `.ci/run` sets it) a skipped suite would hide a broken
 * proof, so the suite becomes one failing test that names what is missing instead.
 */
import { describe, it } from "vitest";

/** Whether a tool can be used here, and why not. */
export type Availability = { ok: true } | { ok: false; reason: string };

/** True when running in CI, where nothing may be skipped. */
export function inCi(): boolean {
  const ci = process.env.CI;
  return ci !== undefined && ci !== "" && ci !== "0" && ci !== "false";
}

/**
 * `describe(title, body)` when `need` is available. When it is not: in CI a suite with one test
 * that fails with "<what> is missing: <reason>"; elsewhere a skipped suite whose title carries the
 * reason (the test runner prints it on its closing line).
 */
export function describeNeeding(what: string, need: Availability, title: string, body: () => void): void {
  if (need.ok) {
    describe(title, body);
    return;
  }
  const reason = need.reason;
  if (inCi()) {
    describe(title, () => {
      it(`needs ${what}`, () => {
        throw new Error(`${what} is missing: ${reason}. In CI a suite may not be skipped.`);
      });
    });
    return;
  }
  describe.skip(`${title} (skipped: ${what} is missing: ${reason})`, body);
}
