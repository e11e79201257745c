import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { utf8Bytes, utf8Decode, utf8Length } from "./utf8.js";

describe("utf8Length", () => {
  it("counts like Node's Buffer, lone surrogates included", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        expect(utf8Length(s)).toBe(Buffer.byteLength(s, "utf8"));
      }),
    );
    for (const s of ["", "abc", "é", "€", "😀", "\ud800", "a\udc00b", "x😀\ud83dy"])
      expect(utf8Length(s)).toBe(Buffer.byteLength(s, "utf8"));
  });
});

describe("utf8Decode", () => {
  it("decodes like Node's Buffer, U+FFFD for each maximal invalid subpart", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        expect(utf8Decode(bytes)).toBe(Buffer.from(bytes).toString("utf8"));
      }),
    );
    for (const b of [
      [0x9f],
      [0xc3],
      [0xe2, 0x82],
      [0xed, 0xa0, 0x80],
      [0xf4, 0x90, 0x80, 0x80],
      [0xc0, 0xaf],
      [0x61, 0xc3, 0x62],
    ])
      expect(utf8Decode(b)).toBe(Buffer.from(b).toString("utf8"));
  });

  it("is the inverse of utf8Bytes on well-formed text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (s) => {
        expect(utf8Decode(utf8Bytes(s))).toBe(s);
      }),
    );
  });
});
