import { describe, expect, it } from "vitest";
import type { BinaryOp } from "../lang/ast.js";
import type { ScriptContext } from "./context.js";
import { intOpBoth, intOpLiteral } from "./int-closures.js";
import { ExprFail, INT_OPS } from "./ops.js";

const ctx = {} as ScriptContext;
const EDGES = [0, 1, -1, 2, -2, 3, 7, -7, 31, 32, 1000, -1000, 2147483647, -2147483648, 1073741824, -1073741825];
const OPS = Object.keys(INT_OPS) as BinaryOp[];

/** The operator's result, or the ExprFail it throws (division by zero). */
function outcome(f: () => number): number | string {
  try {
    return f();
  } catch (err) {
    if (err instanceof ExprFail) return `fail: ${err.reason}`;
    throw err;
  }
}

describe("fused int operator closures", () => {
  it("give INT_OPS' result for every operator, with a literal or a computed right side", () => {
    for (const op of OPS) {
      const generic = INT_OPS[op] as (a: number, b: number) => number;
      for (const a of EDGES)
        for (const b of EDGES) {
          const want = outcome(() => generic(a, b));
          const lit = intOpLiteral(op, () => a, b);
          const both = intOpBoth(
            op,
            () => a,
            () => b,
          );
          expect(
            outcome(() => (lit as (c: ScriptContext) => number)(ctx)),
            `${a} ${op} ${b}`,
          ).toBe(want);
          expect(
            outcome(() => (both as (c: ScriptContext) => number)(ctx)),
            `${a} ${op} ${b}`,
          ).toBe(want);
        }
    }
  });

  it("evaluate the left operand before the right one", () => {
    const order: string[] = [];
    const f = intOpBoth(
      "-",
      () => order.push("left") + 4,
      () => order.push("right") + 1,
    );
    expect(f?.(ctx)).toBe(2);
    expect(order).toEqual(["left", "right"]);
  });

  it("are undefined for operators that are not int operators", () => {
    expect(intOpLiteral("+", () => 1, 1)).toBeUndefined();
    expect(
      intOpBoth(
        "==",
        () => 1,
        () => 1,
      ),
    ).toBeUndefined();
  });
});
