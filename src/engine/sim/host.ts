/**
 * The simulation as modules see it (SimulationHost: routes by name, run contexts, route runs,
 * the timer processes) and the start-up runs: event_route[htable:mod-init] in the first process,
 * event_route[core:worker-one-init] in the first SIP worker, then each module's start().
 */
import type { Micros } from "../base/time.js";
import type { CompiledRoutes } from "../link/program.js";
import type { ModuleInstance, SimulationHost } from "../modules/runtime-types.js";
import type { CfgtTracer } from "../runtime/cfgt/tracer.js";
import type { ScriptContext } from "../runtime/context.js";
import type { CoreSettings } from "../runtime/core-settings.js";
import type { CompileEnv, RouteCell } from "../runtime/env.js";
import type { Process } from "../runtime/process.js";
import type { Services } from "../runtime/services.js";
import type { HostPort } from "../runtime/sip-net.js";
import { FAKED_SIP_MSG } from "../sip/faked.js";
import { SipRequest } from "../sip/message.js";
import type { SipMessage } from "../sip/sip-message.js";

/** What the host is made of; `context` and `run` are the Simulation's own (bound). */
export interface HostParts {
  sv: Services;
  core: CoreSettings;
  processes: readonly Process[];
  routes: CompiledRoutes;
  env: CompileEnv;
  instances: Iterable<ModuleInstance>;
  listen: HostPort;
  /** A fresh run context; `real` false for a timer's fake message (its default source then). */
  context(
    proc: Process,
    msg: SipMessage,
    t: Micros,
    real: boolean,
    src?: HostPort,
    rcv?: ScriptContext["rcv"],
    req?: number,
  ): ScriptContext;
  run(cell: RouteCell | undefined, ctx: ScriptContext, done?: () => void): void;
  /** The cfgt trace, when wanted: told of the routes run between script callbacks. */
  cfgt?: CfgtTracer;
}

/** The fake message of a timer process; kept, so `$ru` changes persist (docs/kamailio/pseudo-variables.md#faked-message). */
function fakeMessage(proc: Process): SipRequest {
  let m = proc.local.get("fakeMessage") as SipRequest | undefined;
  if (!m) {
    m = SipRequest.parse(FAKED_SIP_MSG) as SipRequest;
    proc.local.set("fakeMessage", m);
  }
  return m;
}

/**
 * A route run between exec_pre_script_cb() and exec_post_script_cb(), as tm runs its failure,
 * branch-failure and branch routes (modules/tm/t_reply.c, t_fwd.c): cfgt's pre and post
 * callbacks (cfgt_pre(), cfgt_post()) run around it. Only with a cfgt trace: otherwise runRoute.
 */
function cfgtScriptRoute(cfgt: CfgtTracer, run: HostParts["run"]): SimulationHost["runScriptRoute"] {
  return (cell, ctx, done) => {
    if (cell === undefined) return run(cell, ctx, done);
    cfgt.started(ctx);
    run(cell, ctx, () => {
      cfgt.finished(ctx);
      done?.();
    });
  };
}

/** Runs the start-up event routes, then starts every module with the host. */
export function startModules(p: HostParts): void {
  const { routes, processes } = p;
  const host: SimulationHost = {
    sv: p.sv,
    core: p.core,
    slowTimer: processes.find((x) => x.kind === "slow_timer") as Process,
    runTimerRoute: (proc, cell, at, done) => {
      const ctx = p.context(proc, fakeMessage(proc), at, false);
      p.run(cell, ctx, () => done(at + ctx.cost));
    },
    route: (name) => routes.named.get(name),
    events: (name) => routes.events.get(name),
    timer: processes.find((x) => x.kind === "timer") as Process,
    failureRoute: (name) => routes.failure.get(name),
    onreplyRoute: (name) => routes.onreply.get(name),
    branchRoute: (name) => routes.branch.get(name),
    context: (proc, msg, t, src, req) => p.context(proc, msg, t, true, src, p.listen, req),
    runRoute: p.run,
    runScriptRoute: p.cfgt ? cfgtScriptRoute(p.cfgt, p.run) : p.run,
    env: p.env,
  };
  const first = processes[0] as Process;
  const init = routes.events.get("htable:mod-init");
  if (init) p.run(init, p.context(first, fakeMessage(first), 0, false));
  const firstWorker = processes.find((x) => x.kind === "receiver");
  const workerInit = routes.events.get("core:worker-one-init");
  if (workerInit && firstWorker) p.run(workerInit, p.context(firstWorker, fakeMessage(firstWorker), 0, false));
  for (const inst of p.instances) inst.start?.(host);
}
