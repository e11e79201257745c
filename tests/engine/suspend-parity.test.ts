/**
 * Routes that may block run through runtime/suspend.ts (coroutines), all others through
 * stmt.ts/expr.ts. The two must never disagree, so every golden case, every example and the
 * kamsim side of every differential case runs again with `forceSuspend` (every route compiled as
 * a coroutine, every operator of every expression evaluated on the coroutine path) and must
 * give the same output: the same expected.log, the same events (every kind, times included),
 * the same log lines and replies the differential suite compares with Kamailio.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { compileConfig, parseTrafficText } from "../../src/engine/index.js";
import { buildProgram } from "../../src/engine/link/program.js";
import { runCase } from "../golden/run-case.js";
import { runKamsim } from "../kamailio/harness/kamsim-run.js";
import { findCases } from "../support/cases.js";
import { runEngine } from "../support/engine.js";

const root = join(import.meta.dirname, "..", "..");

const read = (dir: string, file: string) => readFileSync(join(dir, file), "utf8");
const golden = [...findCases(join(root, "tests", "golden")), ...findCases(join(root, "examples"))];
const differential = findCases(join(root, "tests", "kamailio", "cases"));
const selected = (dirs: string[]) => dirs.filter((d) => !process.env.FILTER || d.includes(process.env.FILTER));

describe("the suspending compiler agrees with the plain one", () => {
  it("finds the cases", () => {
    if (process.env.FILTER) return;
    expect(golden.length).toBeGreaterThanOrEqual(50);
    expect(differential.length).toBeGreaterThanOrEqual(30);
  });

  it("forceSuspend really compiles every route as a coroutine", () => {
    // No module: buildProgram is given no module instances here.
    const { front } = compileConfig(
      "request_route {\n  route(A);\n  if (1) { route(B); }\n}\nroute[A] {\n  return 2;\n}\nroute[B] {\n  while (0) { drop; }\n}\n",
    );
    const cells = (forceSuspend: boolean) => {
      const { routes } = buildProgram(front.checked, front.files, new Map(), { forceSuspend });
      return [routes.request, ...routes.named.values(), ...routes.events.values()];
    };
    expect(cells(false).length).toBeGreaterThan(2);
    for (const c of cells(false)) expect(c?.run, c?.name).toBeDefined();
    for (const c of cells(true)) {
      expect(c?.gen, c?.name).toBeDefined();
      expect(c?.run, c?.name).toBeUndefined();
    }
  });

  for (const dir of selected(golden)) {
    it(relative(root, dir), () => {
      expect(runCase(dir, true)).toBe(read(dir, "expected.log"));
      const seed = existsSync(join(dir, "case.json")) ? JSON.parse(read(dir, "case.json")).seed : undefined;
      const plain = runEngine(read(dir, "kamailio.cfg"), read(dir, "traffic.json"), { seed });
      const forced = runEngine(read(dir, "kamailio.cfg"), read(dir, "traffic.json"), { seed, forceSuspend: true });
      expect(forced.events.length).toBe(plain.events.length);
      expect(JSON.stringify(forced.events)).toBe(JSON.stringify(plain.events));
    });
  }

  for (const dir of selected(differential)) {
    it(relative(root, dir), () => {
      const parsed = parseTrafficText(read(dir, "traffic.json"));
      if ("errors" in parsed) throw new Error(JSON.stringify(parsed.errors));
      const { plan } = parsed;
      const plain = runKamsim(read(dir, "kamailio.cfg"), plan, plan.seed);
      const forced = runKamsim(read(dir, "kamailio.cfg"), plan, plan.seed, true);
      expect(plain.lines.length).toBeGreaterThan(0);
      expect(forced.lines).toEqual(plain.lines);
      expect([...forced.replies]).toEqual([...plain.replies]);
      expect([...forced.firings]).toEqual([...plain.firings]);
      expect(forced.received).toBe(plain.received);
    });
  }

  // kamsim's own limits and failures, which no golden case reaches: the step budget (counted per
  // action on both paths), a failed switch subject, a failing transformation on an assignment's
  // right side, recursion past max_recursive_level.
  const limits: Record<string, string> = {
    "step budget": `max_while_loops=0
request_route {
    xlog("L_NOTICE", "start $cs\\n");
    while (1) { $var(i) = $var(i) + 1; if ($var(i) > 200000) { break; } }
}`,
    "failed switch subject, failed transformation": `request_route {
    $var(z) = 0;
    switch (10 / $var(z)) { case 1: xlog("L_NOTICE", "one\\n"); default: xlog("L_NOTICE", "default\\n"); }
    switch (10 / $var(z)) { case 1: xlog("L_NOTICE", "one\\n"); }
    xlog("L_NOTICE", "rc=$rc\\n");
    $var(s) = "abc";
    $var(t) = $(var(s){s.int});
    $var(u) = $(var(s){s.substr,9,1}) + 1;
    xlog("L_NOTICE", "t=$var(t) u=$var(u)\\n");
}`,
    recursion: `request_route { $var(d) = 0; route(R); xlog("L_NOTICE", "back rc=$rc depth=$var(d)\\n"); }
route[R] { $var(d) = $var(d) + 1; route(R); }`,
  };
  for (const [name, body] of Object.entries(limits)) {
    it(`limits: ${name}`, () => {
      const config = `loadmodule "pv.so"\nloadmodule "xlog.so"\ndebug=2\n${body}\n`;
      const traffic = {
        duration: 2,
        streams: [{ name: "s", src: "192.0.2.1", method: "OPTIONS", rate: 1, start: 0.5 }],
      };
      const plain = runEngine(config, traffic, { stepBudget: 50_000 });
      const forced = runEngine(config, traffic, { stepBudget: 50_000, forceSuspend: true });
      expect(plain.lines.length).toBeGreaterThan(2);
      expect(forced.text).toBe(plain.text);
      expect(JSON.stringify(forced.events)).toBe(JSON.stringify(plain.events));
    });
  }
});
