/** How often pike rotates its windows, for every `sampling_time_unit` a config can write. */
import { describe, expect, it } from "vitest";
import { pikeRotationPeriod } from "./params.js";

describe("pike's rotation period (register_timer's unsigned ticks, core/timer.c)", () => {
  it("is the unit in seconds for an ordinary unit", () => {
    expect(pikeRotationPeriod(2)).toBe(2_000_000);
  });

  it("is one timer tick (1/16 s) for 0: the timer sits on the expired list", () => {
    expect(pikeRotationPeriod(0)).toBe(62_500);
  });

  it("wraps a negative unit to years, as the unsigned int does", () => {
    // (2^32 - 1) * 16 mod 2^32 ticks = 268435455 s.
    expect(pikeRotationPeriod(-1)).toBe(268_435_455_000_000);
  });
});
