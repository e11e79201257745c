import { describe, expect, it } from "vitest";
import { createRng } from "../base/rng.js";
import { type Arrival, type Arrivals, createArrivals } from "./arrivals.js";
import { DEFAULT_TRAFFIC } from "./default-scenario.js";
import type { TrafficPlan } from "./types.js";
import { parseTrafficText, validateTraffic } from "./validate.js";

const RAW = "OPTIONS sip:ping@example.com SIP/2.0\r\nVia: SIP/2.0/UDP 198.51.100.7;branch=z9hG4bK1\r\n\r\n";

function plan(file: unknown): TrafficPlan {
  const r = validateTraffic(file);
  if ("errors" in r) throw new Error(JSON.stringify(r.errors));
  return r.plan;
}

function arrivalsOf(file: unknown, seed?: number): Arrivals {
  const p = plan(file);
  return createArrivals(p, createRng(seed ?? p.seed));
}

function drain(a: Arrivals, until = Number.POSITIVE_INFINITY): Arrival[] {
  const out: Arrival[] = [];
  for (let t = a.peek(); t !== undefined && t < until; t = a.peek()) out.push(a.next() as Arrival);
  return out;
}

const times = (xs: readonly Arrival[]) => xs.map((x) => x.t);

describe("uniform streams", () => {
  it("start at start, one every 1/rate s, exact integers, stop exclusive", () => {
    const xs = drain(arrivalsOf({ streams: [{ src: "192.0.2.1", rate: 3, start: 1, stop: 2 }] }));
    expect(xs).toEqual([
      { t: 1_000_000, stream: 0, n: 1, src: "192.0.2.1", sport: 5060 },
      { t: 1_333_333, stream: 0, n: 2, src: "192.0.2.1", sport: 5060 },
      { t: 1_666_666, stream: 0, n: 3, src: "192.0.2.1", sport: 5060 },
    ]);
    expect(times(drain(arrivalsOf({ streams: [{ src: "192.0.2.1", rate: 10, stop: 1 }] })))).toEqual([
      0, 100_000, 200_000, 300_000, 400_000, 500_000, 600_000, 700_000, 800_000, 900_000,
    ]);
  });

  it("does not drift over many requests", () => {
    const xs = drain(arrivalsOf({ duration: 1000, streams: [{ src: "192.0.2.1", rate: 7, start: 0.5 }] }));
    expect(xs).toHaveLength(6997); // 0.5 s … 999.929 s
    expect(times(xs)).toEqual(xs.map((_, i) => 500_000 + Math.floor((i * 1_000_000) / 7)));
    expect(xs[7000 - 7]?.t).toBe(500_000 + 999_000_000);
  });

  it("stops at count", () => {
    const xs = drain(arrivalsOf({ streams: [{ src: "192.0.2.1", rate: 200, start: 10, stop: 13, count: 300 }] }));
    expect(xs).toHaveLength(300);
    expect(xs.at(-1)).toMatchObject({ t: 11_495_000, n: 300 });
    expect(drain(arrivalsOf({ streams: [{ src: "192.0.2.1", rate: 100, count: 5 }] }))).toHaveLength(5);
  });

  it("sends nothing at rate 0, and nothing before start or after the run", () => {
    expect(drain(arrivalsOf({ streams: [{ src: "192.0.2.1", rate: 0 }] }))).toEqual([]);
    expect(drain(arrivalsOf({ duration: 5, streams: [{ src: "192.0.2.1", rate: 1, start: 7 }] }))).toEqual([]);
    const xs = drain(arrivalsOf({ duration: 2.5, streams: [{ src: "192.0.2.1", rate: 1, stop: 60 }] }));
    expect(times(xs)).toEqual([0, 1_000_000, 2_000_000]);
  });
});

describe("poisson streams", () => {
  const file = { duration: 100, streams: [{ name: "p", src: "192.0.2.1", rate: 5, pattern: "poisson" }] };

  it("are the same for the same seed and differ across seeds", () => {
    const a = times(drain(arrivalsOf(file, 1)));
    expect(times(drain(arrivalsOf(file, 1)))).toEqual(a);
    expect(times(drain(arrivalsOf(file, 2)))).not.toEqual(a);
    expect(a.every((t, i) => i === 0 || t >= (a[i - 1] as number))).toBe(true);
    expect(a.every((t) => Number.isInteger(t) && t >= 0 && t < 100_000_000)).toBe(true);
  });

  it("keep their mean rate", () => {
    for (const seed of [1, 2, 3]) {
      const xs = drain(
        arrivalsOf({ duration: 2000, streams: [{ src: "192.0.2.1", rate: 50, pattern: "poisson" }] }, seed),
      );
      expect(Math.abs(xs.length / 2000 - 50)).toBeLessThan(1); // ±2 %, about 4.5 standard deviations
    }
  });

  it("start after start, and respect stop and count", () => {
    const xs = drain(
      arrivalsOf({ streams: [{ src: "192.0.2.1", rate: 20, pattern: "poisson", start: 5, stop: 6, count: 10 }] }),
    );
    expect(xs.length).toBeGreaterThan(0);
    expect(xs.length).toBeLessThanOrEqual(10);
    expect(xs.every((x) => x.t >= 5_000_000 && x.t < 6_000_000)).toBe(true);
  });

  it("do not change when another stream is added before them", () => {
    const callers = { name: "callers", src: "192.0.2.1", rate: 4, pattern: "poisson" };
    const other = { name: "other", src: "192.0.2.2", rate: 9, pattern: "poisson" };
    const alone = drain(arrivalsOf({ streams: [callers] })).map((x) => x.t);
    const withOther = drain(arrivalsOf({ streams: [other, callers] }))
      .filter((x) => x.stream === 1)
      .map((x) => x.t);
    expect(withOther).toEqual(alone);
  });
});

describe("source addresses", () => {
  const srcs = (src: unknown, n: number) =>
    drain(arrivalsOf({ streams: [{ src, rate: 1000, count: n }] })).map((x) => x.src);

  it("take a list in turn", () => {
    expect(srcs(["192.0.2.10", "192.0.2.11", "2001:db8::1"], 5)).toEqual([
      "192.0.2.10",
      "192.0.2.11",
      "2001:db8::1",
      "192.0.2.10",
      "192.0.2.11",
    ]);
  });

  it("spread over a block's host addresses", () => {
    expect(srcs("192.0.2.0/30", 3)).toEqual(["192.0.2.1", "192.0.2.2", "192.0.2.1"]);
    expect(srcs("192.0.2.0/31", 3)).toEqual(["192.0.2.0", "192.0.2.1", "192.0.2.0"]);
    expect(srcs("192.0.2.7/32", 2)).toEqual(["192.0.2.7", "192.0.2.7"]);
    expect(new Set(srcs("192.0.2.0/28", 28)).size).toBe(14);
    expect(srcs("2001:db8::/126", 4)).toEqual(["2001:db8::1", "2001:db8::2", "2001:db8::3", "2001:db8::1"]);
    expect(srcs("2001:db8::/64", 2)).toEqual(["2001:db8::1", "2001:db8::2"]);
    expect(srcs(["10.0.0.0/30", "10.0.1.5"], 4)).toEqual(["10.0.0.1", "10.0.0.2", "10.0.1.5", "10.0.0.1"]);
  });
});

describe("merge order", () => {
  it("puts streams at the same time in stream order", () => {
    const xs = drain(
      arrivalsOf({
        streams: [
          { name: "a", src: "192.0.2.1", rate: 2, stop: 2 },
          { name: "b", src: "192.0.2.2", rate: 4, stop: 2 },
        ],
      }),
    );
    expect(xs.map((x) => [x.t / 1000, x.stream, x.n])).toEqual([
      [0, 0, 1],
      [0, 1, 1],
      [250, 1, 2],
      [500, 0, 2],
      [500, 1, 3],
      [750, 1, 4],
      [1000, 0, 3],
      [1000, 1, 5],
      [1250, 1, 6],
      [1500, 0, 4],
      [1500, 1, 7],
      [1750, 1, 8],
    ]);
  });

  it("merges raw messages at their time, after streams, in file order on ties", () => {
    const xs = drain(
      arrivalsOf({
        duration: 3,
        streams: [{ src: "192.0.2.1", rate: 1 }],
        messages: [
          { at: 1.5, src: "198.51.100.7", sport: 5062, raw: RAW },
          { at: 1, src: "198.51.100.8", raw: RAW },
          { at: 1.5, src: "198.51.100.9", raw: RAW },
          { at: 3, src: "198.51.100.9", raw: RAW },
        ],
      }),
    );
    expect(xs).toEqual([
      { t: 0, stream: 0, n: 1, src: "192.0.2.1", sport: 5060 },
      { t: 1_000_000, stream: 0, n: 2, src: "192.0.2.1", sport: 5060 },
      { t: 1_000_000, stream: -1, message: 1, n: 2, src: "198.51.100.8", sport: 5060 },
      { t: 1_500_000, stream: -1, message: 0, n: 1, src: "198.51.100.7", sport: 5062 },
      { t: 1_500_000, stream: -1, message: 2, n: 3, src: "198.51.100.9", sport: 5060 },
      { t: 2_000_000, stream: 0, n: 3, src: "192.0.2.1", sport: 5060 },
    ]);
  });

  it("runs a million requests lazily", () => {
    const a = arrivalsOf({ duration: 100, streams: [{ src: "10.0.0.0/8", rate: 10_000 }] });
    let count = 0;
    let last: Arrival | undefined;
    for (let x = a.next(); x; x = a.next()) {
      count++;
      last = x;
    }
    expect(count).toBe(1_000_000);
    expect(last).toMatchObject({ t: 99_999_900, n: 1_000_000, src: "10.15.66.64" });
  });
});

describe("setRate", () => {
  const file = { duration: 20, streams: [{ src: "192.0.2.1", rate: 1 }] };

  it("changes a uniform stream's gap from now on", () => {
    const a = arrivalsOf(file);
    expect(times(drain(a, 2_500_000))).toEqual([0, 1_000_000, 2_000_000]);
    a.setRate(0, 10, 2_500_000);
    expect(a.rateOf(0)).toBe(10);
    expect(times(drain(a, 3_000_000))).toEqual([2_500_000, 2_600_000, 2_700_000, 2_800_000, 2_900_000]);
    a.setRate(0, 0, 3_000_000);
    expect(a.peek()).toBeUndefined();
    a.setRate(0, 2, 3_200_000);
    // One new gap (0.5 s) after the last request at 2.9 s, which is later than now.
    expect(times(drain(a, 4_300_000))).toEqual([3_400_000, 3_900_000]);
    expect(a.next()?.n).toBe(11);
  });

  it("waits one new gap after the last request when that is later than now", () => {
    const a = arrivalsOf(file);
    drain(a, 1_000_001);
    a.setRate(0, 4, 1_100_000);
    expect(times(drain(a, 2_000_000))).toEqual([1_250_000, 1_500_000, 1_750_000]);
  });

  it("applies before start without moving the start", () => {
    const a = arrivalsOf({ streams: [{ src: "192.0.2.1", rate: 0, start: 5, stop: 6 }] });
    a.setRate(0, 4, 1_000_000);
    expect(times(drain(a))).toEqual([5_000_000, 5_250_000, 5_500_000, 5_750_000]);
  });

  it("is deterministic for poisson streams", () => {
    const run = () => {
      const a = arrivalsOf({ duration: 20, streams: [{ src: "192.0.2.1", rate: 2, pattern: "poisson" }] });
      const before = times(drain(a, 5_000_000));
      a.setRate(0, 50, 5_000_000);
      const after = times(drain(a));
      return { before, after };
    };
    const one = run();
    expect(run()).toEqual(one);
    expect(one.after.every((t) => t >= 5_000_000)).toBe(true);
    expect(one.after.length).toBeGreaterThan(500);
  });

  it("ignores unknown streams and clamps bad rates", () => {
    const a = arrivalsOf(file);
    a.setRate(7, 10, 0);
    a.setRate(0, -3, 0);
    expect(a.rateOf(0)).toBe(0);
    a.setRate(0, Number.NaN, 0);
    expect(a.rateOf(0)).toBe(0);
    a.setRate(0, 1e12, 0);
    expect(a.rateOf(0)).toBe(1_000_000);
  });
});

describe("inject", () => {
  const file = {
    duration: 10,
    streams: [{ src: ["192.0.2.1", "192.0.2.2"], rate: 1, sport: 5070 }],
    messages: [{ at: 9, src: "198.51.100.7", raw: RAW }],
  };

  it("adds one-off arrivals after planned ones at the same time, in injection order", () => {
    const a = arrivalsOf(file);
    expect(a.inject({ t: 1_000_000, stream: 0 })).toBe(true);
    expect(a.inject({ t: 500_000, message: 0, src: "198.51.100.99" })).toBe(true);
    expect(a.inject({ t: 1_000_000, stream: 0, n: 77, src: "203.0.113.66", sport: 1234 })).toBe(true);
    expect(drain(a, 2_500_000)).toEqual([
      { t: 0, stream: 0, n: 1, src: "192.0.2.1", sport: 5070 },
      { t: 500_000, stream: -1, message: 0, n: 1, src: "198.51.100.99", sport: 5060, injected: true },
      { t: 1_000_000, stream: 0, n: 2, src: "192.0.2.2", sport: 5070 },
      { t: 1_000_000, stream: 0, n: 3, src: "192.0.2.1", sport: 5070, injected: true },
      { t: 1_000_000, stream: 0, n: 77, src: "203.0.113.66", sport: 1234, injected: true },
      { t: 2_000_000, stream: 0, n: 4, src: "192.0.2.2", sport: 5070 },
    ]);
  });

  it("moves an injection in the past up to the last arrival, and refuses bad ones", () => {
    const a = arrivalsOf(file);
    drain(a, 3_000_000);
    expect(a.inject({ t: 0, stream: 0 })).toBe(true);
    expect(a.next()).toMatchObject({ t: 2_000_000, injected: true });
    expect(a.inject({ t: 0, stream: 3 })).toBe(false);
    expect(a.inject({ t: 0, message: 1 })).toBe(false);
    expect(a.inject({ t: 0 })).toBe(false);
    expect(a.inject({ t: 10_000_000, stream: 0 })).toBe(false);
  });
});

describe("the default scenario", () => {
  it("sends background callers from a /28 and a 3-second flood from t = 10.5", () => {
    const r = parseTrafficText(DEFAULT_TRAFFIC);
    if ("errors" in r) throw new Error(JSON.stringify(r.errors));
    const xs = drain(createArrivals(r.plan, createRng(r.plan.seed)));
    const flood = xs.filter((x) => x.stream === 1);
    expect(flood).toHaveLength(300);
    expect(flood[0]).toMatchObject({ t: 10_500_000, src: "203.0.113.66" });
    expect(flood.at(-1)?.t).toBe(13_490_000);
    const callers = xs.filter((x) => x.stream === 0);
    expect(callers.length).toBeGreaterThan(30);
    expect(callers.length).toBeLessThan(100);
    expect(callers.every((x) => /^192\.0\.2\.(?:[1-9]|1[0-4])$/.test(x.src))).toBe(true);
  });
});
