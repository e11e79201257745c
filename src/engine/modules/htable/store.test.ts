import { describe, expect, it } from "vitest";
import { parseHtableDef } from "./params.js";
import { coreCaseHash, HtStore } from "./store.js";

const def = (text: string) => {
  const d = parseHtableDef(text);
  if ("error" in d) throw new Error(d.error);
  return d;
};

describe("htable store (docs/kamailio/htable.md)", () => {
  it("hashes case-insensitively, 4 bytes at a time, like core_case_hash", () => {
    expect(coreCaseHash("ABCD")).toBe(coreCaseHash("abcd"));
    expect(coreCaseHash("abcd")).not.toBe(coreCaseHash("abce"));
    // "abcd" = 0x61626364: h = v ^ (v >> 3), then the final mix (computed by hand).
    const v = 0x61626364;
    let h = (v ^ (v >>> 3)) >>> 0;
    h = (h + 0) >>> 0; // the empty tail adds 0 ^ 0
    expect(coreCaseHash("abcd")).toBe((h + (h >>> 11) + ((h >>> 13) + (h >>> 23))) >>> 0);
  });

  it("reads initval for missing items and hides expired ones at once", () => {
    const t = new HtStore(def("t=>size=4;autoexpire=10;initval=0"));
    expect(t.read("k", 0)).toBe(0);
    t.set("k", 5, 1_000_000);
    expect(t.read("k", 10_999_999)).toBe(5);
    expect(t.read("k", 11_000_000)).toBe(0);
  });

  it("reads null without initval", () => {
    expect(new HtStore(def("t=>size=4")).read("k", 0)).toBeNull();
  });

  it("keeps each bucket ordered by full hash, so dumps list items in Kamailio's order", () => {
    const t = new HtStore(def("t=>size=1"));
    for (const k of ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"]) t.set(k, 1, 0);
    for (const i of t.usedSlots()) {
      const hashes = t.slot(i).map((it) => it.hash);
      expect(hashes).toEqual([...hashes].sort((x, y) => x - y));
    }
    expect(t.slotCount).toBe(8);
  });

  it("holds only the slots in use: size=30 (2^30 slots) is a table, not a 2^30-entry array", () => {
    // An array of every slot ended `kamsim run` in a V8 fatal error (heap out of memory).
    const t = new HtStore(def("t=>size=30"));
    expect(t.slotCount).toBe(2 ** 30);
    t.set("k", 1, 0);
    expect(t.usedSlots()).toHaveLength(1);
    t.delete("k");
    expect(t.usedSlots()).toEqual([]);
    expect(new HtStore(def("t=>size=32")).slotCount).toBe(1 << 14);
  });

  it("rejects unknown attributes", () => {
    expect(parseHtableDef("t=>hash_size=8")).toEqual({ error: "invalid htable attribute: hash_size" });
  });
});
