/**
 * Runtime errors are logged the way Kamailio logs them and the simulation goes on; nothing can
 * hang the engine: a run without Kamailio's own limit is stopped by kamsim's step budget.
 */
import { describe, expect, it } from "vitest";
import { runEngine } from "../support/engine.js";

const traffic = {
  duration: 3,
  streams: [{ name: "s", src: "192.0.2.1", method: "OPTIONS", rate: 1, pattern: "uniform", start: 0.5 }],
};

/** A request route that never leaves its loop (max_while_loops=0): only kamsim's limits stop it. */
const RUNAWAY = `loadmodule "pv.so"
loadmodule "xlog.so"
max_while_loops=0
debug=2
request_route {
    xlog("L_NOTICE", "start $cs\\n");
    while (1) {
        $var(i) = $var(i) + 1;
    }
}
`;

describe("runtime errors and limits", () => {
  it("logs a division by zero, keeps the variable, and handles the next requests", () => {
    const r = runEngine(
      `loadmodule "pv.so"
loadmodule "xlog.so"
debug=2
request_route {
    $var(a) = 7;
    $var(z) = 0;
    $var(a) = 10 / $var(z);
    xlog("L_NOTICE", "a=$var(a) cseq=$cs\\n");
}
`,
      traffic,
    );
    expect(
      r.lines.filter((l) => l.includes("ERROR: <core> [core/rvalue.c:1412]: int_intop2(): rv div by 0")).length,
    ).toBe(3);
    // Then rval_expr_eval() and lval_assign() each report the expression's position, as 5.6.3 does.
    expect(
      r.lines.filter((l) => l.includes("rval_expr_eval(): rval expression evaluation failed (7,15-7,26)")).length,
    ).toBe(3);
    expect(
      r.lines.filter((l) => l.includes("lval_assign(): rval expression evaluation failed (7,15-7,26)")).length,
    ).toBe(3);
    expect(r.lines.filter((l) => l.includes("a=7 cseq=")).length).toBe(3);
  });

  it("stops a while loop at max_while_loops with Kamailio's two lines, and the script goes on", () => {
    const r = runEngine(
      `loadmodule "pv.so"
loadmodule "xlog.so"
debug=2
request_route {
    $var(i) = 0;
    while ($var(i) < 1000) {
        $var(i) = $var(i) + 1;
    }
    xlog("L_NOTICE", "i=$var(i)\\n");
}
`,
      traffic,
    );
    expect(r.lines.filter((l) => /runaway while \(6, 20\): more then 100 loops/.test(l)).length).toBe(3);
    expect(r.lines.filter((l) => l.includes("run action error at: kamailio.cfg:8")).length).toBe(3);
    expect(r.lines.filter((l) => l.includes("i=100")).length).toBe(3);
  });

  it("stops an endless loop (max_while_loops=0) with kamsim's step budget and keeps simulating", () => {
    const r = runEngine(RUNAWAY, traffic, { stepBudget: 100_000 });
    expect(r.lines.filter((l) => l.includes("start ")).length).toBe(3);
    expect(
      r.lines.filter((l) => l.includes("kamsim: script stopped after 100000 actions in request_route (step budget)"))
        .length,
    ).toBe(3);
  });

  it("stops the whole simulation once the step budget has stopped ten script runs (kamsim's work limit)", () => {
    // A script that always runs away took the budget's time on every request: minutes for a
    // traffic file. After ten, nothing more is simulated, and the log says so.
    const r = runEngine(RUNAWAY, { ...traffic, duration: 30 }, { stepBudget: 10_000 });
    expect(r.lines.filter((l) => l.includes("start ")).length).toBe(10);
    expect(r.lines.filter((l) => l.includes("(step budget)")).length).toBe(10);
    expect(r.lines.at(-1)).toContain(
      "CRITICAL: kamsim: the simulation stops here: its scripts ran into the step budget 10 times (100000 actions); nothing more is simulated (kamsim's work limit)",
    );
  });

  it("reports too deep route recursion and returns -1 to the caller", () => {
    const r = runEngine(
      `loadmodule "pv.so"
loadmodule "xlog.so"
debug=2
request_route {
    $var(d) = 0;
    route(R);
    xlog("L_NOTICE", "back rc=$rc depth=$var(d)\\n");
}
route[R] {
    $var(d) = $var(d) + 1;
    route(R);
}
`,
      { ...traffic, duration: 1 },
    );
    expect(r.lines.filter((l) => l.includes("too many recursive routing table lookups (257) giving up!")).length).toBe(
      1,
    );
    expect(r.lines.some((l) => l.includes("back rc=-1 depth=255"))).toBe(true);
  });
});
