/**
 * ProgramInfo.routeUses: where a config names its routes — route(X), tm's t_on_* hooks, rtimer's
 * exec lines — with the block each use is written in, for the editor's outline.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileConfig, type ProgramInfo } from "../../src/engine/index.js";

const classic = readFileSync(join(import.meta.dirname, "..", "..", "examples", "classic", "kamailio.cfg"), "utf8");

const shown = (text: string, info: ProgramInfo) =>
  info.routeUses.map(
    (u) =>
      `${u.from ? `${u.from.kind}[${u.from.name}]` : "-"} ${u.via} -> ${u.target.kind}[${u.target.name}] @ ${text.slice(u.span.start, u.span.end)}`,
  );

const CFG = `loadmodule "tm.so"
loadmodule "sl.so"
request_route {
    if (is_method("INVITE")) {
        t_on_failure("MISSED");
        t_on_branch("BR");
        t_on_reply("RPL");
        route(RELAY);
    } else {
        switch ($rm) {
            case "BYE": route(RELAY); break;
        }
    }
    $var(r) = "RELAY";
    route($var(r));
}
route[RELAY] {
    if (!t_relay()) sl_reply_error();
}
failure_route[MISSED] {
    t_on_branch_failure("BF");
    route(RELAY);
}
branch_route[BR] { }
onreply_route[RPL] { }
event_route[tm:branch-failure:BF] { }
`;

describe("routeUses", () => {
  it("lists each literal route(X) and t_on_* hook with the block it is written in", () => {
    const { info } = compileConfig(CFG);
    expect(shown(CFG, info)).toEqual([
      'request[] t_on_failure -> failure[MISSED] @ t_on_failure("MISSED")',
      'request[] t_on_branch -> branch[BR] @ t_on_branch("BR")',
      'request[] t_on_reply -> onreply[RPL] @ t_on_reply("RPL")',
      "request[] route -> route[RELAY] @ route(RELAY)",
      "request[] route -> route[RELAY] @ route(RELAY)",
      'failure[MISSED] t_on_branch_failure -> event[tm:branch-failure:BF] @ t_on_branch_failure("BF")',
      "failure[MISSED] route -> route[RELAY] @ route(RELAY)",
    ]);
  });

  it("names rtimer's exec routes at the timer's name (the classic example's ta runs QMALERT)", () => {
    const { info } = compileConfig(classic);
    expect(shown(classic, info).filter((u) => u.includes(" rtimer "))).toEqual(["- rtimer -> route[QMALERT] @ ta"]);
  });
});
