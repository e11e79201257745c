import { describe, expect, it } from "vitest";
import { cmpStr, inList, strSearch } from "./strings.js";

describe("textops string helpers (core/strutils.c, core/ut.c, textops.c)", () => {
  it("cmp_str orders an empty string first, then bytes, then length", () => {
    expect(cmpStr("", "", false)).toBe(0);
    expect(cmpStr("", "a", false)).toBeLessThan(0);
    expect(cmpStr("a", "", false)).toBeGreaterThan(0);
    expect(cmpStr("abc", "abd", false)).toBeLessThan(0);
    expect(cmpStr("ab", "abc", false)).toBeLessThan(0);
    expect(cmpStr("ABC", "abc", false)).toBeLessThan(0);
    expect(cmpStr("ABC", "abc", true)).toBe(0);
  });

  it("str_search finds bytes; an empty needle is found at the end (str_find) or the start (str_ifind)", () => {
    expect(strSearch("hello world", "o w", false)).toBe(4);
    expect(strSearch("hello", "LL", false)).toBe(-1);
    expect(strSearch("hello", "LL", true)).toBe(2);
    expect(strSearch("abc", "", false)).toBe(3);
    expect(strSearch("abc", "", true)).toBe(0);
  });

  it("in_list trims blanks around items; in_list_prefix takes an item as a prefix", () => {
    expect(inList("b", "a, b ,c", ",", false)).toBe(1);
    expect(inList("b ", "a, b ,c", ",", false)).toBe(-1);
    expect(inList("d", "a,b,c", ",", false)).toBe(-1);
    expect(inList("bc", "a;b;c", ";", true)).toBe(1);
    expect(inList("x", "a,,b", ",", true)).toBe(-1);
    expect(inList("", "a", ",", false)).toBe(-1);
  });
});
