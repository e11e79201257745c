import { describe, expect, it } from "vitest";
import type { PikeRow } from "../../../protocol/messages.js";
import { barScale, nodeLabel, releaseEstimate, selectPikeRows, windowEnd } from "./rows.js";

const S = 1_000_000;
const addr = (ip: string, leafHits: number, blocked = false): PikeRow => ({
  prefix: `${ip}/32`,
  depth: 4,
  hits: 0,
  leafHits,
  blocked,
  isAddress: true,
});
const prefix = (p: string, depth: number, hits: number): PikeRow => ({
  prefix: p,
  depth,
  hits,
  leafHits: 0,
  blocked: false,
  isAddress: false,
});

const rows = [
  prefix("203.0.0.0/8", 1, 80),
  prefix("203.0.113.0/24", 3, 78),
  addr("192.0.2.4", 3),
  addr("203.0.113.99", 45, true),
  addr("192.0.2.5", 25),
  addr("192.0.2.6", 0),
];

describe("selectPikeRows", () => {
  it("shows addresses only, blocked first then by hits, leaving out idle ones", () => {
    const bars = selectPikeRows(rows, { prefixes: false });
    expect(bars.map((b) => [b.label, b.hits, b.tone])).toEqual([
      ["203.0.113.99", 45, "blocked"],
      ["192.0.2.5", 25, "near"],
      ["192.0.2.4", 3, "ok"],
    ]);
  });

  it("adds the prefix nodes on demand, with the subtree's hits", () => {
    const bars = selectPikeRows(rows, { prefixes: true });
    expect(bars.map((b) => b.label)).toEqual([
      "203.0.113.99",
      "203.0.0.0/8",
      "203.0.113.0/24",
      "192.0.2.5",
      "192.0.2.4",
    ]);
    expect(bars[1]).toMatchObject({ hits: 80, tone: "prefix", isAddress: false });
  });

  it("caps the rows", () => {
    expect(selectPikeRows(rows, { prefixes: true, max: 2 })).toHaveLength(2);
  });
});

describe("windows and release", () => {
  it("windows end at multiples of sampling_time_unit", () => {
    expect(windowEnd(0)).toBe(2 * S);
    expect(windowEnd(3.9 * S)).toBe(4 * S);
    expect(windowEnd(4 * S)).toBe(6 * S);
  });

  it("releases at the end of the next window when this one is already over the limit", () => {
    expect(releaseEstimate(3 * S, 45)).toEqual({ at: 6 * S, ifUnder: "next" });
  });

  it("releases at the end of this window when it stays under", () => {
    expect(releaseEstimate(3 * S, 10)).toEqual({ at: 4 * S, ifUnder: "this" });
  });

  it("scales bars so the limit line stays inside", () => {
    expect(barScale([])).toBe(45);
    expect(barScale(selectPikeRows([addr("1.2.3.4", 90)], { prefixes: false }))).toBe(90);
  });

  it("labels addresses without /32", () => {
    expect(nodeLabel(addr("1.2.3.4", 1))).toBe("1.2.3.4");
    expect(nodeLabel(prefix("1.2.0.0/16", 2, 1))).toBe("1.2.0.0/16");
  });
});
