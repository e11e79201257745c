import { describe, expect, it } from "vitest";
import { findEndpoint, matchesPattern } from "../world/endpoints.js";
import { expandStream, expandTemplate } from "./template.js";
import type { PlannedStream } from "./types.js";

describe("templates", () => {
  it("replace every {n} and nothing else", () => {
    expect(expandTemplate("sip:user{n}@example.com;x={n}", 42)).toBe("sip:user42@example.com;x=42");
    expect(expandTemplate("{m} {N} { n}", 1)).toBe("{m} {N} { n}");
  });

  it("expand a stream's URIs and header values", () => {
    const s = {
      from: "sip:a{n}@x",
      to: "sip:b@x",
      ruri: "sip:b{n}@x",
      headers: [{ name: "X-Seq", value: "{n}/{n}" }],
    } as PlannedStream;
    expect(expandStream(s, 7)).toEqual({
      from: "sip:a7@x",
      to: "sip:b@x",
      ruri: "sip:b7@x",
      headers: [{ name: "X-Seq", value: "7/7" }],
    });
  });
});

describe("endpoint patterns", () => {
  it.each([
    ["http://a/*", "http://a/", true],
    ["http://a/*", "http://a/x/y?z", true],
    ["http://a/*", "http://b/x", false],
    ["http://a/x", "http://a/x", true],
    ["http://a/x", "http://a/xy", false],
    ["http://*/check*", "http://h/checkme", true],
    ["http://*/check*", "http://h/other", false],
    ["*a*a*", "aa", true],
    ["*ab*ab", "xxab", false],
  ])("%s matches %s: %s", (pattern, url, expected) => {
    expect(matchesPattern(pattern, url)).toBe(expected);
  });

  it("answer with the first match in file order", () => {
    const e = (pattern: string, status: number) => ({ pattern, latency: 0, status, body: "" });
    expect(findEndpoint([e("http://a/x", 404), e("http://a/*", 200)], "http://a/x")?.status).toBe(404);
    expect(findEndpoint([e("http://a/*", 200)], "http://b/")).toBeUndefined();
  });
});
