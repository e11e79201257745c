/**
 * `-D NAME[=VALUE]` as the CLI and the playground's defines box read it: the box takes both
 * `WITH_A WITH_B` and `-D WITH_A -D X=1`, and says what is wrong in the CLI's words.
 */
import { describe, expect, it } from "vitest";
import { parseDefineArg, parseDefinesText } from "../../src/engine/index.js";

describe("the defines box's text", () => {
  it("takes bare names, -D NAME, -DNAME and values, a later entry winning", () => {
    expect(parseDefinesText("  WITH_ANTIFLOOD\tWITH_DEBUG\n")).toEqual({
      defines: { WITH_ANTIFLOOD: "", WITH_DEBUG: "" },
    });
    expect(parseDefinesText("-D WITH_ANTIFLOOD -D X=1 -DY=a=b X=2 Z=")).toEqual({
      defines: { WITH_ANTIFLOOD: "", X: "2", Y: "a=b", Z: "" },
    });
    expect(parseDefinesText("")).toEqual({ defines: {} });
  });

  it("says what is wrong with the first bad entry, in the CLI's words, and keeps the good ones", () => {
    expect(parseDefinesText("WITH_A -D=")).toEqual({
      defines: { WITH_A: "" },
      error: "-D needs NAME[=VALUE], not '=' (no name before '=')",
    });
    expect(parseDefinesText("WITH_A -D")).toEqual({ defines: { WITH_A: "" }, error: "-D needs NAME[=VALUE]" });
    expect(parseDefinesText("X = 1").error).toBe("-D needs NAME[=VALUE], not '=' (no name before '=')");
    expect(parseDefinesText('-D "WITH X"').error).toBe(
      `-D needs NAME[=VALUE], not '"WITH' (a name is letters, digits and '_': #!ifdef could never test '"WITH')`,
    );
    expect(parseDefinesText("-DWITH-X").error).toContain("#!ifdef could never test 'WITH-X'");
    expect(parseDefinesText("--define X").error).toBe("unknown option --define: write NAME[=VALUE] or -D NAME[=VALUE]");
  });

  it("one -D argument as the CLI gets it: a name with a space is refused, a value may hold one", () => {
    expect(parseDefineArg("WITH X")).toEqual({
      error:
        "-D needs NAME[=VALUE], not 'WITH X' (a name is letters, digits and '_': #!ifdef could never test 'WITH X')",
    });
    expect(parseDefineArg("MSG=hello world")).toEqual({ name: "MSG", value: "hello world" });
    expect(parseDefineArg(undefined)).toEqual({ error: "-D needs NAME[=VALUE]" });
  });
});
