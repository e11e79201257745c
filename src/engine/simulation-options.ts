/** What a simulation is asked for (createSimulation's options), and the figures it keeps for views. */
import type { Micros } from "./base/time.js";
import type { EventWants, SimEvent } from "./events.js";
import type { HostPort } from "./runtime/sip-net.js";

export interface SimulationOptions {
  /** Overrides the traffic plan's seed. */
  seed?: number;
  /** Event kinds to produce (default: all). */
  wants?: Partial<EventWants>;
  onEvent: (e: SimEvent) => void;
  /**
   * Keep the figures `figures()` reports (replies, routes entered, the last second's arrivals),
   * so that a front end can leave out the per-request events it would otherwise count.
   */
  figures?: boolean;
  /** Unix time at t = 0 (default 2026-01-01T00:00:00Z). */
  epoch?: number;
  /** Actions one script run may execute before kamsim stops it (default 10 million). */
  stepBudget?: number;
  /** Compile every route as a coroutine (runtime/suspend.ts): the output must not change. */
  forceSuspend?: boolean;
  /** Where in a wall-clock second t = 0 falls, µs in [0, 1e6) (Services.clockPhase); default 0. */
  clockPhase?: Micros;
  /**
   * The proxy's socket, overriding the config's `listen=` as Kamailio's `-l` does (a harness
   * running real Kamailio on a free port runs kamsim on the same one: Via and Record-Route
   * carry it).
   */
  listen?: HostPort;
  /** cfgt's `callid_prefix` for the `cfgt` events (default `NGCP%`). */
  cfgtCallidPrefix?: string;
  /**
   * With `sip` events: also for the stateless replies (sl) to addresses where no endpoint listens
   * — the traffic file's streams' sources (default true). False leaves them unbuilt, as without
   * `sip` events: a front end drawing the network's messages under a flood of streams (the
   * playground's Ladder) is not handed one reply per request nobody receives.
   */
  sipUnheard?: boolean;
}

/** Simulation.figures(): plain data. */
export interface ViewFigures {
  received: number;
  dropped: number;
  replies: number;
  rxQueued: number;
  /** Requests that arrived in the virtual second up to now. */
  lastSecond: number;
  /** Each SIP worker (by process index): busy µs since t = 0, and busy now. */
  workers: { proc: number; us: Micros; busy: boolean }[];
  /** Routes entered since the last call of `figures()`. */
  routesEntered: string[];
}
