import { describe, expect, it } from "vitest";
import { codeTokens, embeddedPvs, isWord, tokenize } from "./tokens.js";

const kinds = (text: string) => tokenize(text).map((t) => `${t.kind}:${t.text}${t.open ? "…" : ""}`);

describe("tokenize (the engine's lexer)", () => {
  it("keeps comments, directives, strings and pseudo-variables apart", () => {
    expect(kinds('#!define X 1\ndebug=2 # note\n/* a /* nested */ still */ $var(x) = "a $si";')).toEqual([
      "directive:#!define X 1",
      "ident:debug",
      "punct:=",
      "number:2",
      "comment:# note",
      "comment:/* a /* nested */ still */",
      "pvar:$var(x)",
      "punct:=",
      'string:"a $si"',
      "punct:;",
    ]);
  });

  it("reads the text as Kamailio's lexer does, not as it looks", () => {
    // An unknown `#!word` is a comment; `==` is one operator; an address is one token; yes is a number.
    expect(kinds("#!foo bar\nif ($x == 10.0.0.1) x = yes;")).toEqual([
      "comment:#!foo bar",
      "ident:if",
      "punct:(",
      "pvar:$x",
      "punct:==",
      "ipv4:10.0.0.1",
      "punct:)",
      "ident:x",
      "punct:=",
      "number:yes",
      "punct:;",
    ]);
  });

  it("marks what the text ends inside of as open", () => {
    expect(kinds('xlog("abc')).toEqual(["ident:xlog", "punct:(", 'string:"abc…']);
    expect(kinds("/* never closed")).toEqual(["comment:/* never closed…"]);
    expect(kinds("$mqk(al")).toEqual(["pvar:$mqk(al…"]);
    expect(kinds("$mqk(al\nx")).toEqual(["pvar:$mqk(al", "ident:x"]);
  });

  it("reads !! as a directive only when a directive's name follows, and continued #!define lines", () => {
    expect(kinds("!!ifdef X\nif(!!$x)")).toEqual([
      "directive:!!ifdef X",
      "ident:if",
      "punct:(",
      "punct:!",
      "punct:!",
      "pvar:$x",
      "punct:)",
    ]);
    expect(kinds("#!define A 1 \\\n 2\nx")).toEqual(["directive:#!define A 1 \\\n 2", "ident:x"]);
  });

  it("tokenizes up to an end offset", () => {
    expect(codeTokens(tokenize("mq_add(1)", 3)).map((t) => t.text)).toEqual(["mq_"]);
  });

  it("takes boolean words being typed as words", () => {
    const [on, two] = tokenize("on 2");
    expect(on && isWord(on)).toBe(true);
    expect(two && isWord(two)).toBe(false);
  });

  it("finds pseudo-variables inside strings, at their offsets, as a format string's", () => {
    // `$$` is a literal `$`; a backslash does not escape `$` (Kamailio keeps it and reads $x).
    const text = 'xlog("src [$si:$sp] $mqk(alert) $$ \\$x")';
    const [str] = tokenize(text).filter((t) => t.kind === "string");
    const pvs = str ? embeddedPvs(str) : [];
    expect(pvs.map((p) => p.text)).toEqual(["$si", "$sp", "$mqk(alert)", "$x"]);
    expect(pvs.map((p) => text.slice(p.start, p.end))).toEqual(["$si", "$sp", "$mqk(alert)", "$x"]);
  });
});
