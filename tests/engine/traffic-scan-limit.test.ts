/**
 * A traffic file with a list far past its limit is refused while it is scanned, at its first
 * extra entry (traffic/json-scan.ts maxItems), before a position is recorded for every entry or
 * anything is built from it: 10 million empty streams once took 84 s and 3 GB to be refused.
 */
import { describe, expect, it } from "vitest";
import { parseTrafficText } from "../../src/engine/index.js";

const list = (key: string, n: number) => `{"${key}":[${Array(n).fill("{}").join(",")}]}`;

describe("traffic lists past their limit", () => {
  it("10 million empty streams: one error naming streams, at the 1,001st entry", () => {
    const r = parseTrafficText(list("streams", 10_000_000));
    // `{"streams":[` is 12 characters and each `{},` 3: entry 1001 starts at column 13 + 3000.
    expect(r).toEqual({
      errors: [
        { path: "streams", message: "has more than 1000 entries; at most 1000 are allowed", line: 1, col: 3013 },
      ],
    });
  });

  it("messages and agents are limited the same way; a list at its limit passes the scan", () => {
    const messages = parseTrafficText(list("messages", 100_001));
    expect("errors" in messages && messages.errors[0]?.path).toBe("messages");
    expect("errors" in messages && messages.errors[0]?.message).toMatch(/^has more than 100000 entries/);
    const agents = parseTrafficText(list("agents", 200_001));
    expect("errors" in agents && agents.errors[0]?.message).toMatch(/^has more than 200000 entries/);
    // 1,000 empty streams are scanned whole; the validation then speaks of their fields.
    const ok = parseTrafficText(list("streams", 1000));
    expect("errors" in ok && ok.errors.every((e) => e.path !== "streams")).toBe(true);
  });
});
