/**
 * The lexer as the editor uses it (scanText, scanLine): the same tokens the checker reads, with
 * comments, and line by line with the state a line leaves to the next.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIRST_LINE, type LineState, type ScanToken, scanLine, scanText } from "../../src/engine/index.js";

const examples = join(import.meta.dirname, "..", "..", "examples");

/** Every line's tokens, moved to offsets in the whole text. */
function byLines(text: string): ScanToken[] {
  const out: ScanToken[] = [];
  let state: LineState = FIRST_LINE;
  let at = 0;
  for (const line of text.split("\n")) {
    const r = scanLine(line, state);
    for (const t of r.tokens) out.push({ ...t, start: t.start + at, end: t.end + at });
    state = r.state;
    at += line.length + 1;
  }
  return out;
}

const brief = (ts: readonly ScanToken[]) => ts.map((t) => `${t.kind}@${t.start}-${t.end}`);

describe("scanText and scanLine", () => {
  it("line by line gives the whole text's tokens, for every example config", () => {
    for (const name of readdirSync(examples)) {
      const text = readFileSync(join(examples, name, "kamailio.cfg"), "utf8");
      expect(brief(byLines(text)), name).toEqual(brief(scanText(text)));
    }
  });

  it("leaves the next line inside a nested block comment, a string, or a continued #!define", () => {
    const states: LineState[] = [];
    let s = FIRST_LINE;
    for (const line of [
      "x /* a /* b */",
      "*/ */ y",
      'v = "ab',
      'cd";',
      "w = 'ef",
      "gh';",
      "#!define A 1 \\",
      "2",
      "z",
    ]) {
      s = scanLine(line, s).state;
      states.push(s);
    }
    expect(states.map((t) => `${t.comment}${t.quote}${t.directive ? "\\" : ""}`)).toEqual([
      "1",
      "0",
      '0"',
      "0",
      "0'",
      "0",
      "0\\",
      "0",
      "0",
    ]);
  });

  it("keeps comments as tokens in their place, and says where the text ends inside one", () => {
    expect(scanText("a # c\n/* d */ b /* e").map((t) => `${t.kind}:${t.text}${t.open ? "…" : ""}`)).toEqual([
      "ident:a",
      "comment:# c",
      "comment:/* d */",
      "ident:b",
      "comment:/* e…",
    ]);
  });
});
