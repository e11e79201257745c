/**
 * What a function kamsim does not simulate does when it runs: nothing, returning 1 (success),
 * so the script goes on as if it had worked. The checker has already said so, loudly, as a
 * `not_simulated` warning at the call.
 */
import type { FunctionImpl } from "../runtime/env.js";

export const UNSIMULATED: FunctionImpl = { compile: () => () => 1 };
