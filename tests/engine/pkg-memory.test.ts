/**
 * Private memory (docs/kamailio/memory.md#private-memory): a string doubled by `+` in a loop
 * ended kamsim with "internal error ... Invalid string length" (the host's string limit) at
 * step 28; Kamailio 5.6.3 runs out of its 8 MB pool at step 21, logs, and goes on. The steps and
 * lines are Debian's 5.6.3's, measured (the differential case tests/kamailio/cases/
 * memory-pkg-doubling runs the same config on both).
 */
import { describe, expect, it } from "vitest";
import { runEngine } from "../support/engine.js";

const TRAFFIC = {
  duration: 1,
  seed: 1,
  streams: [{ name: "one", src: "192.0.2.1", method: "OPTIONS", rate: 1, start: 0.5, count: 1 }],
};

const doubling = (steps: number, after = "") => `children=1
loadmodule "pv.so"
loadmodule "xlog.so"
request_route {
    $var(s) = "ab";
    $var(i) = 1;
    while ($var(i) <= ${steps}) {
        $var(s) = $var(s) + $var(s);
        xlog("L_ERR", "step $var(i): len=$(var(s){s.len})\\n");
        $var(i) = $var(i) + 1;
    }
${after}    xlog("L_ERR", "done\\n");
    drop;
}
`;

/** The run's log lines without the process prefix (` 1(1001) `), one string. */
const run = (config: string) =>
  runEngine(config, TRAFFIC)
    .lines.map((l) => l.replace(/^\s*\d+\(\d+\) /, ""))
    .join("\n");

describe("private memory", () => {
  it("a string doubled 40 times fails at step 21 as in Kamailio, with its lines, and the script goes on", () => {
    const log = run(doubling(40));
    expect(log).toContain("step 20: len=2097152");
    expect(log).toContain(
      [
        "ERROR: <core> [core/rvalue.c:253]: rval_new_empty(): could not allocate private memory from pkg pool",
        "ERROR: <core> [core/rvalue.c:1739]: rval_str_add2(): rv eval out of memory",
        "ERROR: <core> [core/lvalue.c:386]: lval_assign(): rval expression evaluation failed (8,19-8,35)",
        "ERROR: <script>: step 21: len=2097152",
      ].join("\n"),
    );
    expect(log).toContain("step 40: len=2097152");
    expect(log).toContain("done");
  });

  it("a copy that does not fit fails in set_var_value(): the variable becomes 0", () => {
    const copies = `    $var(t1) = $var(s);
    $var(t2) = $var(s);
    $var(t3) = $var(s);
    xlog("L_ERR", "t1=$(var(t1){s.len}) t2=$(var(t2){s.len}) t3=$var(t3)\\n");
`;
    const log = run(doubling(20, copies));
    expect(log).toContain(
      [
        "ERROR: pv [pv_svar.c:132]: set_var_value(): out of pkg mem!",
        "ERROR: pv [pv_core.c:2969]: pv_set_scriptvar(): error - cannot set svar [t3] ",
        "ERROR: <core> [core/lvalue.c:353]: lval_pvar_assign(): setting pvar failed",
        "ERROR: <core> [core/lvalue.c:404]: lval_assign(): assignment failed at pos: (14,16-14,22)",
        "ERROR: <script>: t1=2097152 t2=2097152 t3=0",
      ].join("\n"),
    );
  });

  it("a variable set to an int gives its string's memory back", () => {
    const freed = `    $var(t1) = $var(s);
    $var(t1) = 0;
    $var(t2) = $var(s);
    $var(t2) = 0;
    $var(t3) = $var(s);
    xlog("L_ERR", "t3=$(var(t3){s.len})\\n");
`;
    const log = run(doubling(20, freed));
    expect(log).toContain("t3=2097152");
    expect(log).not.toContain("out of pkg mem");
  });

  it("a string + an int literal, and a chain starting with a literal, are counted too", () => {
    const cfg = `children=1
loadmodule "pv.so"
loadmodule "xlog.so"
request_route {
    $var(s) = "ab";
    $var(i) = 1;
    while ($var(i) <= 24) {
        $var(s) = "" + $var(s) + $var(s) + 7;
        $var(i) = $var(i) + 1;
    }
    xlog("L_ERR", "len=$(var(s){s.len})\\n");
    drop;
}
`;
    const log = run(cfg);
    expect(log).toContain("rval_new_empty(): could not allocate private memory from pkg pool");
    expect(log).toMatch(/len=\d{6,7}\n?/);
  });
});
