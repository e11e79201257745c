/**
 * The matcher's API as the modules use it (src/engine/base/regex/index.ts): `from` behaves like
 * regexec on `text + from` (the text before it is not seen: `^`, `\b` and `` \` `` see a buffer
 * start there), `notbol` is REG_NOTBOL, groups are pmatch[] with undefined for a group that took
 * no part, REG_NOSUB reports the whole match only, and errors carry regerror's words.
 */
import { describe, expect, it } from "vitest";
import { compileRegex, type PosixRegex } from "../../src/engine/base/regex/index.js";

function re(p: string, flags = {}): PosixRegex {
  const r = compileRegex(p, flags);
  if (!r.ok) throw new Error(r.error);
  return r.re;
}

describe("compileRegex / PosixRegex", () => {
  it("reports regerror's words for a pattern glibc refuses", () => {
    expect(compileRegex("a(")).toEqual({ ok: false, error: "Unmatched ( or \\(" });
    expect(compileRegex("[[:nope:]]")).toEqual({ ok: false, error: "Invalid character class name" });
    expect(compileRegex("x{2,1}")).toEqual({ ok: false, error: "Invalid content of \\{\\}" });
  });

  it("starts a new buffer at `from`: ^, \\b and \\` match there unless notbol", () => {
    expect(re("^a").exec("xab", 1)?.index).toBe(1);
    expect(re("^a").exec("xab", 1, { notbol: true })).toBeNull();
    expect(re("\\ba").exec("xab", 1)?.index).toBe(1);
    expect(re("\\`a").exec("xab", 1, { notbol: true })?.index).toBe(1);
    expect(re("^b", { newline: true }).exec("a\nb", 0, { notbol: true })?.index).toBe(2);
    expect(re("a").test("ab", 1)).toBe(false);
  });

  it("returns pmatch-like groups: whole match first, undefined for a group that took no part", () => {
    const m = re("(a)|(b)").exec("xb");
    expect(m).toEqual({ index: 1, end: 2, groups: [[1, 2], undefined, [1, 2]] });
    expect(re("(a)(b)", { nosub: true }).exec("ab")?.groups).toEqual([[0, 2]]);
    expect(re("(a)(b)").groupCount).toBe(2);
  });

  it("keeps REG_NEWLINE and REG_ICASE apart", () => {
    expect(re("a.b").test("a\nb")).toBe(true);
    expect(re("a.b", { newline: true }).test("a\nb")).toBe(false);
    expect(re("ABC").test("abc")).toBe(false);
    expect(re("ABC", { icase: true }).test("abc")).toBe(true);
  });
});
