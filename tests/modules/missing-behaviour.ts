/**
 * Compile-time proof, checked by `npm run typecheck` (tsc): a module function declared simulated
 * without behaviour does not compile. Each `@ts-expect-error` below fails the typecheck if the
 * line after it ever compiles.
 */
import type { SimulatedCoreAction } from "../../src/engine/modules/core/def.js";
import { mqueueModule } from "../../src/engine/modules/mqueue/def.js";
import { defineRuntime } from "../../src/engine/modules/runtime-types.js";
import { defineModule } from "../../src/engine/modules/types.js";
import type { FunctionImpl } from "../../src/engine/runtime/env.js";

const stub: FunctionImpl = { compile: () => () => 1 };

// mqueue declares mq_add, mq_fetch, mq_size and mq_pv_free simulated: all four compile.
export const complete = defineRuntime(mqueueModule, {
  create: () => ({ functions: { mq_add: stub, mq_fetch: stub, mq_size: stub, mq_pv_free: stub } }),
});

// Without mq_pv_free's behaviour, the row does not compile.
export const missing = defineRuntime(mqueueModule, {
  // @ts-expect-error mq_pv_free is declared simulated and has no behaviour
  create: () => ({ functions: { mq_add: stub, mq_fetch: stub, mq_size: stub } }),
});

// A function marked `simulated: false` needs none: its declared stand-in runs (and the checker warns).
const partial = defineModule({
  name: "partial",
  simulated: true,
  doc: "",
  params: {},
  functions: {
    done: { arity: [0], routes: 1, doc: "" },
    later: { arity: [0], routes: 1, doc: "", simulated: false },
  },
});
export const partialRow = defineRuntime(partial, { create: () => ({ functions: { done: stub } }) });

// A module known by its exports only cannot be given behaviour.
const declaredOnly = defineModule({ name: "declared", simulated: false, doc: "", params: {}, functions: {} });
// @ts-expect-error a module kamsim does not simulate has no row of behaviour
export const notSimulated = defineRuntime(declaredOnly, { create: () => ({ functions: {} }) });

// The core's table: a simulated action without behaviour does not compile either.
// @ts-expect-error strip_tail is declared simulated and has no behaviour
export const coreTable: Readonly<Record<SimulatedCoreAction, FunctionImpl>> = { log: stub };
