/**
 * Golden cases: every folder under tests/golden/<area>/<case>/ and every example under
 * examples/<name>/ runs and must print exactly its expected.log. `FILTER=text` selects cases
 * by path; `UPDATE_GOLDEN=1` rewrites expected.log (then read the diff like any other change).
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { findCases } from "../support/cases.js";
import { runCase } from "./run-case.js";

const root = join(import.meta.dirname, "..", "..");

const cases = [...findCases(join(root, "tests", "golden")), ...findCases(join(root, "examples"))].filter(
  (c) => !process.env.FILTER || c.includes(process.env.FILTER),
);

describe("golden cases", () => {
  it("there are at least 50 of them", () => {
    if (process.env.FILTER) return;
    expect(findCases(join(root, "tests", "golden")).length).toBeGreaterThanOrEqual(50);
  });
  for (const dir of cases) {
    it(relative(root, dir), () => {
      const got = runCase(dir);
      const file = join(dir, "expected.log");
      if (process.env.UPDATE_GOLDEN) writeFileSync(file, got);
      expect(existsSync(file), `${file} is missing: run with UPDATE_GOLDEN=1, then read it`).toBe(true);
      expect(got).toBe(readFileSync(file, "utf8"));
    });
  }
});
