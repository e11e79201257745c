/**
 * The kamsim side of a differential case: the same config and traffic, run in-process through
 * the engine's public API, collecting the log lines (glued as Kamailio glues a line without a
 * final newline), the replies per request, which processes are SIP workers, and from the `sip`
 * events what each user agent of the traffic file received and sent (and which of its datagrams
 * the network lost, for the harness to lose the same ones: udp-agents.ts).
 */
import {
  compileConfig,
  createSimulation,
  formatDiagnostic,
  placeDiagnostics,
  type SimEvent,
  type SimulationOptions,
  type TrafficPlan,
} from "../../../src/engine/index.js";
import type { HostPort } from "../../../src/engine/runtime/sip-net.js";
import type { AgentWire } from "./sip-normalize.js";
import type { LossPlan } from "./udp-agents.js";

/** One physical log line kamsim prints. */
export interface KamsimLine {
  /** Virtual time, seconds. */
  t: number;
  /** The line as printed (`%2d(%d) LEVEL: text`, glued continuations included). */
  text: string;
  /** The request being handled, when a SIP worker wrote it. */
  req?: number;
}

export interface KamsimResult {
  lines: KamsimLine[];
  /** Reply codes per request number (`req`). */
  replies: Map<number, string[]>;
  /** Process indexes of the SIP workers. */
  workers: Set<number>;
  /** Firing times (seconds) of each rtimer process, from `timer` events. */
  firings: Map<number, number[]>;
  /** Requests the simulation received. */
  received: number;
  /** What each user agent received and sent, in order (agents with traffic only). */
  agents: AgentWire[];
  /** Which datagrams the network lost to loss, by position per agent (udp-agents.ts). */
  loss: LossPlan;
}

/** The traffic file's agent names (none in a plan without agents). */
export function agentNames(plan: TrafficPlan): string[] {
  return ((plan as { agents?: readonly { name: string }[] }).agents ?? []).map((a) => a.name);
}

/** `stream` of a request event for a datagram that came over the simulated network (an agent's). */
const NET_STREAM = "net";

/** Collects the agents' datagrams from `sip` events. */
class AgentsCollector {
  private readonly names: ReadonlySet<string>;
  constructor(names: readonly string[]) {
    this.names = new Set(names);
  }
  private isAgent(node: string): boolean {
    return this.names.has(node);
  }

  readonly wires = new Map<string, AgentWire>();
  readonly lostSent = new Map<string, Set<number>>();
  readonly lostReceived = new Map<string, Set<number>>();
  private readonly sentCount = new Map<string, number>();
  private readonly receivedCount = new Map<string, number>();
  /** Position of each datagram id among its sender's sends, or its receiver's arrivals from the proxy. */
  private readonly sentPos = new Map<number, number>();

  private wire(name: string, addr: string): AgentWire {
    let w = this.wires.get(name);
    if (!w) {
      w = { name, addr, received: [], sent: [] };
      this.wires.set(name, w);
    }
    return w;
  }

  private static next(m: Map<string, number>, k: string): number {
    const n = m.get(k) ?? 0;
    m.set(k, n + 1);
    return n;
  }

  on(e: Extract<SimEvent, { kind: "sip" }>): void {
    const t = e.t / 1e6;
    if (e.op === "send") {
      if (this.isAgent(e.fromNode)) {
        this.wire(e.fromNode, e.from).sent.push({ t, peer: e.to, text: e.text });
        this.sentPos.set(e.id, AgentsCollector.next(this.sentCount, e.from));
      }
      return;
    }
    if (e.op === "recv") {
      if (this.isAgent(e.toNode)) {
        this.wire(e.toNode, e.to).received.push({ t, peer: e.from, text: e.text });
        if (!this.isAgent(e.fromNode)) AgentsCollector.next(this.receivedCount, e.to);
      }
      return;
    }
    if (e.why !== "loss") return;
    // Lost to loss: by the sending agent's position, or (from the proxy) the receiving agent's.
    if (this.isAgent(e.fromNode)) {
      const set = this.lostSent.get(e.from) ?? new Set<number>();
      set.add(this.sentPos.get(e.id) ?? -1);
      this.lostSent.set(e.from, set);
    } else if (this.isAgent(e.toNode)) {
      const set = this.lostReceived.get(e.to) ?? new Set<number>();
      set.add(AgentsCollector.next(this.receivedCount, e.to));
      this.lostReceived.set(e.to, set);
    }
  }
}

export interface KamsimOptions {
  /** Compile every route as a coroutine (the suspend-parity check). */
  forceSuspend?: boolean;
  /** The proxy's socket, as Kamailio's `-l` (the harness's free port). */
  listen?: HostPort;
  /** Preprocessor defines, as Kamailio's `-A NAME` (a case.json's `defines`). */
  defines?: readonly string[];
  /**
   * Where in its second Kamailio's wall clock was at t = 0, µs (kamailio-process.ts): kamsim's
   * whole-second clock (usrloc's expiries, $Ts) then ticks when Kamailio's does.
   */
  clockPhase?: number;
}

/** The config's file name on both sides (Kamailio's absolute path is normalised to it). */
export const CONFIG_NAME = "kamailio.cfg";

/** Runs kamsim on a config and a checked plan, up to (not including) the plan's duration. */
export function runKamsim(
  config: string,
  plan: TrafficPlan,
  seed: number,
  opts: KamsimOptions | boolean = {},
): KamsimResult {
  const {
    forceSuspend = false,
    listen,
    defines = [],
    clockPhase,
  } = typeof opts === "boolean" ? { forceSuspend: opts } : opts;
  const compiled = compileConfig(config, {
    name: CONFIG_NAME,
    ...(defines.length > 0 ? { defines: Object.fromEntries(defines.map((d) => [d, ""])) } : {}),
  });
  if (!compiled.ok) {
    const errors = placeDiagnostics(compiled.diagnostics, compiled.front.files).filter((d) => d.severity === "error");
    throw new Error(`kamsim rejects the config:\n${errors.map(formatDiagnostic).join("\n")}`);
  }
  const lines: KamsimLine[] = [];
  const replies = new Map<number, string[]>();
  const firings = new Map<number, number[]>();
  let open: KamsimLine | undefined;
  let received = 0;
  const agents = new AgentsCollector(agentNames(plan));
  // The harness numbers the plan's requests 1, 2, ... in arrival order; kamsim's ids also count
  // the agents' datagrams, which the harness does not number (their replies are compared as
  // messages): ids of plan requests → the plan's numbers.
  const planReq = new Map<number, number>();
  const onEvent = (e: SimEvent) => {
    if (e.kind === "log") {
      const req = e.req === undefined ? undefined : planReq.get(e.req);
      if (open) open.text += e.line;
      else {
        open = req === undefined ? { t: e.t / 1e6, text: e.line } : { t: e.t / 1e6, text: e.line, req };
        lines.push(open);
      }
      if (e.nl) open = undefined;
    } else if (e.kind === "reply") {
      const req = planReq.get(e.req);
      if (req === undefined) return;
      const list = replies.get(req) ?? [];
      list.push(e.code);
      replies.set(req, list);
    } else if (e.kind === "timer" && e.phase === "fired") {
      const list = firings.get(e.proc) ?? [];
      list.push(e.t / 1e6);
      firings.set(e.proc, list);
    } else if (e.kind === "request" && e.phase === "arrived" && e.stream !== NET_STREAM) planReq.set(e.req, ++received);
    else if (e.kind === "sip") agents.on(e);
  };
  const options: SimulationOptions = {
    seed,
    forceSuspend,
    onEvent,
    wants: { route: false, mq: false, pike: false, proc: false, tm: false, ul: false, acc: false },
    ...(listen ? { listen } : {}),
    ...(clockPhase ? { clockPhase } : {}),
  };
  const sim = createSimulation(compiled, plan, options);
  sim.runUntil(plan.duration - 1);
  const workers = new Set(sim.processes.filter((p) => p.kind === "receiver").map((p) => p.index));
  return {
    lines,
    replies,
    workers,
    firings,
    received,
    agents: [...agents.wires.values()],
    loss: { sent: agents.lostSent, received: agents.lostReceived },
  };
}
