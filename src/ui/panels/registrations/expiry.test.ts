import { describe, expect, it } from "vitest";
import { expiresAt, secondsLeft } from "./expiry.js";

describe("a contact's countdown", () => {
  const c = { contact: "sip:bob@h", t: 1_250_000, expires: 4, op: "insert" as const };
  it("counts whole Unix seconds from the event, as ul.dump's Expires", () => {
    expect(secondsLeft(c, 1_250_000)).toBe(4);
    expect(secondsLeft(c, 1_999_999)).toBe(4);
    expect(secondsLeft(c, 2_000_000)).toBe(3);
    expect(secondsLeft(c, 4_999_999)).toBe(1);
    expect(secondsLeft(c, 5_000_000)).toBe(0);
    expect(secondsLeft(c, 7_500_000)).toBe(-2);
    expect(expiresAt(c)).toBe(5_000_000);
  });
  it("a contact without expiry has no countdown", () => {
    expect(secondsLeft({ ...c, expires: 0 }, 9e6)).toBeUndefined();
    expect(expiresAt({ ...c, expires: 0 })).toBeUndefined();
  });
});
