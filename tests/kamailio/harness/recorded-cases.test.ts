/**
 * case.json `variants`: a folder's traffic run through another config (examples/first-call runs
 * Debian's stock kamailio.cfg as variant `stock`) is a recorded case of its own, with its own
 * options and its own recording beside the folder's.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, recordedCases } from "./recorded-cases.js";

describe("recorded cases", () => {
  const all = recordedCases();

  it("gives each variant its own case, options and recording.<name>.jsonl", () => {
    const dir = join(ROOT, "examples", "first-call");
    const mine = all.filter((c) => c.dir === dir);
    expect(mine.map((c) => [c.name, c.recording.slice(dir.length + 1), c.options.config])).toEqual([
      ["examples/first-call", "recording.jsonl", undefined],
      ["examples/first-call (stock)", "recording.stock.jsonl", "/etc/kamailio/kamailio.cfg"],
    ]);
    for (const c of mine) expect(existsSync(c.recording), c.recording).toBe(true);
    // A variant's options are its own: the folder's `variants` do not nest.
    expect(mine[0]?.options.variants).toBeDefined();
    expect(mine[1]?.options).not.toHaveProperty("variants");
  });

  it("names every case once", () => {
    const names = all.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
