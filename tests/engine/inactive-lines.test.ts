/**
 * ProgramInfo.inactiveLines: the lines `#!ifdef`/`#!ifndef`/`#!else` leave unread with the
 * defines given — the same preprocessing that decides what runs (the editor dims these lines).
 */
import { describe, expect, it } from "vitest";
import { compileConfig } from "../../src/engine/index.js";

const NESTED = [
  "#!ifdef WITH_A", // 1
  'xlog("a")', // 2
  "#!ifndef WITH_B", // 3
  'xlog("a, not b")', // 4
  "#!else", // 5
  'xlog("a and b")', // 6
  "#!endif", // 7
  "#!else", // 8
  'xlog("not a")', // 9
  "#!ifdef WITH_B", // 10
  'xlog("b, not a")', // 11
  "#!endif", // 12
  "#!endif", // 13
  "request_route { exit; }", // 14
  "",
].join("\n");

const inactive = (text: string, defines: Record<string, string> = {}) =>
  compileConfig(text, { defines }).info.inactiveLines;

describe("inactive #!ifdef regions", () => {
  it("nested ifdef/ifndef/else with no define: the #!ifdef branch, and the inner #!ifdef of the #!else", () => {
    expect(inactive(NESTED)).toEqual([
      { from: 2, to: 7 },
      { from: 11, to: 11 },
    ]);
  });

  it("with WITH_A: the outer #!else branch, and the inner #!else", () => {
    expect(inactive(NESTED, { WITH_A: "" })).toEqual([
      { from: 6, to: 6 },
      { from: 9, to: 12 },
    ]);
  });

  it("with WITH_A and WITH_B: the inner #!ifndef's branch and the outer #!else", () => {
    expect(inactive(NESTED, { WITH_A: "", WITH_B: "1" })).toEqual([
      { from: 4, to: 4 },
      { from: 9, to: 12 },
    ]);
  });

  it("with WITH_B only: the #!ifdef branch; the inner #!ifdef of the #!else is read", () => {
    expect(inactive(NESTED, { WITH_B: "" })).toEqual([{ from: 2, to: 7 }]);
  });

  it("a #!define in the config counts as a -D does, and a skipped #!define defines nothing", () => {
    const text = ["#!define WITH_X", "#!ifndef WITH_X", "#!define WITH_Y", "#!endif", "#!ifdef WITH_Y", "y", "#!endif"];
    expect(inactive(text.join("\n"))).toEqual([
      { from: 3, to: 3 },
      { from: 6, to: 6 },
    ]);
  });

  it("an #!ifdef left open runs to the file's end; an empty branch is no range; CRLF lines count once", () => {
    expect(inactive("#!ifdef X\r\n#!endif\r\na\r\n#!ifdef X\r\nb\r\nc")).toEqual([{ from: 5, to: 6 }]);
    expect(inactive("#!ifdef X\na\n")).toEqual([{ from: 2, to: 2 }]);
  });

  it("without any conditional, nothing is inactive", () => {
    expect(inactive("request_route { exit; }\n", { WITH_X: "" })).toEqual([]);
  });
});
