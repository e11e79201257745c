/**
 * Golden cases: every folder under tests/golden/<area>/<case>/ and every example under
 * examples/<name>/ runs and must print exactly its expected.log. `FILTER=text` selects cases
 * by path; `UPDATE_GOLDEN=1` rewrites expected.log (then read the diff like any other change).
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { runCase } from "./run-case.js";

const root = join(import.meta.dirname, "..", "..");

/** Folders holding a kamailio.cfg and a traffic.json, below `dir`. */
function findCases(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (!statSync(p).isDirectory()) continue;
    if (existsSync(join(p, "kamailio.cfg")) && existsSync(join(p, "traffic.json"))) out.push(p);
    else out.push(...findCases(p));
  }
  return out;
}

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
