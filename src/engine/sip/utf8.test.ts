import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { utf8Length } from "./utf8.js";

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
