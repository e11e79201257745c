import { describe, expect, it } from "vitest";
import { FIRST_LINE } from "../../engine/index.js";
import { highlightLine } from "./highlight.js";

/** Each line of `text` as `piece:class` pairs (white space left out), carrying the state down. */
function classes(text: string): string[][] {
  let state = FIRST_LINE;
  return text.split("\n").map((line) => {
    const r = highlightLine(line, state);
    state = r.state;
    return r.tokens
      .map((t, i) => [line.slice(t.startIndex, r.tokens[i + 1]?.startIndex ?? line.length), t.scopes])
      .filter(([piece]) => piece?.trim() !== "")
      .map(([piece, scope]) => `${piece}:${scope}`);
  });
}

describe("highlightLine: the engine's tokens as Monaco classes", () => {
  it("colours keywords, functions, pseudo-variables, strings and their variables", () => {
    expect(classes('if ($x == 1) { xlog("L_INFO", "src $si\\n"); }')).toEqual([
      [
        "if:keyword",
        "(:delimiter.parenthesis",
        "$x:variable",
        "==:operator",
        "1:number",
        "):delimiter.parenthesis",
        "{:delimiter.curly",
        "xlog:function",
        "(:delimiter.parenthesis",
        '"L_INFO":string',
        ",:delimiter",
        '"src :string',
        "$si:variable",
        "\\n:string.escape",
        '":string',
        "):delimiter.parenthesis",
        ";:delimiter",
        "}:delimiter.curly",
      ],
    ]);
  });

  it("knows directives as Kamailio's lexer does: #!KAMAILIO only first, unknown #!words are comments", () => {
    expect(classes("#!KAMAILIO\n#!define WITH_X 1\n#!KAMAILIO\n#!foo bar")).toEqual([
      ["#!KAMAILIO:keyword.directive"],
      ["#!define:keyword.directive", "WITH_X:macro", " 1:"],
      ["#!KAMAILIO:comment"],
      ["#!foo bar:comment"],
    ]);
  });

  it("carries a nested block comment, a string and a continued #!define to the next lines", () => {
    expect(classes('a /* x /* y */\nstill */ b = "one\ntwo $si";\n#!define D 1 \\\n  2\nc')).toEqual([
      ["a:identifier", "/* x /* y */:comment"],
      ["still */:comment", "b:identifier", "=:operator", '"one:string'],
      ["two :string", "$si:variable", '":string', ";:delimiter"],
      ["#!define:keyword.directive", "D:macro", " 1 \\:"],
      ["  2:"],
      ["c:identifier"],
    ]);
  });

  it("names routes in blocks and calls, and reads addresses and boolean words as values", () => {
    expect(classes('event_route[htable:mod-init] { route(CHECK); route("Q"); }\nlisten=10.0.0.1 x=yes')).toEqual([
      [
        "event_route:keyword",
        "[:delimiter.square",
        "htable:mod-init:type.route",
        "]:delimiter.square",
        "{:delimiter.curly",
        "route:keyword",
        "(:delimiter.parenthesis",
        "CHECK:type.route",
        "):delimiter.parenthesis",
        ";:delimiter",
        "route:keyword",
        "(:delimiter.parenthesis",
        '"Q":type.route',
        "):delimiter.parenthesis",
        ";:delimiter",
        "}:delimiter.curly",
      ],
      ["listen:identifier", "=:operator", "10.0.0.1:number", "x:identifier", "=:operator", "yes:constant"],
    ]);
  });

  it("gives every character of a line to exactly one token, from offset 0", () => {
    const line = '  mq_add("q", "$si", "x"); # done';
    const { tokens } = highlightLine(line, FIRST_LINE);
    expect(tokens[0]?.startIndex).toBe(0);
    const starts = tokens.map((t) => t.startIndex);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    expect(new Set(starts).size).toBe(starts.length);
  });
});
