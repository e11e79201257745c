/** Same config + traffic + seed → the same output, byte for byte; another seed → other arrivals. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_TRAFFIC } from "../../src/engine/index.js";
import { runEngine } from "../support/engine.js";

const classic = readFileSync(join(import.meta.dirname, "..", "..", "examples", "classic", "kamailio.cfg"), "utf8");

describe("determinism", () => {
  it("gives byte-identical text and events in two runs", () => {
    const a = runEngine(classic, DEFAULT_TRAFFIC);
    const b = runEngine(classic, DEFAULT_TRAFFIC);
    expect(a.text.length).toBeGreaterThan(1000);
    expect(b.text).toBe(a.text);
    expect(JSON.stringify(b.events)).toBe(JSON.stringify(a.events));
  });

  it("gives the same events however the run is sliced", () => {
    const whole = runEngine(classic, DEFAULT_TRAFFIC);
    const sliced = runEngine(classic, DEFAULT_TRAFFIC, { slice: 0.1 });
    expect(JSON.stringify(sliced.events)).toBe(JSON.stringify(whole.events));
  });

  it("changes poisson arrivals with the seed", () => {
    const a = runEngine(classic, DEFAULT_TRAFFIC, { seed: 1 });
    const b = runEngine(classic, DEFAULT_TRAFFIC, { seed: 2 });
    const times = (r: typeof a) =>
      r.events.flatMap((e) => (e.kind === "request" && e.phase === "arrived" && e.stream === "callers" ? [e.t] : []));
    expect(times(a)).not.toEqual(times(b));
  });
});
