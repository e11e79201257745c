/**
 * A simulation: one config, one traffic plan, one seed. It builds the process table and the
 * module instances, compiles the routes, feeds the arrivals to the SIP workers and runs the
 * timers, all in virtual time. Observers get events; they never touch these objects.
 */

import { createRng } from "./base/rng.js";
import type { Micros } from "./base/time.js";
import { ALL_EVENTS } from "./events.js";
import type { FrontEndResult } from "./lang/compile.js";
import type { Diagnostic } from "./lang/diagnostics.js";
import { createInstances } from "./link/instances.js";
import { buildProgram, type CompiledRoutes } from "./link/program.js";
import type { ModuleInstance, RpcResult } from "./modules/runtime-types.js";
import type { CfgtTracer } from "./runtime/cfgt/tracer.js";
import type { ScriptContext } from "./runtime/context.js";
import { type CoreSettings, MAX_CHILDREN, readCoreSettings } from "./runtime/core-settings.js";
import type { CompileEnv } from "./runtime/env.js";
import { compileFormat } from "./runtime/format.js";
import { Logger } from "./runtime/log.js";
import type { Process } from "./runtime/process.js";
import type { Services } from "./runtime/services.js";
import { ShmPool, shmCoreAtStart } from "./runtime/shm.js";
import { startModules } from "./sim/host.js";
import { Kernel } from "./sim/kernel.js";
import { Network } from "./sim/network.js";
import { buildProcessTable } from "./sim/processes.js";
import { Receiver } from "./sim/receiver.js";
import { afterReplyRoute, type ReplyPath } from "./sim/reply-route.js";
import { RouteRunner } from "./sim/route-runner.js";
import { sipSummary } from "./sim/sip-summary.js";
import { type RunAgents, startAgents } from "./simulation-agents.js";
import { createCfgt } from "./simulation-cfgt.js";
import type { SimulationOptions, ViewFigures } from "./simulation-options.js";
import { endStep } from "./simulation-steps.js";
import { receiveDatagram } from "./sip/receive.js";
import type { SipMessage } from "./sip/sip-message.js";
import { type Arrival, type Arrivals, createArrivals, type Injection } from "./traffic/arrivals.js";
import { RecentArrivals } from "./traffic/recent-arrivals.js";
import { RequestFactory } from "./traffic/requests.js";
import type { PlannedStream, TrafficPlan } from "./traffic/types.js";
import type { AgentSummary, PlannedAction } from "./world/agents/index.js";
import { createWorld } from "./world/world.js";

export type { SimulationOptions, ViewFigures } from "./simulation-options.js";

/** 2026-01-01T00:00:00Z: `$Ts` at t = 0 unless a run says otherwise. */
const DEFAULT_EPOCH = 1_767_225_600;

/** How many recent requests keep their arrival for `requestText`. */
const RECENT_REQUESTS = 20_000;
/** `Arrival.stream` of a datagram that came over the simulated network (not from the traffic plan). */
const NET_STREAM = -2;

/** A datagram from the network reaching the proxy's socket, queued like the plan's arrivals. */
interface NetArrival extends Arrival {
  /** The datagram, as sent. */
  text: string;
}

/** The source address 5.6.3 reports for its faked message (byte-order bug, docs/kamailio/pseudo-variables.md#faked-message). */
const FAKED_SRC = { ip: "1.0.0.127", port: 5060 };

export class Simulation {
  readonly kernel: Kernel;
  readonly processes: Process[];
  readonly core: CoreSettings;
  readonly diagnostics: Diagnostic[];
  private readonly sv: Services;
  /** The simulated UDP network: the proxy's socket and the agents' (sim/network.ts). */
  readonly net: Network;
  private readonly instances: ReadonlyMap<string, ModuleInstance>;
  private readonly routes: CompiledRoutes;
  /** The program's compile environment (SimulationHost.env). */
  private readonly compileEnv: CompileEnv;
  private readonly receiver: Receiver<Arrival>;
  /** The traffic file's SIP user agents. */
  private readonly agents: RunAgents;
  /** forward_reply()'s parts: the module instances with a reply hook (tm, mod_response_cbks) in load order. */
  private readonly replyPath: ReplyPath;
  /** Module instances with a post-script hook (tm's end of request), in load order. */
  private readonly postHooks: ModuleInstance[];
  /** Module instances with a pre-script hook (sl's ACK filter), in load order. */
  private readonly preHooks: ModuleInstance[];
  private readonly arrivals: Arrivals;
  private readonly logPrefix?: (ctx: ScriptContext) => string;
  private readonly requests: RequestFactory;
  /** The last requests' arrivals by id, so their text can be shown on demand (bounded). */
  private readonly recent = new RecentArrivals(RECENT_REQUESTS);
  /** Runs the routes, within the step budget (sim/route-runner.ts). */
  private readonly runner: RouteRunner;
  /** The socket requests are received on (`$Ri`, `$Rp`). */
  private readonly listen: { ip: string; port: number };
  /** cfgt's reports, when the observer wants `cfgt` events. */
  private readonly cfgt: CfgtTracer | undefined;

  /** The run's own copy of the plan: `addStream` adds to it, the caller's stays as given. */
  private readonly plan: TrafficPlan;

  constructor(front: FrontEndResult, given: TrafficPlan, opts: SimulationOptions) {
    const plan: TrafficPlan = { ...given, streams: [...given.streams] };
    this.plan = plan;
    this.core = readCoreSettings(front.config);
    if (opts.listen) {
      this.core.listenIp = opts.listen.ip;
      this.core.listenPort = opts.listen.port;
    }
    this.requests = new RequestFactory(plan);
    this.listen = { ip: this.core.listenIp, port: this.core.listenPort };
    const seed = opts.seed ?? plan.seed;
    this.kernel = new Kernel({ ...ALL_EVENTS, ...opts.wants }, opts.onEvent, opts.figures === true);
    this.net = new Network(this.kernel, { socket: this.listen, seed, unheard: opts.sipUnheard !== false });
    this.sv = {
      kernel: this.kernel,
      log: new Logger(this.kernel, this.core.debug),
      rng: createRng(seed ^ 0x5eed),
      epoch: opts.epoch ?? DEFAULT_EPOCH,
      clockPhase: opts.clockPhase ?? 0,
      maxWhileLoops: this.core.maxWhileLoops,
      maxRecursiveLevel: this.core.maxRecursiveLevel,
      stepBudget: opts.stepBudget ?? 10_000_000,
      world: createWorld(plan.endpoints),
      net: this.net,
      serverHeader: this.core.serverHeader,
      shm: new ShmPool(this.core.shmMemSize, shmCoreAtStart(this.core.children)),
    };
    this.runner = new RouteRunner(this.sv, this.kernel);
    this.instances = createInstances(front, this.sv, this.core);
    const replyHooks = [...this.instances.values()].filter((i) => i.onReply !== undefined);
    this.replyPath = { sv: this.sv, net: this.net, replyHooks };
    this.postHooks = [...this.instances.values()].filter((i) => i.postScript !== undefined);
    this.preHooks = [...this.instances.values()].filter((i) => i.preScript !== undefined);
    const requests = [...this.instances.values()].flatMap((i) => i.processes ?? []);
    this.processes = buildProcessTable(this.core.children, `${this.core.listenIp}:${this.core.listenPort}`, requests);
    const cfgt = this.kernel.wants.cfgt ? createCfgt(this.kernel, this.net, opts.cfgtCallidPrefix) : undefined;
    this.cfgt = cfgt?.tracer;
    const build = buildProgram(front.checked, front.files, this.instances, {
      forceSuspend: opts.forceSuspend,
      defines: front.defines,
      listen: this.listen,
      cfgt,
      steps: this.kernel.wants.step ? this.kernel : undefined,
    });
    this.routes = build.routes;
    this.compileEnv = build.env;
    this.diagnostics = build.diagnostics;
    if (this.core.childrenCapped) {
      const message = `kamsim simulates at most ${MAX_CHILDREN} SIP worker processes: children=${this.core.childrenCapped.value} runs with ${MAX_CHILDREN}`;
      this.diagnostics.push({
        code: "not_simulated",
        severity: "warning",
        message,
        span: this.core.childrenCapped.span,
      });
    }
    if (this.core.logPrefix !== undefined) {
      this.logPrefix = compileFormat(this.core.logPrefix, build.env, { file: 0, start: 0, end: 0 });
    }
    const workers = this.processes.filter((p) => p.kind === "receiver");
    this.receiver = new Receiver(
      this.kernel,
      workers,
      plan.server.rxQueue,
      (w, a, id, t) => this.handleRequest(w, a, id, t),
      (a) => this.describe(a),
    );
    this.arrivals = createArrivals(plan, createRng(seed));
    this.agents = startAgents(plan, this.kernel, this.net, this.listen);
    // Datagrams reaching the proxy's socket join the SIP workers' receive queue.
    this.net.attach(this.listen, "kamailio", (from, text, t) => {
      const a: NetArrival = { t, stream: NET_STREAM, n: 0, src: from.ip, sport: from.port, text };
      this.receiver.arrive(a);
    });
    this.kernel.setFeed({
      peek: () => this.arrivals.peek(),
      run: () => {
        const a = this.arrivals.next();
        if (a) this.receiver.arrive(a);
      },
    });
    this.start();
  }

  get now(): Micros {
    return this.kernel.now;
  }

  get stats() {
    return this.receiver.stats;
  }

  /**
   * What the views show about requests now, equal to a count of the events delivered so far:
   * requests received and dropped, replies, the receive queue's depth, arrivals in the last
   * virtual second, each SIP worker's busy time (µs, since t = 0) and whether it is busy now, and
   * the routes entered since the last call. Undefined unless created with `figures`.
   */
  figures(): ViewFigures | undefined {
    const f = this.kernel.figures;
    if (!f) return undefined;
    const now = this.kernel.now;
    return {
      received: this.receiver.stats.received,
      dropped: this.receiver.stats.dropped,
      replies: f.replies,
      rxQueued: this.receiver.queued,
      lastSecond: f.arrivalsAfter(now - 1_000_000),
      workers: this.receiver.busyTimes(now),
      routesEntered: f.takeRoutes(),
    };
  }

  /** Runs until virtual time `t` (inclusive). */
  runUntil(t: Micros): void {
    this.kernel.runUntil(t);
  }

  /** Runs the next task only; false when nothing is left. */
  step(): boolean {
    return this.kernel.step();
  }

  /** Adds a one-off arrival (Flood, Send one). */
  inject(i: Injection): boolean {
    return this.arrivals.inject(i);
  }

  /**
   * Adds a stream after the plan's last one (the playground's Flood and Send one), exactly as if
   * the traffic file had listed it there, so a file with it replays the run. Returns its index.
   */
  addStream(stream: PlannedStream): number {
    this.plan.streams.push(stream);
    this.requests.addStream(stream);
    return this.arrivals.addStream(stream);
  }

  /**
   * Adds an action after the last of the agent at `agent` (plan order), exactly as if the traffic
   * file had listed it there (the playground's agent buttons), so a file with it replays the run.
   */
  addAgentAction(agent: number, action: PlannedAction): void {
    this.agents.add(agent, action);
  }

  /** Changes a stream's rate from now on. */
  setRate(stream: number, rate: number): void {
    this.arrivals.setRate(stream, rate, this.kernel.now);
  }

  /** Runs an RPC command against the current state, as kamcmd would. */
  rpc(command: string, args: readonly string[]): RpcResult {
    for (const inst of this.instances.values()) {
      // Own keys only: a command typed as `__proto__` or `constructor` is a name, not a lookup
      // of the object's prototype (it crashed the run).
      const impl = inst.rpc && Object.hasOwn(inst.rpc, command) ? inst.rpc[command] : undefined;
      if (impl) return impl(args);
    }
    // binrpc_run.c process_rpc_req: rpc_fault(&f_ctx, 500, "command %s not found", ...).
    return { ok: false, code: 500, message: `command ${command} not found` };
  }

  /** Plain-data description of the simulated server, for views: processes and streams. */
  info(): {
    processes: { index: number; pid: number; name: string; label: string; kind: string }[];
    streams: { index: number; name: string; src: string; method: string; rate: number }[];
  } {
    return {
      processes: this.processes.map((p) => ({
        index: p.index,
        pid: p.pid,
        name: p.name,
        label: p.label,
        kind: p.kind,
      })),
      streams: this.plan.streams.map((s, index) => ({
        index,
        name: s.name,
        src: s.src.join(", "),
        method: s.method,
        rate: this.arrivals.rateOf(index),
      })),
    };
  }

  /** Plain-data state of the modules, for views and tests. */
  snapshot(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [name, inst] of this.instances) if (inst.snapshot) out[name] = inst.snapshot();
    return out;
  }

  private describe(a: Arrival): { method: string; stream: string } {
    if (a.stream === NET_STREAM) return { method: sipSummary((a as NetArrival).text).method, stream: "net" };
    if (a.stream < 0)
      return { method: this.plan.messages[a.message ?? -1]?.method ?? "?", stream: a.injected ? "inject" : "message" };
    const s = this.plan.streams[a.stream];
    return { method: s?.method ?? "?", stream: a.injected ? "inject" : (s?.name ?? "?") };
  }

  /** A fresh run context. Every field is set here, so all contexts share one shape (fast property access). */
  private context(
    proc: Process,
    msg: SipMessage,
    t: Micros,
    real: boolean,
    src = FAKED_SRC,
    rcv: ScriptContext["rcv"] = null,
    req: number | undefined = undefined,
  ): ScriptContext {
    return {
      sv: this.sv,
      proc,
      msg,
      real,
      src,
      rcv,
      flags: 0,
      rc: 0,
      depth: 0,
      maxDepth: this.sv.maxRecursiveLevel,
      avps: null,
      msgFlags: 0,
      pvx: null,
      start: t,
      cost: 0,
      route: "",
      req,
      logPrefix: undefined,
      cachedTime: undefined,
      budget: this.sv.stepBudget,
    };
  }

  /** The SIP text of a recent request (the Log shows it when a line is clicked). */
  requestText(id: number): string | undefined {
    const a = this.recent.get(id);
    if (!a) return undefined;
    if (a.stream === NET_STREAM) return (a as NetArrival).text;
    const built = this.requests.textFor(a);
    return "error" in built ? undefined : built.text;
  }

  /** What each user agent did and saw so far (plain data, world/agents/summary.ts). */
  agentSummary(): AgentSummary[] {
    return this.agents.set.summary();
  }

  /** Handles a request in a worker; returns the cost, or undefined when the route blocked. */
  private handleRequest(worker: Process, a: Arrival, id: number, t: Micros): Micros | undefined {
    this.recent.record(id, a);
    const built =
      a.stream === NET_STREAM ? { datagram: (a as NetArrival).text, stream: "net" } : this.requests.requestFor(a);
    if ("error" in built) return this.plan.server.requestCost;
    if (this.cfgt) this.cfgtReceived(worker, id, t, built);
    let cell = this.routes.request;
    let msg: SipMessage | undefined;
    if ("datagram" in built) {
      msg = this.receive(worker, a, id, t, built.datagram, built.stream);
      // A reply the core took runs the core onreply_route (receive_msg(), core/receive.c).
      if (msg?.reply) cell = this.routes.reply;
    } else msg = built.msg;
    if (msg === undefined) return this.plan.server.requestCost;
    const ctx = this.context(worker, msg, t, true, { ip: a.src, port: a.sport }, this.listen, id);
    if (this.logPrefix) ctx.logPrefix = this.logPrefix(ctx);
    this.cfgt?.started(ctx);
    // exec_pre_script_cb() (core/receive.c): a callback returning 0 drops the request unscripted.
    if (msg.reply === undefined && this.preHooks.length > 0 && !this.preScript(ctx))
      return this.plan.server.requestCost + ctx.cost;
    const then = msg.reply
      ? (ret: number) => afterReplyRoute(this.replyPath, ctx, cell !== undefined, ret)
      : this.postHooks.length > 0
        ? () => this.postScript(ctx)
        : undefined;
    // cfgt_post() is a post-script callback too: after the route (and a reply's forwarding).
    // The `end` step of a traced run (simulation-steps.ts) comes after it too: after a reply's
    // onreply_route and failure_route, with the request's pending changes.
    const cfgt = this.cfgt;
    const steps = this.kernel.wants.step ? this.kernel : undefined;
    const listen = this.listen;
    const after =
      cfgt || steps
        ? (ret: number) => {
            then?.(ret);
            if (steps) endStep(steps, ctx, listen);
            cfgt?.finished(ctx);
          }
        : then;
    if (!cell?.gen) {
      let ret = 1;
      try {
        if (cell?.run) ret = cell.run(ctx);
      } catch (err) {
        this.runner.stopped(err, ctx);
      }
      after?.(ret);
      return this.plan.server.requestCost + ctx.cost;
    }
    let cost: Micros | undefined;
    let sync = true;
    this.runner.runWith(cell, ctx, (ret) => {
      after?.(ret);
      cost = this.plan.server.requestCost + ctx.cost;
      if (!sync) this.receiver.finish(worker, a, id, t, cost);
    });
    sync = false;
    return cost;
  }

  /** cfgt_msgin(): the datagram a worker read, or the text of a request built from a stream. */
  private cfgtReceived(
    worker: Process,
    id: number,
    t: Micros,
    built: { datagram: string } | { msg: SipMessage },
  ): void {
    const text = "datagram" in built ? built.datagram : this.requestText(id);
    if (text !== undefined) this.cfgt?.received(worker.index, text, t, id);
  }

  /** The pre-script callbacks in load order; false as soon as one drops the request. */
  private preScript(ctx: ScriptContext): boolean {
    for (const inst of this.preHooks) if (inst.preScript?.(ctx) === false) return false;
    return true;
  }

  /** The request route is over: tm's end of request (t_unref()) and any other module's post-script hook. */
  private postScript(ctx: ScriptContext): void {
    for (const inst of this.postHooks) inst.postScript?.(ctx);
  }

  /**
   * A raw datagram through Kamailio's receive path (sip/receive.ts), in the worker that read it:
   * the core's log lines, then the request for the script, a reply for the core onreply_route
   * when the config has one, or undefined when nothing runs (dropped, or a reply and no
   * onreply_route). kamsim does not forward replies (forward_reply() to a second Via).
   */
  private receive(worker: Process, a: Arrival, id: number, t: Micros, datagram: string, stream: string) {
    const r = receiveDatagram(datagram, { ip: a.src, port: a.sport });
    let prefix: string | undefined;
    const parsed = r.kind === "reply" ? undefined : r.msg;
    if (this.logPrefix && parsed && r.logs.some((l) => l.prefixed))
      prefix = this.logPrefix(this.context(worker, parsed, t, true, { ip: a.src, port: a.sport }, this.listen, id));
    for (const l of r.logs)
      this.sv.log.core(worker, l.level, l.at, l.fn, l.text, { t, req: id, prefix: l.prefixed ? prefix : undefined });
    if (r.kind === "request") return r.msg;
    if (this.kernel.wants.request) {
      this.kernel.emit({
        kind: "request",
        t,
        phase: r.kind === "reply" ? "reply" : "rejected",
        req: id,
        src: a.src,
        sport: a.sport,
        method: this.describe(a).method,
        stream,
        proc: worker.index,
        queued: this.receiver.queued,
        ...(r.kind === "dropped" ? { reason: r.reason } : {}),
      });
    }
    return r.kind === "reply" ? r.msg : undefined;
  }

  private start(): void {
    startModules({
      sv: this.sv,
      core: this.core,
      processes: this.processes,
      routes: this.routes,
      env: this.compileEnv,
      instances: this.instances.values(),
      listen: this.listen,
      // Bound, not wrapped: a module's context() or route run costs one call, as before.
      context: this.context.bind(this),
      run: this.runner.run.bind(this.runner),
      cfgt: this.cfgt,
    });
  }
}
