/**
 * The worker's side of the playground: it owns the simulation, paces it against the wall clock
 * (`speed` × real time, or as fast as possible), and sends frames. It uses only the engine's
 * public API; the page gets plain data.
 */
import {
  compileConfig,
  createSimulation,
  type PlacedDiagnostic,
  parseTrafficText,
  pikeNodes,
  placeDiagnostics,
  type Simulation,
  type TrafficPlan,
} from "../engine/index.js";
import type { AgentAction, SendOneFields } from "../protocol/agents.js";
import { type FromWorker, type PikeRow, PROTOCOL_VERSION, type ToWorker } from "../protocol/messages.js";
import { AgentsModel } from "./agents.js";
import { FrameBuilder } from "./frames.js";
import { LadderStore } from "./ladder.js";
import { RegistrationsModel } from "./registrations.js";
import { RunTraffic } from "./run-traffic.js";
import { TraceSource } from "./trace-source.js";
import { TransactionsModel } from "./transactions.js";

/** What the host needs from its environment: posting, the clock, timers (a worker's globals). */
export interface HostPort {
  post(msg: FromWorker): void;
  now(): number;
  later(fn: () => void, ms: number): void;
  /**
   * Runs `fn` as soon as the messages already waiting have been handled (a MessageChannel turn:
   * no timer clamp). Without it, `later(fn, 0)`.
   */
  soon?(fn: () => void): void;
}

const FRAME_MS = 16;
/**
 * Wall time one tick makes up for at most. A tick simulates the wall time since the previous
 * tick began (its own simulating and a late timer included, so a busy machine does not slow the
 * virtual clock); after a longer stall (a hidden tab, a starved CPU) the run resumes from there
 * instead of simulating the whole gap at once and freezing the worker.
 */
const MAX_TICK_MS = 250;
/**
 * Wall time one slice may spend simulating before the worker reads its messages (Reset, Pause,
 * the page's frame acks) and offers a frame. At "as fast as possible" the next slice follows at
 * once: the worker simulates nearly all the time, and frames go at the rate the page takes them.
 */
const SLICE_MS = 12;
/**
 * A slice simulates in chunks of virtual time and checks its deadline between them. A chunk
 * halves when it took more than CHUNK_MS or brought more than CHUNK_EVENTS events (an rtimer
 * firing every microsecond makes thousands of events a virtual millisecond), and doubles, up to
 * MAX_CHUNK_US, when it took far less: so a slice overruns its deadline by one short chunk at most.
 */
const CHUNK_MS = 2;
const CHUNK_EVENTS = 4000;
const MAX_CHUNK_US = 50_000;
/** A run's first chunk: small, so that a config that makes much work per ms is not met with 50 ms at once. */
const FIRST_CHUNK_US = 500;
/**
 * Wall ms between two Registrations/Transactions views while a run runs: a table of text read by
 * the eye need not follow every display frame, and redrawn four times a second under 200 calls/s
 * the two views cost the calls bench (first-call, 10x, Ladder in view) a third of its frames;
 * once a second, about a tenth. A paused or ended run's frame always carries the newest view.
 */
export const TABLES_MS = 1000;

export class SimulationHost {
  private sim: Simulation | undefined;
  private plan: TrafficPlan | undefined;
  private frames = new FrameBuilder();
  /** The SIP messages on the network, for the Ladder (the last LADDER_CAPACITY, with their text). */
  private ladder = new LadderStore();
  /** usrloc's and tm's tables for their views, when the config loads the module. */
  private registrations: RegistrationsModel | undefined;
  private transactions: TransactionsModel | undefined;
  /** Wall ms the last table view was sent at. */
  private tablesAt = Number.NEGATIVE_INFINITY;
  private runTraffic: RunTraffic | undefined;
  /** What a message's trace replays (trace-source.ts). */
  private traceSource: TraceSource | undefined;
  /** The traffic file's agents for the Traffic panel, when it has any. */
  private agents: AgentsModel | undefined;
  private frameInFlight = false;
  private framePending = false;
  private texts = {
    config: "",
    traffic: "",
    seed: undefined as number | undefined,
    defines: undefined as Record<string, string> | undefined,
  };
  private running = false;
  private speed = 1;
  /** Virtual µs at which the run pauses by itself (the end of the traffic when not asked). */
  private until = Number.POSITIVE_INFINITY;
  private lastTick = 0;
  private ticking = false;
  /** Virtual µs the last slice could not simulate in time at a set speed (made up next). */
  private owedUs = 0;
  /** The virtual span of the next chunk (adapted to the work it brings). */
  private chunkUs = FIRST_CHUNK_US;
  /** Events the engine has delivered (the chunks' measure of work). */
  private seen = 0;

  constructor(private readonly port: HostPort) {}

  handle(msg: ToWorker): void {
    switch (msg.type) {
      case "load":
        this.texts = { config: msg.config, traffic: msg.traffic, seed: msg.seed, defines: msg.defines };
        return this.load();
      case "check":
        return void this.check(msg.config, msg.traffic, msg.defines);
      case "run":
        this.speed = msg.speed;
        this.until = msg.until !== undefined && msg.until >= 0 ? msg.until : Number.POSITIVE_INFINITY;
        this.running = true;
        this.owedUs = 0;
        return this.schedule(this.port.now(), Number.isFinite(this.speed) ? FRAME_MS : 0);
      case "pause":
        this.running = false;
        return this.sendFrame();
      case "step":
        this.running = false;
        this.sim?.step();
        return this.sendFrame();
      case "reset":
        this.running = false;
        return this.load();
      case "frameAck":
        this.frameInFlight = false;
        if (this.framePending) this.sendFrame();
        return;
      case "speed":
        this.speed = msg.speed;
        this.owedUs = 0;
        return;
      case "flood":
        return this.flood(msg.src, msg.rate, msg.duration);
      case "sendOne":
        return this.sendOne(msg.method, msg.src, msg.fields);
      case "agentAction":
        return this.agentAction(msg.agent, msg.action);
      case "rate": {
        const name = this.plan?.streams[msg.stream]?.name;
        if (name !== undefined && this.sim) this.runTraffic?.rateChanged.add(name);
        if (this.sim) this.traceSource?.rateChanged(this.sim.now, msg.stream, msg.rate);
        this.sim?.setRate(msg.stream, msg.rate);
        return;
      }
      case "saveTraffic": {
        const saved = this.runTraffic?.save() ?? { text: this.texts.traffic, exact: true, note: "" };
        return this.port.post({ type: "runTraffic", v: PROTOCOL_VERSION, id: msg.id, ...saved });
      }
      case "trace": {
        const now = () => this.port.now();
        const r = this.traceSource?.trace(msg.target, now, (id) => this.ladder.text(id)) ?? { error: "no simulation" };
        return this.port.post({ type: "trace", v: PROTOCOL_VERSION, id: msg.id, ...r });
      }
      case "request":
        return this.port.post({
          type: "requestText",
          v: PROTOCOL_VERSION,
          id: msg.id,
          text: this.sim?.requestText(msg.req),
        });
      case "message":
        return this.port.post({
          type: "messageText",
          v: PROTOCOL_VERSION,
          id: msg.id,
          text: this.ladder.text(msg.msg),
        });
      case "rpc": {
        const r = this.sim?.rpc(msg.command, msg.args);
        const text = !r ? "error: 500 - no simulation\n" : r.ok ? r.text : `error: ${r.code} - ${r.message}\n`;
        return this.port.post({ type: "rpcResult", v: PROTOCOL_VERSION, id: msg.id, ok: r?.ok ?? false, text });
      }
    }
  }

  /** Compiles both texts (the config with `defines`, as `-D` gives them); posts their diagnostics; returns what compiled. */
  private check(config: string, traffic: string, defines: Record<string, string> | undefined) {
    const cfg = compileConfig(config, { name: "kamailio.cfg", ...(defines ? { defines } : {}) });
    const t = parseTrafficText(traffic);
    const trafficDiags: PlacedDiagnostic[] =
      "errors" in t
        ? t.errors.map((e) => ({
            code: "traffic",
            severity: "error",
            message: `${e.path}: ${e.message}`,
            span: { file: 0, start: 0, end: 0 },
            file: "traffic.json",
            line: e.line ?? 1,
            col: e.col ?? 1,
            endLine: e.line ?? 1,
            endCol: (e.col ?? 1) + 1,
          }))
        : [];
    this.port.post({
      type: "diagnostics",
      v: PROTOCOL_VERSION,
      config: placeDiagnostics(cfg.diagnostics, cfg.front.files),
      traffic: trafficDiags,
      program: cfg.info,
    });
    return { cfg, plan: "plan" in t ? t.plan : undefined };
  }

  private load(): void {
    this.running = false;
    this.frames = new FrameBuilder();
    this.ladder = new LadderStore();
    this.agents = undefined;
    this.registrations = undefined;
    this.transactions = undefined;
    this.chunkUs = FIRST_CHUNK_US;
    const { cfg, plan } = this.check(this.texts.config, this.texts.traffic, this.texts.defines);
    if (!cfg.ok || !plan) {
      this.sim = undefined;
      this.port.post({
        type: "loaded",
        v: PROTOCOL_VERSION,
        ok: false,
        processes: [],
        queues: [],
        timers: [],
        streams: [],
      });
      return;
    }
    this.plan = plan;
    this.runTraffic = new RunTraffic(this.texts.traffic, this.texts.seed);
    this.traceSource = new TraceSource(cfg, this.texts.seed, this.runTraffic);
    const agents = plan.agents.length > 0 ? new AgentsModel(plan) : undefined;
    this.agents = agents;
    const frames = this.frames;
    const ladder = this.ladder;
    const loads = (name: string) => cfg.info.modules.some((m) => m.name === name);
    const registrations = loads("usrloc") ? new RegistrationsModel() : undefined;
    const transactions = loads("tm") ? new TransactionsModel() : undefined;
    this.registrations = registrations;
    this.transactions = transactions;
    this.sim = createSimulation(cfg, this.plan, {
      seed: this.texts.seed,
      onEvent: (e) => {
        this.seen++;
        if (e.kind === "sip") ladder.add(e);
        else if (e.kind === "agent") agents?.add(e);
        else if (e.kind === "tm") transactions?.add(e);
        else if (e.kind === "ul") registrations?.add(e);
        else frames.add(e);
      },
      // The views count requests, replies, busy time and routes run: the engine keeps those
      // figures (Simulation.figures) instead of an event per request, route and reply. The
      // Ladder draws the SIP messages on the network (`sip`), the Transactions and Registrations
      // views tm's and usrloc's tables (`tm`, `ul`: none for stateless traffic).
      figures: true,
      wants: {
        request: false,
        proc: false,
        route: false,
        reply: false,
        sip: true,
        tm: transactions !== undefined,
        ul: registrations !== undefined,
        acc: false,
        // The Traffic panel's agents (registered, in call, down, their answer).
        agent: agents !== undefined,
      },
      // But not sl's replies to the streams' sources, where nobody listens: built, they tripled
      // the engine's time under a 10,000 req/s stream and sent the page a row per request (the
      // Ladder says it leaves them out).
      sipUnheard: false,
    });
    const info = this.sim.info();
    const declared = cfg.info;
    this.port.post({
      type: "loaded",
      v: PROTOCOL_VERSION,
      ok: true,
      processes: info.processes,
      queues: declared.queues.map((q) => ({ name: q.name, limit: q.size })),
      timers: declared.timers.map((t) => ({ name: t.name, intervalUs: t.intervalUs, mode: t.mode })),
      // A stream's cap tells the page a one-shot stream (count 1) from a rate it may change.
      streams: info.streams.map((st) => ({ ...st, count: plan.streams[st.index]?.count ?? null })),
      pike: declared.pike ? { limit: declared.pike.limit, windowUs: declared.pike.windowUs } : undefined,
      ...(agents ? { agents: agents.all() } : {}),
    });
    this.sendFrame();
  }

  /**
   * Plans the next tick, `delay` ms from now (0: after the messages waiting); it simulates the
   * wall time since `from`.
   */
  private schedule(from: number, delay: number): void {
    if (this.ticking) return;
    this.ticking = true;
    this.lastTick = from;
    const tick = () => this.tick();
    if (delay > 0) this.port.later(tick, delay);
    else if (this.port.soon) this.port.soon(tick);
    else this.port.later(tick, 0);
  }

  /**
   * One slice: a display frame's worth of simulation at a set speed (what the slice before could
   * not do included), as much as SLICE_MS allows at "as fast as possible"; then a frame to the
   * page. A slice that is behind is followed at once, one on time at the next display frame.
   */
  private tick(): void {
    this.ticking = false;
    const sim = this.sim;
    const plan = this.plan;
    if (!this.running || !sim || !plan) return;
    const now = this.port.now();
    const end = Math.min(plan.duration, this.until);
    let target = end;
    if (Number.isFinite(this.speed)) {
      const wall = Math.min(MAX_TICK_MS, now - this.lastTick);
      target = Math.min(end, sim.now + this.owedUs + Math.round(wall * 1000 * this.speed));
    }
    this.simulate(sim, target, now + SLICE_MS);
    // What is owed stays within one long tick's worth: a machine that cannot keep up runs slower.
    this.owedUs = Number.isFinite(this.speed)
      ? Math.min(target - sim.now, Math.round(MAX_TICK_MS * 1000 * this.speed))
      : 0;
    if (sim.now >= end) this.running = false;
    this.sendFrame();
    if (this.running) this.schedule(now, sim.now < target ? 0 : FRAME_MS);
  }

  /** Simulates up to `target` in chunks (see CHUNK_MS), stopping at the wall time `deadline`. */
  private simulate(sim: Simulation, target: number, deadline: number): void {
    while (sim.now < target) {
      const t0 = this.port.now();
      if (t0 >= deadline) return;
      const seen = this.seen;
      sim.runUntil(Math.min(target, sim.now + this.chunkUs));
      const took = this.port.now() - t0;
      const events = this.seen - seen;
      if (took > CHUNK_MS || events > CHUNK_EVENTS) this.chunkUs = Math.max(1, this.chunkUs >> 1);
      else if (took < CHUNK_MS / 4 && events < CHUNK_EVENTS / 4)
        this.chunkUs = Math.min(MAX_CHUNK_US, this.chunkUs * 2);
    }
  }

  /**
   * Sends a frame, unless the page has not taken the last one yet: then the events keep
   * gathering (bounded) and go in one frame when the page acks. So a slow or busy page is never
   * flooded with messages, and its memory stays bounded.
   */
  private sendFrame(): void {
    if (this.frameInFlight) {
      this.framePending = true;
      return;
    }
    this.frameInFlight = true;
    this.framePending = false;
    const sim = this.sim;
    const t = sim?.now ?? 0;
    const { events, dropped, queueDrops, queuePoints, routesRan, busyUs } = this.frames.take(t, sim?.figures());
    const ladder = this.ladder.take();
    const agentRows = this.agents?.take();
    const now = this.port.now();
    const tablesDue = !this.running || now - this.tablesAt >= TABLES_MS;
    const registrations = tablesDue ? this.registrations?.take() : undefined;
    const transactions = tablesDue ? this.transactions?.take() : undefined;
    if (registrations || transactions) this.tablesAt = now;
    this.port.post({
      type: "frame",
      v: PROTOCOL_VERSION,
      t,
      running: this.running,
      ended: sim !== undefined && this.plan !== undefined && sim.now >= this.plan.duration,
      events,
      dropped,
      counters: { ...this.frames.counters },
      queues: { ...this.frames.queues },
      queueDrops,
      queuePoints,
      routesRan,
      busyUs,
      busy: [...this.frames.busy].sort((a, b) => a - b),
      timerFirings: { ...this.frames.timerFirings },
      rxQueued: this.frames.rxQueued,
      pike: sim ? pikeRows(sim) : [],
      ...(ladder ? { ladder } : {}),
      ...(agentRows ? { agents: agentRows } : {}),
      ...(registrations ? { registrations } : {}),
      ...(transactions ? { transactions } : {}),
    });
  }

  /** A burst from `src`: a uniform stream of `rate`/s for `duration` s, starting now. */
  private flood(src: string, rate: number, duration: number): void {
    const count = Math.max(1, Math.round(rate * duration));
    this.addStream("flood", {
      src,
      method: "INVITE",
      rate,
      pattern: "uniform",
      count,
      from: "sip:flood{n}@example.net",
    });
  }

  /** One request of `method` from `src`, now, with the composer's R-URI, From, To, headers and body. */
  private sendOne(method: string, src: string, fields: SendOneFields = {}): void {
    const given = Object.fromEntries(
      Object.entries(fields).filter(
        ([, v]) => v !== undefined && v !== "" && !(typeof v === "object" && !Object.keys(v).length),
      ),
    );
    this.addStream(`send-${method.toLowerCase()}`, { src, method, rate: 1, pattern: "uniform", count: 1, ...given });
  }

  /**
   * An agent's button: the action goes after the agent's others in the run's traffic file (Save
   * traffic) and into the running simulation, at the next whole millisecond as a Flood does; the
   * engine runs it at that moment before anything else then, as it runs it from the saved file.
   */
  private agentAction(agent: number, action: AgentAction): void {
    const sim = this.sim;
    const run = this.runTraffic;
    if (!sim || !run) return;
    const atUs = (Math.floor(sim.now / 1000) + 1) * 1000;
    const notDone = (why: string) =>
      this.port.post({ type: "notice", v: PROTOCOL_VERSION, message: `Not done: ${why}` });
    if (atUs >= (this.plan?.duration ?? 0)) return notDone("the run has ended; press Reset to start again");
    const at = atUs / 1_000_000;
    const json =
      action.do === "call"
        ? { at, do: "call", to: action.to }
        : action.do === "answer"
          ? { at, do: "answer", answer: run.answerWith(agent, action.answer) }
          : { at, do: action.do };
    const r = run.addAction(agent, json);
    if ("error" in r) return notDone(r.error);
    sim.addAgentAction(agent, r.planned);
  }

  /**
   * Adds a stream to the running simulation and to the run's traffic file. It starts at the next
   * whole millisecond: strictly after everything already simulated, so a file listing it
   * replays the run exactly, and its start reads well in the file.
   */
  private addStream(base: string, fields: Record<string, unknown>): void {
    const sim = this.sim;
    const run = this.runTraffic;
    if (!sim || !run) return;
    const startUs = (Math.floor(sim.now / 1000) + 1) * 1000;
    const notSent = (why: string) =>
      this.port.post({ type: "notice", v: PROTOCOL_VERSION, message: `Not sent: ${why}` });
    if (startUs >= (this.plan?.duration ?? 0)) return notSent("the run has ended; press Reset to start again");
    const r = run.add({ name: run.freshName(base), ...fields, start: startUs / 1_000_000 });
    if ("error" in r) return notSent(r.error);
    sim.addStream(r.planned);
  }
}

/** The busiest pike nodes now. */
function pikeRows(sim: Simulation): PikeRow[] {
  return pikeNodes(sim)
    .map((n) => ({
      prefix: n.prefix,
      depth: n.depth,
      hits: n.hitsCurr,
      leafHits: n.leafHitsCurr,
      blocked: n.blocked,
      isAddress: n.ipLeaf,
    }))
    .sort((a, b) => b.leafHits + b.hits - (a.leafHits + a.hits))
    .slice(0, 50);
}
