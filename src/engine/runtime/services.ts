/**
 * What a running script may use besides its context: the clock, the logger, the event output,
 * randomness, and Kamailio's core limits. One instance per simulation.
 */
import type { Rng } from "../base/rng.js";
import type { Micros } from "../base/time.js";
import type { EventOutput } from "../events.js";
import type { ScriptContext } from "./context.js";
import type { Figures } from "./figures.js";
import type { Logger } from "./log.js";
import type { ShmPool } from "./shm.js";
import type { SipNet } from "./sip-net.js";

/**
 * What scripts and modules see of the simulation kernel (sim/kernel.ts implements it): the
 * virtual clock, timers and the event output.
 */
export interface SimKernel extends EventOutput {
  /** The current virtual time. */
  readonly now: Micros;
  /** Runs `run` at virtual time `t` (never in the past). */
  schedule(t: Micros, run: () => void): void;
  /** The figures kept for a front end instead of events, when it asked for them. */
  readonly figures: Figures | undefined;
}

/** What a simulated HTTP service answers: after `latency`, a status and a body. */
export interface HttpAnswer {
  latency: Micros;
  status: number;
  body: string;
}

/**
 * The simulated outside world as scripts and modules reach it (world/ implements it, from the
 * traffic file): modules never import the world itself.
 */
export interface World {
  /** The answer of the HTTP service a URL reaches, or undefined when nothing answers it. */
  http(url: string): HttpAnswer | undefined;
}

export interface Services {
  kernel: SimKernel;
  log: Logger;
  rng: Rng;
  /** Unix time (seconds) at virtual t = 0, for `$Ts` and friends. */
  epoch: number;
  /**
   * Where in a wall-clock second virtual t = 0 falls (0 ≤ clockPhase < 1 s, µs): Unix seconds at
   * virtual time t are `epoch + floor((t + clockPhase) / 1e6)`. 0 by default; the real-Kamailio
   * harness sets the fraction it measured at its start, so second boundaries (`$Ts`, usrloc's
   * expires) fall where they fell for Kamailio.
   */
  clockPhase: Micros;
  /** `max_while_loops` (0 = unlimited). */
  maxWhileLoops: number;
  /** `max_recursive_level`. */
  maxRecursiveLevel: number;
  /** Actions one script run may execute before kamsim stops it (a guard Kamailio does not have). */
  stepBudget: number;
  /** The outside world: the simulated HTTP services blocking calls reach (traffic file `endpoints`). */
  world: World;
  /** The SIP network: the proxy's socket, and how modules put a message on the wire. */
  net: SipNet;
  /** The Server header line of locally generated replies ("" for none): core-settings.ts serverHeader. */
  serverHeader: string;
  /**
   * Kamailio's shared memory (`-m`): one pool for the simulation, which every module's shared
   * allocations draw on (queue items, hash tables and their items; runtime/shm.ts).
   */
  shm: ShmPool;
}

/** The virtual time inside a script run: its start plus what blocking calls have cost so far. */
export function nowIn(ctx: ScriptContext): Micros {
  return ctx.start + ctx.cost;
}

/** Where a log line from this run belongs. */
export function whereIn(ctx: ScriptContext) {
  return { t: ctx.start + ctx.cost, route: ctx.route, req: ctx.req, prefix: ctx.logPrefix };
}
