/**
 * What a simulated module provides at run time: function and pseudo-variable implementations,
 * RPC commands, processes it forks and timers it runs. One instance per simulation, created
 * from the module's `modparam`s in file order.
 */

import type { Micros } from "../base/time.js";
import type { CoreSettings } from "../runtime/core-settings.js";
import type { CompileEnv, FunctionImpl, PvImpl, RouteCell } from "../runtime/env.js";
import type { Process, ProcessRequest } from "../runtime/process.js";
import type { Services } from "../runtime/services.js";
import type { SipRequest } from "../sip/message.js";

/** An RPC answer: kamcmd's printed text, or an error code and message. */
export type RpcResult = { ok: true; text: string; data: unknown } | { ok: false; code: number; message: string };

export type RpcImpl = (args: readonly string[]) => RpcResult;

/** What a module instance may use of the simulation once it exists. */
export interface SimulationHost {
  sv: Services;
  core: CoreSettings;
  /** The slow timer process (mode-0 rtimers, pike, htable timers run there). */
  slowTimer: Process;
  /**
   * Runs a route in a timer process on its fake message, from `at`; calls `done` with the time
   * it finished — at once for a route that does not block, later for one that does.
   */
  runTimerRoute(proc: Process, route: RouteCell, at: Micros, done: (end: Micros) => void): void;
  route(name: string): RouteCell | undefined;
  /** `event_route[name]`, if the config has it. */
  events(name: string): RouteCell | undefined;
}

export interface ModuleInstance {
  functions?: Readonly<Record<string, FunctionImpl>>;
  pvars?: Readonly<Record<string, PvImpl>>;
  rpc?: Readonly<Record<string, RpcImpl>>;
  /** Processes the module forks, in Kamailio's order. */
  processes?: readonly ProcessRequest[];
  /** Called once every process exists: schedule the module's timers. */
  start?(host: SimulationHost): void;
  /** Plain-data state for snapshots (queues, tables, pike counters). */
  snapshot?(): unknown;
}

/** The setup a module instance is created from. */
export interface ModuleSetup {
  sv: Services;
  core: CoreSettings;
  /** This module's `modparam`s, in file order. */
  params: readonly { name: string; value: string | number }[];
  /** The fake message timer routes see, per process (docs/kamailio/pseudo-variables.md#faked-message). */
  fakeMessage?: (proc: Process) => SipRequest;
  env?: CompileEnv;
}

export interface ModuleRuntime {
  name: string;
  create(setup: ModuleSetup): ModuleInstance;
}
