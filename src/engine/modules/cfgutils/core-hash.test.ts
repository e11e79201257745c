/** core_hash() (core/hashes.h) against the slots Kamailio 5.6.3 returned (gap-cfgutils-hash-random, minus its +1). */
import { describe, expect, it } from "vitest";
import { coreHash } from "./core-hash.js";

describe("coreHash", () => {
  it("gives Kamailio's slots, a second string continuing the first, UTF-8 bytes as signed chars", () => {
    expect(coreHash("alice@example.org", undefined, 256)).toBe(120);
    expect(coreHash("alice", "@example.org", 256)).toBe(185);
    expect(coreHash("bob", "x", 2)).toBe(0);
    expect(coreHash("abcdefghijklmnopq", undefined, 2 ** 30)).toBe(473696884);
    expect(coreHash("é-ü", undefined, 2 ** 16)).toBe(17020);
  });
});
