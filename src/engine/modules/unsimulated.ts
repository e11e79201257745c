/**
 * What a function kamsim does not simulate does when it runs: nothing, returning its declared
 * stand-in value (FunctionDef.standIn, docs/kamailio/stand-ins.md) or 1 (success), so the script
 * goes on the way a config most likely goes. The checker has already said so, loudly, as a
 * `not_simulated` warning at the call, naming the value.
 */
import type { FunctionImpl } from "../runtime/env.js";

export const UNSIMULATED: FunctionImpl = { compile: () => () => 1 };

/** The stand-in of a function declared to return `value` instead. */
export function standInReturning(value: number): FunctionImpl {
  return value === 1 ? UNSIMULATED : { compile: () => () => value };
}
