import { describe, expect, it } from "vitest";
import type { ScriptContext } from "../context.js";
import type { Value } from "../values.js";
import { compileTransform, runChain, type Transform, transformPvParams } from "./index.js";

/** A script context that only records the ERROR lines a transformation logs. */
function fakeContext(logs: string[]): ScriptContext {
  return {
    sv: {
      log: {
        module: (_s: unknown, _l: number, mod: string, at: string, fn: string, text: string) =>
          logs.push(`${mod} [${at}]: ${fn}(): ${text}`),
        core: (_s: unknown, _l: number, at: string, fn: string, text: string) =>
          logs.push(`<core> [core/${at}]: ${fn}(): ${text}`),
      },
    },
    proc: { index: 1, pid: 1, vars: [], local: new Map() },
    start: 0,
    cost: 0,
    route: "request_route",
  } as unknown as ScriptContext;
}

/** Applies a chain of transformations (bodies without braces) as program.ts does. */
function apply(bodies: string[], input: Value, vars: Record<string, Value> = {}, ctx = fakeContext([])) {
  const chain: Transform[] = bodies.map((body) => {
    const t = compileTransform(body, { pv: (spec) => () => vars[spec.inner ?? ""], line: 7 });
    if (!t) throw new Error(`not simulated: ${body}`);
    return t;
  });
  return runChain(chain, input, ctx);
}

const tr = (body: string, input: Value, vars?: Record<string, Value>) => apply([body], input, vars);

/** The value and the ERROR lines of one transformation. */
function logged(body: string, input: Value, vars?: Record<string, Value>, logs: string[] = []) {
  const value = apply([body], input, vars, fakeContext(logs));
  return { value, logs };
}

describe("transformations", () => {
  it("placeholder", () => {
    expect(tr("s.len", "alice")).toBe(5);
    expect(transformPvParams("s.substr,$var(a),1")).toHaveLength(1);
    expect(logged("s.substr,9,1", "abc").logs).toHaveLength(1);
  });
});
