/** Encodings, hashes and escapes against Kamailio 5.6.3 (tests/kamailio/cases/pv-transformations-encode). */
import { describe, expect, it } from "vitest";
import { base64Decode, base64Encode } from "./base64.js";
import { toBytes } from "./bytes.js";
import { md5Hex } from "./md5.js";
import { applyChain, logged, tr } from "./testing.js";

describe("encoding transformations", () => {
  it("hexa: lower case out, either case in, odd digit dropped, bad pair fails", () => {
    expect(tr("s.encode.hexa", "Straße é")).toBe("53747261c39f6520c3a9");
    expect(tr("s.encode.hexa", 7)).toBe("37");
    expect(applyChain(["s.encode.hexa", "s.decode.hexa"], "Straße é")).toBe("Straße é");
    expect(["414", "4G", "6a4B", ""].map((v) => tr("s.decode.hexa", v))).toEqual(["A", undefined, "jK", ""]);
  });

  it("base64: padding, refused lengths, garbage bits from other characters", () => {
    expect(tr("s.encode.base64", "Straße é")).toBe("U3RyYcOfZSDDqQ==");
    expect(tr("s.encode.base64", 7)).toBe("Nw==");
    expect(tr("s.encode.base64", "")).toBe("");
    expect(["YS5iLmM=", "YS5iLmM", "YS5i", "YS=i", ""].map((v) => tr("s.decode.base64", v))).toEqual([
      "a.b.c",
      undefined,
      "a.b",
      undefined,
      "",
    ]);
    expect(applyChain(["s.decode.base64", "s.encode.hexa"], "Y!5iLmM=")).toBe("6ffe622e63");
    expect(applyChain(["s.decode.base64", "s.encode.hexa"], "====")).toBe("ff");
    for (const s of ["", "a", "ab", "abc", "abcd", "\u00ff\u0000\u0080"]) expect(base64Decode(base64Encode(s))).toBe(s);
  });

  it("md5 of the bytes", () => {
    expect(tr("s.md5", "a.b.c")).toBe("553f764f7b436175c0387e22b4a19213");
    expect(tr("s.md5", "Straße é")).toBe("ac25f331462b1d22f6ee2e3799f23841");
    expect(tr("s.md5", "")).toBe("d41d8cd98f00b204e9800998ecf8427e");
    expect(tr("s.md5", 7)).toBe("8f14e45fceea167a5a36dedd4bea2543");
    // Across the 56-byte padding edge and several blocks.
    expect(md5Hex("a".repeat(55))).toBe("ef1772b6dff9a122358552954ad0df65");
    expect(md5Hex("a".repeat(56))).toBe("3b0c8ac703f828b04c6c197006d17218");
    expect(md5Hex(toBytes("é".repeat(100)))).toBe("79bbe93f2c285420f1df88f98c509608");
    // The working buffer is reused (md5.ts): a long message, then short ones, leave nothing behind.
    expect(md5Hex("b".repeat(1000))).toBe("c73c16de8912c313c06ac38b9961e806");
    expect(md5Hex("a".repeat(55))).toBe("ef1772b6dff9a122358552954ad0df65");
    expect(md5Hex("")).toBe("d41d8cd98f00b204e9800998ecf8427e");
  });

  it("escape.common and unescape.common", () => {
    expect(tr("s.escape.common", 'it\'s "q" a\\b')).toBe('it\\\'s \\"q\\" a\\\\b');
    expect(applyChain(["s.escape.common", "s.unescape.common"], 'it\'s "q" a\\b')).toBe('it\'s "q" a\\b');
    expect(tr("s.unescape.common", "x\\y\\'z\\")).toBe("x\\y'z\\");
    expect(tr("s.escape.common", "")).toBe("");
  });

  it("escape.user and escape.param keep their sets; other bytes are an ERROR", () => {
    const p = "a b;c=d?e&f/g:h[i]@j#k%l+m$n,o!~*'()_-.";
    expect(tr("s.escape.user", p)).toBe("a%20b;c=d?e&f%2fg%3ah%5bi%5d%40j%23k%25l+m$n,o!~*'()_-.");
    expect(tr("s.escape.param", p)).toBe("a%20b%3bc%3dd%3fe&f/g:h[i]%40j%23k%25l+m$n%2co!~*'()_-.");
    expect(applyChain(["s.escape.param", "s.unescape.param"], p)).toBe(p);
    expect(logged("s.escape.user", "é")).toEqual({
      value: undefined,
      logs: ["<core> [core/strutils.c:246]: escape_user(): invalid escaped character <4294967235>"],
    });
    expect(logged("s.escape.param", "a\tb").logs).toEqual([
      "<core> [core/strutils.c:327]: escape_param(): invalid escaped character <9>",
    ]);
  });

  it("unescape.user: two hex digits giving printable ASCII", () => {
    expect(tr("s.unescape.user", "a%20b%3B%3d")).toBe("a b;=");
    const cases: [string, string][] = [
      ["a%2", "strutils.c:199]: unescape_user(): invalid hex digit <0>"],
      ["a%zz", "strutils.c:164]: unescape_user(): invalid hex digit <122>"],
      ["a%0Ab", "strutils.c:204]: unescape_user(): invalid escaped character <10>"],
      ["a%7e%7F", "strutils.c:204]: unescape_user(): invalid escaped character <127>"],
      ["%C3%A9", "strutils.c:204]: unescape_user(): invalid escaped character <4294967235>"],
    ];
    for (const [input, line] of cases)
      expect(logged("s.unescape.param", input)).toEqual({ value: undefined, logs: [`<core> [core/${line}`] });
  });
});
