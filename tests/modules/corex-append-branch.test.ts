/**
 * corex append_branch() (modules/corex/corex_lib.c) on the destination set (runtime/dset.ts):
 * the branch takes the URI (or the R-URI), q (str2q() of core/qvalue.c), $du, path and the
 * R-URI's branch flags; without a URI those leave the R-URI. The case call-corex-append-branch
 * agrees with Kamailio 5.6.3 on what the script sees.
 */
import { describe, expect, it } from "vitest";
import { str2q } from "../../src/engine/modules/corex/append-branch.js";
import { runScript, scriptOnly } from "../support/script.js";

describe("corex append_branch()", () => {
  it("str2q() reads q values as core/qvalue.c does", () => {
    const cases: [string, number | undefined][] = [
      ["0.5", 500],
      ["1", 1000],
      ["1.000", 1000],
      ["0.1239", 123],
      [".25", 250],
      ["  0.05", 50],
      ["0", 0],
      ["1.5", undefined],
      ["2", undefined],
      [".", undefined],
      ["1.", undefined],
      ["", undefined],
      ["0.5x", undefined],
    ];
    for (const [text, q] of cases) expect([text, str2q(text)]).toEqual([text, q]);
  });

  it("adds branches with $du and the branch flags, and empties them without a URI", () => {
    const body = [
      '$du = "sip:127.0.0.1:5099"; setbflag(3);',
      'append_branch("sip:carol@example.com", "0.5");',
      'xlog("L_INFO", "$rc $bR du=$du bf=$bf\\n");',
      "append_branch();",
      'xlog("L_INFO", "$rc $bR du=$du bf=$bf\\n");',
      'append_branch("sip:x@example.com", "1.5");',
      'xlog("L_INFO", "$rc\\n");',
    ].join("\n  ");
    expect(scriptOnly(runScript(body, { modules: ["kex", "corex"] }))).toEqual([
      "1 <sip:carol@example.com>;q=0.5 du=sip:127.0.0.1:5099 bf=8",
      "1 <sip:carol@example.com>;q=0.5, sip:bob@example.net du=<null> bf=0",
      "-1",
    ]);
  });
});
