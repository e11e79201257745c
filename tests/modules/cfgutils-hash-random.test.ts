/**
 * cfgutils core_hash() and $RANDOM in a run (modules/cfgutils/cfgutils.c): the slot plus 1, the
 * size's igp error, and $RANDOM's range (its values come from the seeded generator, not libc).
 */
import { describe, expect, it } from "vitest";
import { runScript, scriptView } from "../support/script.js";

function run(body: string): string[] {
  return scriptView(runScript(body, { modules: ["cfgutils"] }));
}

describe("core_hash", () => {
  it("returns the slot plus one; a string size fails with the igp error", () => {
    expect(
      run(`core_hash("alice@example.org", "", 8); xlog("L_INFO", "a $rc\\n"); $var(z) = 8;
      core_hash("alice", "@example.org", "$var(z)"); xlog("L_INFO", "b $rc\\n");
      $var(s) = "4"; core_hash("x", "", "$var(s)"); xlog("L_INFO", "c $rc\\n");`),
    ).toEqual([
      "a 121",
      "b 186",
      "ERROR: <core> [core/sr_module.c:1763]: get_int_fparam(): Could not convert PV to int",
      "ERROR: cfgutils [cfgutils.c:988]: w_core_hash(): invalid size paramerer",
      "c -1",
    ]);
  });
});

describe("$RANDOM", () => {
  it("is an int in 0..2^31-1, new on every read", () => {
    const out = run(`$var(i) = 0; while ($var(i) < 20) { xlog("L_INFO", "$RANDOM\\n"); $var(i) = $var(i) + 1; }`);
    const values = out.map(Number);
    expect(values).toHaveLength(20);
    for (const v of values) {
      expect(Number.isInteger(v)).toBe(true);
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(2147483647);
    }
    expect(new Set(values).size).toBeGreaterThan(15);
  });
});
