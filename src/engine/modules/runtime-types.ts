/**
 * What a simulated module provides at run time: function and pseudo-variable implementations,
 * RPC commands, processes it forks and timers it runs. One instance per simulation, created
 * from the module's `modparam`s in file order.
 */

import type { Micros } from "../base/time.js";
import type { ModuleDef } from "../lang/exports.js";
import type { ScriptContext } from "../runtime/context.js";
import type { CoreSettings } from "../runtime/core-settings.js";
import type { CompileEnv, FunctionImpl, PvImpl, RouteCell } from "../runtime/env.js";
import type { Process, ProcessRequest } from "../runtime/process.js";
import type { Services } from "../runtime/services.js";
import type { HostPort } from "../runtime/sip-net.js";
import type { SipRequest } from "../sip/message.js";
import type { SipMessage } from "../sip/sip-message.js";

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
  /** The core's fast `timer` process (tm's retransmission and final-response timers run there, core/timer.c). */
  timer: Process;
  /** `failure_route[name]`, `onreply_route[name]` (a named one), `branch_route[name]`, if the config has it. */
  failureRoute(name: string): RouteCell | undefined;
  onreplyRoute(name: string): RouteCell | undefined;
  branchRoute(name: string): RouteCell | undefined;
  /**
   * A fresh run context in `proc` for `msg` from virtual time `t` (tm runs its routes on a copy
   * of the request or on a reply): `src` is where the message came from (`$si`, `$sp`), `req`
   * the request id events carry.
   */
  context(proc: Process, msg: SipMessage, t: Micros, src?: HostPort, req?: number): ScriptContext;
  /** Runs a route to its end with `ctx` (a route that blocks ends later), then `done`. */
  runRoute(cell: RouteCell | undefined, ctx: ScriptContext, done?: () => void): void;
  /**
   * runRoute between the pre- and post-script callbacks (exec_pre_script_cb(), core/script_cb.c),
   * as tm runs failure, branch-failure and branch routes; only a cfgt trace listens to them.
   */
  runScriptRoute(cell: RouteCell | undefined, ctx: ScriptContext, done?: () => void): void;
  /** The program's compile environment, for what a module compiles from its modparams (acc's `log_extra` PVs). */
  env: CompileEnv;
}

/**
 * The names of a declaration's simulated functions: those of a simulated module not marked
 * `simulated: false`. Each must have behaviour (ModuleInstance.functions), as each entry of
 * Kamailio's `cmd_export_t` holds its function pointer.
 */
export type SimulatedFunctionName<D extends ModuleDef> = D["simulated"] extends true
  ? {
      [K in keyof D["functions"] & string]: D["functions"][K] extends { simulated: false } ? never : K;
    }[keyof D["functions"] & string]
  : never;

export interface ModuleInstance<F extends string = string> {
  /** The behaviour of every simulated function the module declares, by name. */
  functions: Readonly<Record<F, FunctionImpl>>;
  pvars?: Readonly<Record<string, PvImpl>>;
  rpc?: Readonly<Record<string, RpcImpl>>;
  /** Processes the module forks, in Kamailio's order. */
  processes?: readonly ProcessRequest[];
  /** Called once every process exists: schedule the module's timers. */
  start?(host: SimulationHost): void;
  /** Plain-data state for snapshots (queues, tables, pike counters). */
  snapshot?(): unknown;
  /**
   * A SIP reply reached the proxy's socket (receive_msg(), core/receive.c, calls each module's
   * `response_f` before forwarding statelessly): true when the module took it (tm found its
   * transaction), false to let the core go on.
   */
  onReply?(ctx: ScriptContext): boolean;
  /**
   * A request is about to enter request_route (Kamailio's PRE_SCRIPT_CB|REQUEST_CB script
   * callbacks, exec_pre_script_cb() in core/receive.c): false drops it there, before the script
   * (sl's filter of ACKs to its own replies).
   */
  preScript?(ctx: ScriptContext): boolean;
  /**
   * The request route has ended for a message (Kamailio's POST_SCRIPT_CB script callbacks, and
   * tm's end-of-request processing in t_unref(), modules/tm/t_funcs.c).
   */
  postScript?(ctx: ScriptContext): void;
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

/**
 * A simulated module: its declaration (plain data: what the checker, the catalog and the editor
 * read) joined with its behaviour, a factory of instances. Made by `defineRuntime`, so that a
 * simulated function the declaration lists and `create` does not provide is a type error.
 */
export interface ModuleRuntime<D extends ModuleDef = ModuleDef> {
  /** The module's declaration. */
  readonly def: D;
  /** One instance per simulation, from the module's `modparam`s. */
  create(setup: ModuleSetup): ModuleInstance<SimulatedFunctionName<D>>;
}

/** Joins a simulated module's declaration and its behaviour (see ModuleRuntime). */
export function defineRuntime<D extends ModuleDef & { simulated: true }>(
  def: D,
  behaviour: { create(setup: ModuleSetup): ModuleInstance<SimulatedFunctionName<D>> },
): ModuleRuntime<D> {
  return { def, create: behaviour.create };
}
