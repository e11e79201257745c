import { describe, expect, it } from "vitest";
import { codeTokens, embeddedPvs, tokenize } from "./tokens.js";

const kinds = (text: string) => tokenize(text).map((t) => `${t.kind}:${t.text}${t.open ? "…" : ""}`);

describe("tokenize", () => {
  it("keeps comments, directives, strings and pseudo-variables apart", () => {
    expect(kinds('#!define X 1\ndebug=2 # note\n/* a /* nested */ still */ $var(x) = "a $si";')).toEqual([
      "directive:#!define X 1",
      "ident:debug",
      "punct:=",
      "number:2",
      "comment:# note",
      "comment:/* a /* nested */ still */",
      "pv:$var(x)",
      "punct:=",
      'string:"a $si"',
      "punct:;",
    ]);
  });

  it("marks what the text ends inside of as open", () => {
    expect(kinds('xlog("abc')).toEqual(["ident:xlog", "punct:(", 'string:"abc…']);
    expect(kinds("/* never closed")).toEqual(["comment:/* never closed…"]);
    expect(kinds("$mqk(al")).toEqual(["pv:$mqk(al…"]);
  });

  it("reads !! directives only at the start of a line, and continued directive lines", () => {
    expect(kinds("!!ifdef X\nif(!!$x)")).toEqual([
      "directive:!!ifdef X",
      "ident:if",
      "punct:(",
      "punct:!",
      "punct:!",
      "pv:$x",
      "punct:)",
    ]);
    expect(kinds("#!define A 1 \\\n 2\nx")).toEqual(["directive:#!define A 1 \\\n 2", "ident:x"]);
  });

  it("tokenizes up to an end offset", () => {
    expect(codeTokens(tokenize("mq_add(1)", 3)).map((t) => t.text)).toEqual(["mq_"]);
  });

  it("finds pseudo-variables inside strings, at their offsets", () => {
    const text = 'xlog("src [$si:$sp] $mqk(alert) \\$x")';
    const [str] = tokenize(text).filter((t) => t.kind === "string");
    const pvs = str ? embeddedPvs(str) : [];
    expect(pvs.map((p) => p.text)).toEqual(["$si", "$sp", "$mqk(alert)"]);
    expect(pvs.map((p) => text.slice(p.start, p.end))).toEqual(["$si", "$sp", "$mqk(alert)"]);
  });
});
