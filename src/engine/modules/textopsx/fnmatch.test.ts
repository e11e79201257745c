import { describe, expect, it } from "vitest";
import { fnmatch } from "./fnmatch.js";

// Expected values are glibc fnmatch(3) with flags 0 (checked with the C library).
describe("fnmatch (glibc, flags 0)", () => {
  const rows: [string, string, boolean, boolean][] = [
    ["*", "", false, true],
    ["abc*", "abcdef", false, true],
    ["a?c", "abc", false, true],
    ["a?c", "ac", false, false],
    ["*.example.com", "sip.example.com", false, true],
    ["*/x", "a/b/x", false, true], // no FNM_PATHNAME: * crosses /
    ["*", ".hidden", false, true], // no FNM_PERIOD
    ["[0-9][0-9]*", "42abc", false, true],
    ["[!0-9]*", "42abc", false, false],
    ["[^a]b", "bb", false, true],
    ["[]]", "]", false, true],
    ["[[:digit:]]x", "7x", false, true],
    ["[[:alpha:]]", "7", false, false],
    ["\\*", "*", false, true],
    ["\\*", "a", false, false],
    ["a\\", "a\\", false, false], // a trailing backslash matches nothing
    ["[abc", "[abc", false, true], // no closing ]: the [ is literal
    ["ABC*", "abcd", false, false],
    ["*a*b*c*", "xxaxxbxxcxx", false, true],
    ["*a*b*c*", "xxaxxcxxbxx", false, false],
  ];
  for (const [pat, text, , want] of rows) {
    it(`${JSON.stringify(pat)} vs ${JSON.stringify(text)}`, () => {
      expect(fnmatch(pat, text)).toBe(want);
    });
  }
});
