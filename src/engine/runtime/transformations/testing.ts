/**
 * For the transformation tests: a script context that records the ERROR lines logged, and a
 * runner applying a chain of transformations as program.ts does. Not used by the engine.
 */
import type { ScriptContext } from "../context.js";
import type { Value } from "../values.js";
import { compileTransform, runChain, type Transform } from "./index.js";

/** A context whose logger appends each line (without its level) to `logs`; one process. */
export function fakeContext(logs: string[] = []): ScriptContext {
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

/**
 * Applies `bodies` (without braces) to `input`; a PV parameter `$var(name)` reads `vars[name]`,
 * and `(cfg line: N)` says 7. Throws if one is not simulated.
 */
export function applyChain(
  bodies: readonly string[],
  input: Value,
  vars: Readonly<Record<string, Value>> = {},
  ctx: ScriptContext = fakeContext(),
): Value | undefined {
  const chain: Transform[] = bodies.map((body) => {
    const t = compileTransform(body, { pv: (spec) => () => vars[spec.inner ?? ""], line: 7 });
    if (!t) throw new Error(`not simulated: ${body}`);
    return t;
  });
  return runChain(chain, input, ctx);
}

/** One transformation's value. */
export const tr = (body: string, input: Value, vars?: Readonly<Record<string, Value>>) =>
  applyChain([body], input, vars);

/** One transformation's value and the lines it logged. */
export function logged(body: string, input: Value, vars?: Readonly<Record<string, Value>>) {
  const logs: string[] = [];
  const value = applyChain([body], input, vars, fakeContext(logs));
  return { value, logs };
}
