/**
 * core/re.c's substitution expressions on the POSIX matcher (src/engine/base/regex/subst.ts)
 * and the preprocessor's #!subst on them. Kamailio's words are those of re.c and ppcfg.c
 * (checked by `kamailio -c`: "subst_parser(): bad regular expression a( in /a(/b/", then
 * "pp_subst_add(): bad subst expression: /a(/b/"; Kamailio names no line for these).
 */
import { describe, expect, it } from "vitest";
import { parseSubst, substRun, substStr } from "../../src/engine/base/regex/subst.js";
import { analyzeConfig } from "../../src/engine/index.js";

function subst(expr: string, input: string): string | undefined {
  const p = parseSubst(expr);
  if (!p.ok) throw new Error(p.error);
  return substStr(p.se, input);
}

describe("subst expressions (core/re.c)", () => {
  it("refuses what subst_parser refuses, in its words", () => {
    const err = (e: string) => {
      const p = parseSubst(e);
      return p.ok ? "ok" : p.error;
    };
    expect(err("/a")).toBe("expression is too short: /a");
    expect(err("\\a\\b\\")).toBe("invalid separator char <\\> in \\a\\b\\");
    expect(err("/abc")).toBe("no separator found: /abc");
    expect(err("/a/b")).toBe("missing separator: /b");
    expect(err("/a/b/q")).toBe("unknown flag q in /a/b/q");
    expect(err("/a(/b/")).toBe("bad regular expression a( in /a(/b/");
    expect(err("/a\\/b/c/")).toBe("ok");
  });

  it("replaces the leftmost-longest match, groups by number, every match with g", () => {
    expect(subst("/a|ab/X/", "cabd")).toBe("cXd");
    expect(subst("/([a-z]+)@([a-z]+)/\\2 at \\1/", "to bob@host now")).toBe("to host at bob now");
    expect(subst("/[[:digit:]]/N/g", "a1b22")).toBe("aNbNN");
    expect(subst("/\\d/N/g", "d1d")).toBe("N1N");
    expect(subst("/A/x/", "a")).toBeUndefined();
    expect(subst("/A/x/i", "a")).toBe("x");
    expect(subst("/x/\\n\\t\\\\/", "x")).toBe("\n\t\\");
  });

  it("matches ^ again only after a line end, and `.` stays off line ends unless s", () => {
    expect(subst("/^a/X/g", "aaa")).toBe("Xaa");
    expect(subst("/^a/X/g", "a\na")).toBe("X\nX");
    expect(subst("/a.b/X/", "a\nb")).toBeUndefined();
    expect(subst("/a.b/X/s", "a\nb")).toBe("X");
  });

  it("stops at an empty match as subst_run does", () => {
    const p = parseSubst("/x*/y/g");
    if (!p.ok) throw new Error(p.error);
    expect(substRun(p.se, "abc")).toEqual({ error: "Matched string is empty, invalid regexp?" });
  });
});

describe("#!subst in the preprocessor", () => {
  it("refuses a regex glibc does not compile with Kamailio's words", () => {
    const r = analyzeConfig('#!KAMAILIO\n#!subst "/a(/b/"\nrequest_route { exit; }\n', { name: "x.cfg" });
    expect(r.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ["bad_subst", "bad regular expression a( in /a(/b/: bad subst expression: /a(/b/"],
    ]);
  });
});
