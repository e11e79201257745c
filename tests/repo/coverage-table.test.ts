/**
 * The README's coverage table is what scripts/coverage-table.ts makes of the engine's catalogue
 * now: a function or PV made simulated (or a module added) without regenerating it fails here.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { coverageMarkdown, END, REGENERATE, ROOT, START, withCoverage } from "../../scripts/coverage-table.js";

describe("README coverage table", () => {
  it("matches the engine's catalogue", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const current = withCoverage(readme, coverageMarkdown());
    const section = (text: string) => text.slice(text.indexOf(START), text.indexOf(END));
    expect(section(readme), `README.md's coverage table is stale: run \`${REGENERATE}\``).toBe(section(current));
  });

  it("replaces only what lies between the markers", () => {
    const text = `a\n${START}\nold\n${END}\nb\n`;
    expect(withCoverage(text, "new\n")).toBe(`a\n${START}\nnew\n${END}\nb\n`);
    expect(() => withCoverage("no markers", "x")).toThrow(/markers/);
  });
});
