/**
 * The traffic file's user agents as one set: built from the plan over a transport, started once,
 * fed every datagram that reaches one of their addresses. The simulation drives it over its
 * virtual network, the real-Kamailio harness over UDP sockets; neither the agents nor this file
 * knows which.
 */
import type { Micros } from "../../base/time.js";
import type { HostPort } from "../../runtime/sip-net.js";
import { Agent, type AgentObserver } from "./agent.js";
import type { PlannedAction, PlannedAgent } from "./plan.js";
import type { AgentSummary } from "./summary.js";
import type { AgentTransport } from "./transport.js";

/** Where an agent lives and what its link does to datagrams (the network applies loss and latency). */
export interface AgentAddress {
  name: string;
  address: HostPort;
  /** Share of datagrams to or from the agent that are lost, 0…1. */
  loss: number;
  /** One-way latency of the agent's link. */
  latency: Micros;
}

/** The agents of one run. */
export interface AgentSet {
  /** Every agent's address, in plan order. */
  readonly addresses: readonly AgentAddress[];
  /** Schedules every agent's scripted actions; call once, at time 0. */
  start(): void;
  /** A datagram from `from` reached `to`; `false` when no agent lives at `to` (nothing done). */
  deliver(to: HostPort, from: HostPort, text: string): boolean;
  /** What every agent did so far, in plan order. */
  summary(): AgentSummary[];
  /** The agent at `index` (plan order) does `action` now. */
  act(index: number, action: PlannedAction): void;
}

/** What the agents need to know about the run. */
export interface AgentOptions {
  /** The proxy's socket: every agent's outbound proxy, and its default domain. */
  proxy: HostPort;
  /** Told every change of an agent's calls, registration, link and answer (`agent` events). */
  observe?: AgentObserver;
}

export function createAgents(
  plans: readonly PlannedAgent[],
  options: AgentOptions,
  transport: AgentTransport,
): AgentSet {
  const agents = plans.map((p) => new Agent(p, options.proxy, transport, options.observe));
  // By IP, then port: no key string to build for every datagram.
  const byAddress = new Map<string, Map<number, Agent>>();
  for (const a of agents) {
    const { ip, port } = a.plan.address;
    let ports = byAddress.get(ip);
    if (!ports) {
      ports = new Map();
      byAddress.set(ip, ports);
    }
    ports.set(port, a);
  }
  let started = false;
  return {
    addresses: plans.map((p) => ({ name: p.name, address: p.address, loss: p.loss, latency: p.latency })),
    start() {
      if (started) return;
      started = true;
      for (const a of agents) a.start();
    },
    deliver(to, from, text) {
      const agent = byAddress.get(to.ip)?.get(to.port);
      if (!agent) return false;
      agent.deliver(from, text);
      return true;
    },
    summary: () => agents.map((a) => a.summary()),
    act(index, action) {
      agents[index]?.act(action);
    },
  };
}
