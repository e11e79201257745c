/**
 * What a running script may use besides its context: the clock, the logger, the event output,
 * randomness, and Kamailio's core limits. One instance per simulation.
 */
import type { Kernel } from "../sim/kernel.js";
import type { Logger } from "../sim/log.js";
import type { Rng } from "../sim/rng.js";
import type { Micros } from "../sim/time.js";
import type { PlannedEndpoint } from "../traffic/types.js";
import type { ScriptContext } from "./context.js";

export interface Services {
  kernel: Kernel;
  log: Logger;
  rng: Rng;
  /** Unix time (seconds) at virtual t = 0, for `$Ts` and friends. */
  epoch: number;
  /** `max_while_loops` (0 = unlimited). */
  maxWhileLoops: number;
  /** `max_recursive_level`. */
  maxRecursiveLevel: number;
  /** Actions one script run may execute before kamsim stops it (a guard Kamailio does not have). */
  stepBudget: number;
  /** The simulated HTTP services blocking calls reach (traffic file `endpoints`). */
  endpoints: readonly PlannedEndpoint[];
}

/** The virtual time inside a script run: its start plus what blocking calls have cost so far. */
export function nowIn(ctx: ScriptContext): Micros {
  return ctx.start + ctx.cost;
}

/** Where a log line from this run belongs. */
export function whereIn(ctx: ScriptContext) {
  return { t: ctx.start + ctx.cost, route: ctx.route, req: ctx.req, prefix: ctx.logPrefix };
}
