import { describe, expect, it } from "vitest";
import { describeTimer, nextFiring, nextMultiple } from "./countdown.js";

const S = 1_000_000;
const ta = { name: "ta", intervalUs: 5 * S, mode: 1 };
const slow = { name: "tb", intervalUs: 2 * S, mode: 0 };

describe("nextFiring", () => {
  it("waits one interval from start before the first firing", () => {
    expect(nextFiring(ta, [], 1.5 * S)).toEqual({ state: "waiting", at: 5 * S, in: 3.5 * S });
  });

  it("says running while the last firing has no run time yet", () => {
    expect(nextFiring(ta, [{ t: 5 * S, proc: 8 }], 5 * S)).toEqual({ state: "running", since: 5 * S });
  });

  it("mode ≥ 1 counts the interval from the end of the last run", () => {
    const c = nextFiring(ta, [{ t: 5 * S, duration: 0.5 * S, proc: 8 }], 6 * S);
    expect(c).toEqual({ state: "waiting", at: 10.5 * S, in: 4.5 * S });
  });

  it("mode ≥ 1 with several processes takes the soonest", () => {
    const two = { ...ta, mode: 2 };
    const firings = [
      { t: 5 * S, duration: 2 * S, proc: 8 },
      { t: 5 * S, duration: 1 * S, proc: 9 },
    ];
    expect(nextFiring(two, firings, 6.5 * S)).toMatchObject({ at: 11 * S });
  });

  it("mode 0 fires at the next multiple of the interval", () => {
    expect(nextFiring(slow, [{ t: 2 * S, duration: 10, proc: 5 }], 3.1 * S)).toMatchObject({ at: 4 * S });
    expect(nextFiring(slow, [], 0.2 * S)).toMatchObject({ at: 2 * S, in: 1.8 * S });
  });

  it("mode 0 after an overrun waits an interval from the run's end", () => {
    expect(nextFiring(slow, [{ t: 2 * S, duration: 3 * S, proc: 5 }], 5 * S)).toMatchObject({ at: 7 * S });
  });

  it("counts whole intervals on when firings were missed", () => {
    expect(nextFiring(ta, [{ t: 5 * S, duration: 0, proc: 8 }], 12 * S)).toEqual({
      state: "waiting",
      at: 15 * S,
      in: 3 * S,
    });
    expect(nextFiring(ta, [{ t: 5 * S, duration: 0, proc: 8 }], 10 * S)).toMatchObject({ at: 15 * S });
  });
});

describe("helpers", () => {
  it("nextMultiple is strictly after now", () => {
    expect(nextMultiple(4 * S, 2 * S)).toBe(6 * S);
    expect(nextMultiple(4.1 * S, 2 * S)).toBe(6 * S);
  });

  it("describes the timer's mode in words", () => {
    expect(describeTimer(ta)).toBe("every 5 s · mode 1 (own process)");
    expect(describeTimer(slow)).toBe("every 2 s · mode 0 (slow timer)");
  });
});
