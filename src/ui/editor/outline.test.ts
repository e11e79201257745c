import { describe, expect, it } from "vitest";
import { compileConfig } from "../../engine/index.js";
import { buildOutline } from "./outline.js";

const CFG = `loadmodule "tm.so"
loadmodule "sl.so"
request_route {
    t_on_failure("MISSED");
    route(RELAY);
}
route[RELAY] {
    if (!t_relay()) sl_reply_error();
}
failure_route[MISSED] {
    route(RELAY);
}
route[UNUSED] { }
`;

const show = (o: ReturnType<typeof buildOutline>) =>
  o.map((r) => ({
    route: `${r.label} @${r.at ? `${r.at.line}:${r.at.col}` : "-"}${r.runs ? ` (${r.runs})` : ""}`,
    callers: r.callers.map((c) => `${c.label} @${c.at ? `${c.at.line}:${c.at.col}` : "-"}`),
  }));

describe("buildOutline", () => {
  it("lists each route with where it is and who names it, at their lines", () => {
    const { info } = compileConfig(CFG);
    expect(show(buildOutline(info, CFG))).toEqual([
      { route: "request_route @3:1 (runs for every request received)", callers: [] },
      {
        route: "route[RELAY] @7:7",
        callers: ["route(RELAY) in request_route @5:5", "route(RELAY) in failure_route[MISSED] @11:5"],
      },
      { route: "failure_route[MISSED] @10:15", callers: ['t_on_failure("MISSED") in request_route @4:5'] },
      { route: "route[UNUSED] @13:7", callers: [] },
    ]);
  });

  it("drops a place whose text moved since the check (never a wrong line)", () => {
    const { info } = compileConfig(CFG);
    const moved = `\n\n${CFG}`;
    const relay = buildOutline(info, moved).find((r) => r.label === "route[RELAY]");
    expect(relay?.at).toBeUndefined();
  });

  it("is empty before the first check", () => {
    expect(buildOutline(undefined, CFG)).toEqual([]);
  });
});
