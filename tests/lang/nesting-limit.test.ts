/**
 * Deep nesting never overflows the host's stack: past the parser's nesting limit (cursor.ts
 * MAX_NESTING) the config is refused with "memory exhausted" at the place, as Kamailio's bison
 * parser stops when its stack is full; below it, every phase (checker, program build, evaluation)
 * runs. Depths are taken from MAX_NESTING so that the test follows the limit.
 */
import { describe, expect, it } from "vitest";
import { compileConfig, placeDiagnostics } from "../../src/engine/index.js";
import { MAX_NESTING } from "../../src/engine/lang/cursor.js";
import { runEngine } from "../support/engine.js";

const HEAD = 'loadmodule "pv.so"\nloadmodule "xlog.so"\ndebug=2\nrequest_route {\n';
const TAIL = '    xlog("L_NOTICE", "x=$var(x)\\n");\n}\n';
const traffic = {
  duration: 1,
  streams: [{ name: "s", src: "192.0.2.1", method: "OPTIONS", rate: 1, pattern: "uniform", start: 0.5 }],
};

const parens = (n: number) => `${HEAD}    $var(x) = ${"(".repeat(n)}1${")".repeat(n)};\n${TAIL}`;
const sum = (n: number) => `${HEAD}    $var(y) = 1;\n    $var(x) = $var(y)${" + $var(y)".repeat(n - 1)};\n${TAIL}`;
const nots = (n: number) => `${HEAD}    $var(y) = 1;\n    $var(x) = ${"!".repeat(n)}$var(y);\n${TAIL}`;
const rightSum = (n: number) => `${HEAD}    $var(x) = ${"(1 + ".repeat(n)}1${")".repeat(n)};\n${TAIL}`;
const ifs = (n: number) =>
  `${HEAD}    $var(x) = 0;\n${"if ($var(x) == 0) {\n".repeat(n)}$var(x) = 5;\n${"}\n".repeat(n)}${TAIL}`;
const switches = (n: number) =>
  `${HEAD}    $var(x) = 0;\n${"switch ($var(x)) {\ncase 0:\n".repeat(n)}$var(x) = 5;\n${"}\n".repeat(n)}${TAIL}`;

/** The config's diagnostics as `line:col message`. */
function problems(text: string): string[] {
  const r = compileConfig(text);
  return placeDiagnostics(r.diagnostics, r.front.files).map((d) => `${d.line}:${d.col} ${d.message}`);
}

describe("nesting past the parser's limit", () => {
  it("2,000 nested ifs: one 'memory exhausted' at the if that goes past the limit, no stack overflow", () => {
    const p = problems(ifs(2000));
    expect(p).toHaveLength(1);
    // Line 6 holds the first if; each if opens a statement, its condition two more levels (the
    // expression and its parentheses) and its `==` one: the condition of if number
    // MAX_NESTING - 2 goes past the limit at its `==` (column 13).
    const line = 6 + MAX_NESTING - 3;
    expect(p[0]).toBe(`${line}:13 memory exhausted`);
  });

  it("a 5,000-term sum: 'memory exhausted' at the operator that goes past the limit", () => {
    const p = problems(sum(5000));
    expect(p).toHaveLength(1);
    // `    $var(x) = $var(y)` is 21 characters, each ` + $var(y)` 10; the statement and the
    // expression hold two levels, so the operator number MAX_NESTING - 1 is refused.
    const col = 21 + (MAX_NESTING - 2) * 10 + 2;
    expect(p[0]).toBe(`6:${col} memory exhausted`);
  });

  it("5,000 nested parentheses, 5,000 nots, 5,000 right-nested sums, 2,000 switches: one error each", () => {
    for (const text of [parens(5000), nots(5000), rightSum(5000), switches(2000)]) {
      const p = problems(text);
      expect(p).toHaveLength(1);
      expect(p[0]).toMatch(/^\d+:\d+ memory exhausted$/);
    }
  });

  it("after the limit the parse stops, as bison's does: no error from the text after it", () => {
    const text = `${ifs(2000)}route[X] {\n    $var(a) = ;\n}\n`;
    expect(problems(text)).toHaveLength(1);
  });
});

describe("nesting up to the limit", () => {
  it("the deepest parentheses the limit accepts are evaluated (Kamailio 5.6.3 accepts ~9,990)", () => {
    // The route's statement and the assignment's expression hold two levels.
    const n = MAX_NESTING - 2;
    // One more: the expression inside the last `(` is refused, at its first token (the `1`).
    expect(problems(parens(n + 1))).toEqual([`5:${14 + n + 2} memory exhausted`]);
    expect(runEngine(parens(n), traffic).lines.filter((l) => l.endsWith("x=1"))).toHaveLength(1);
  });

  it("the deepest sum, not-chain and right-nested sum the limit accepts compile and evaluate", () => {
    const n = MAX_NESTING - 2;
    expect(runEngine(sum(n), traffic).lines.filter((l) => l.endsWith(`x=${n}`))).toHaveLength(1);
    expect(
      runEngine(nots(n - 1), traffic).lines.filter((l) => l.endsWith(`x=${(n - 1) % 2 === 0 ? 1 : 0}`)),
    ).toHaveLength(1);
    const m = Math.floor((MAX_NESTING - 2) / 2) - 1;
    expect(runEngine(rightSum(m), traffic).lines.filter((l) => l.endsWith(`x=${m + 1}`))).toHaveLength(1);
  });

  it("the deepest ifs and switches the limit accepts run", () => {
    // 295 ifs pass Kamailio's 257 levels of run_actions() (core/action.c): it gives up there.
    const deepIfs = ifs(MAX_NESTING - 6);
    expect(problems(deepIfs)).toEqual([]);
    const r = runEngine(deepIfs, traffic);
    expect(r.lines.filter((l) => l.includes("too many recursive routing table lookups (257)"))).toHaveLength(1);
    expect(r.lines.filter((l) => l.endsWith("x=0"))).toHaveLength(1);
    const deepSwitches = switches(Math.floor(MAX_NESTING / 2) - 4);
    expect(problems(deepSwitches)).toEqual([]);
    expect(runEngine(deepSwitches, traffic).lines.filter((l) => l.endsWith("x=5"))).toHaveLength(1);
  });
});
