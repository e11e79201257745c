/**
 * A missing tool fails CI: with Debian's kamailio (or chromium) made unreachable — `/bin/false`
 * mounted over the binary in a private mount namespace, so nothing outside this test sees it —
 * a suite that needs it fails under `CI=true`, naming what is missing, and is skipped with the
 * reason outside CI. Needs root (as CI runs) for the mount namespace.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { describeNeeding, inCi } from "./needs.js";

const root = process.getuid?.() === 0;
const unshare = spawnSync("unshare", ["--version"]).status === 0;

/** Runs one vitest file with `binary` replaced by /bin/false; returns its JSON report. */
function runWithout(binary: string, file: string, ci: boolean) {
  const script = `mount --bind /bin/false ${binary} && exec npx vitest run ${file} --reporter=json`;
  const env = { ...process.env, CI: ci ? "true" : "" };
  const r = spawnSync("unshare", ["-m", "bash", "-c", script], { encoding: "utf8", env, timeout: 120_000 });
  const json = r.stdout.slice(r.stdout.indexOf("{"));
  return { status: r.status, report: JSON.parse(json) as VitestReport };
}

interface VitestReport {
  numFailedTests: number;
  numPassedTests: number;
  numPendingTests: number;
  testResults: { assertionResults: { status: string; title: string; failureMessages: string[] }[] }[];
}

const messages = (r: VitestReport) =>
  r.testResults.flatMap((f) => f.assertionResults.flatMap((t) => t.failureMessages));

describeNeeding(
  "root and unshare (to hide a binary in a private mount namespace)",
  root && unshare ? { ok: true } : { ok: false, reason: root ? "unshare not found" : "not root" },
  "a missing tool in CI",
  () => {
    it("fails the Kamailio suites under CI=true, naming Kamailio", () => {
      const { status, report } = runWithout("/usr/sbin/kamailio", "tests/kamailio/check-parity.test.ts", true);
      expect(status).not.toBe(0);
      expect(report.numFailedTests).toBe(1);
      expect(report.numPassedTests + report.numPendingTests).toBe(0);
      expect(messages(report).join("\n")).toMatch(/Kamailio 5\.6 \(Debian package kamailio.*\) is missing/);
    });

    it("fails the browser suites under CI=true, naming Chromium", () => {
      const { status, report } = runWithout("/usr/bin/chromium", "tests/e2e/playground.test.ts", true);
      expect(status).not.toBe(0);
      expect(report.numFailedTests).toBe(1);
      expect(messages(report).join("\n")).toMatch(/Chromium \(Debian package chromium.*\) is missing/);
    });

    it("skips them outside CI, without failing", () => {
      const { status, report } = runWithout("/usr/sbin/kamailio", "tests/kamailio/check-parity.test.ts", false);
      expect(status).toBe(0);
      expect(report.numFailedTests).toBe(0);
      expect(report.numPendingTests).toBeGreaterThan(10);
    });
  },
);

describe("inCi", () => {
  it("reads CI as the CI services set it", () => {
    const saved = process.env.CI;
    try {
      for (const [v, want] of [
        ["true", true],
        ["1", true],
        ["", false],
        ["0", false],
        ["false", false],
      ] as const) {
        process.env.CI = v;
        expect(inCi()).toBe(want);
      }
    } finally {
      if (saved === undefined) delete process.env.CI;
      else process.env.CI = saved;
    }
  });
});

describe("skips", () => {
  it("are declared only through describeNeeding, so CI can fail them", () => {
    const files = execFileSync("git", ["ls-files", "-co", "--exclude-standard", "src", "tests", "cli"], {
      encoding: "utf8",
    })
      .split("\n")
      .filter((f) => /\.tsx?$/.test(f) && f !== "tests/support/needs.ts" && f !== "tests/support/needs.test.ts");
    const skip = /\b(describe|it|test)\.(skip|todo|skipIf|runIf)\b|\bctx\.skip\(/;
    const found = files.flatMap((f) => {
      let text = "";
      try {
        text = readFileSync(f, "utf8");
      } catch {
        return []; // deleted in the work tree
      }
      return text.split("\n").flatMap((line, i) => (skip.test(line) ? [`${f}:${i + 1}: ${line.trim()}`] : []));
    });
    expect(found).toEqual([]);
  });
});
