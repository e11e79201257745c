/**
 * The traffic file's user agents (`agents`) against the real Kamailio: kamsim's own agents
 * (src/engine/world/agents, `createAgents`) over UDP sockets on loopback (udp-agents.ts), so both
 * sides play the same phones byte for byte.
 */
import type { TrafficPlan } from "../../../src/engine/index.js";
import type { HostPort } from "../../../src/engine/runtime/sip-net.js";
import { createAgents, type PlannedAgent } from "../../../src/engine/world/agents/index.js";
import type { AgentWire } from "./sip-normalize.js";
import { type LossPlan, type PlayingAgents, prepareAgents } from "./udp-agents.js";

export type { AgentWire };

/** The plan's agents (none in a plan without them). */
export function agentsOf(plan: TrafficPlan): readonly PlannedAgent[] {
  return (plan as { agents?: readonly PlannedAgent[] }).agents ?? [];
}

/**
 * Binds the agents' sockets; `start(clock)` runs them with `proxy` as their outbound proxy,
 * reacting on kamsim's timeline (`kamsim`: what kamsim delivered to each agent; udp-agents.ts).
 */
export function playAgentsFor(
  agents: readonly PlannedAgent[],
  proxy: HostPort,
  loss: LossPlan,
  kamsim: readonly AgentWire[] = [],
): Promise<PlayingAgents> {
  const timeline = new Map(kamsim.map((a) => [a.addr, a.received]));
  return prepareAgents((transport) => createAgents(agents, { proxy }, transport), loss, { timeline });
}
