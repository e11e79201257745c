/**
 * The nesting limit (cursor.ts MAX_NESTING) leaves room on the smallest stack the engine runs on:
 * the playground's Web Worker, whose stack in Chromium holds about 4,900 frames against Node's
 * 10,500. The deepest config of each shape is compiled and run in a Node whose stack is 30% of
 * the default (--stack-size=300): a phase that gains recursion frames fails here first.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SHAPES } from "./nesting/deepest.js";

const root = join(import.meta.dirname, "..", "..");

describe("the nesting limit and the host's stack", () => {
  it("every shape at the limit compiles and runs with 30% of Node's default stack", () => {
    const r = spawnSync(
      process.execPath,
      ["--stack-size=300", "--import", "tsx", join(root, "tests/lang/nesting/deepest.ts"), "run"],
      { cwd: root, encoding: "utf8", timeout: 120_000 },
    );
    expect(r.stderr).not.toMatch(/RangeError|Maximum call stack/);
    expect(r.stdout.trim().split("\n")).toEqual(Object.keys(SHAPES).map((name) => `${name}: ok`));
  });
});
