import { describe, expect, it } from "vitest";
import type { LadderRow } from "../../protocol/messages.js";
import { LadderRing } from "./ladder-ring.js";

const row = (id: number): LadderRow => ({
  id,
  t: id * 10,
  from: "127.0.10.1:5060",
  to: "127.0.0.1:5060",
  fromNode: "alice",
  toNode: "kamailio",
  method: "OPTIONS",
  callId: `c${id}`,
});

describe("the page's ladder ring", () => {
  it("keeps the newest rows in send order, ends rows in place, counts every message", () => {
    const r = new LadderRing(3);
    r.apply({ rows: [row(1), row(2)], ends: [], total: 2 });
    r.apply({ rows: [row(3), row(4)], ends: [{ id: 2, end: 25, lost: "loss" }], total: 4 });
    expect(r.toArray().map((x) => x.id)).toEqual([2, 3, 4]);
    expect(r.at(0)).toMatchObject({ id: 2, end: 25, lost: "loss" });
    expect(r.size).toBe(3);
    expect(r.total).toBe(4);
    // The end of a row the ring has dropped changes nothing.
    r.apply({
      rows: [row(5)],
      ends: [
        { id: 2, end: 99 },
        { id: 4, end: 45 },
      ],
      total: 9,
    });
    expect(r.toArray().map((x) => [x.id, x.end])).toEqual([
      [3, undefined],
      [4, 45],
      [5, undefined],
    ]);
    expect(r.total).toBe(9);
  });

  it("starts empty again on clear, and says it changed", () => {
    const r = new LadderRing(3);
    r.apply({ rows: [row(1)], ends: [], total: 1 });
    const v = r.version;
    r.clear();
    expect(r.version).not.toBe(v);
    expect([r.size, r.total, r.toArray().length]).toEqual([0, 0, 0]);
  });
});
