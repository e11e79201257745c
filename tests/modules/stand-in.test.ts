/**
 * The program build gives a declared stand-in only to what is declared unsimulated; a function
 * declared simulated whose behaviour is missing is a kamsim bug (InternalError), never a silent
 * no-op that returns 1.
 */
import { describe, expect, it } from "vitest";
import { InternalError } from "../../src/engine/base/errors.js";
import { analyzeConfig } from "../../src/engine/link/analyze.js";
import { buildProgram } from "../../src/engine/link/program.js";
import type { ModuleInstance } from "../../src/engine/modules/runtime-types.js";
import { UNSIMULATED } from "../../src/engine/modules/unsimulated.js";

const CFG = `loadmodule "mqueue.so"
modparam("mqueue", "mqueue", "name=q")
request_route {
  mq_pv_free("q");
  revert_uri();
}
`;

function build(instance: ModuleInstance) {
  const front = analyzeConfig(CFG);
  expect(front.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return buildProgram(front.checked, front.files, new Map([["mqueue", instance]]));
}

describe("stand-ins", () => {
  it("a simulated function without behaviour is an internal error", () => {
    expect(() => build({ functions: {} })).toThrow(InternalError);
    expect(() => build({ functions: {} })).toThrow(/mqueue: mq_pv_free is declared simulated but has no behaviour/);
  });

  it("declared behaviour is used; an unsimulated core action gets the stand-in", () => {
    const own = { compile: () => () => 7 };
    const b = build({ functions: { mq_pv_free: own } });
    expect(b.env.fn("mq_pv_free", 1)).toBe(own);
    expect(b.env.fn("revert_uri", 0)).toBe(UNSIMULATED);
    expect(b.env.fn("no_such_function", 0)).toBeUndefined();
  });
});
