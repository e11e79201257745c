/**
 * The traffic file's user agents (`agents`) against the real Kamailio: kamsim's own agents
 * (src/engine/world/agents, `createAgents`) over UDP sockets on loopback (udp-agents.ts), so both
 * sides play the same phones byte for byte.
 */
import type { TrafficPlan } from "../../../src/engine/index.js";
import type { HostPort } from "../../../src/engine/runtime/sip-net.js";
import { createAgents, type PlannedAgent } from "../../../src/engine/world/agents/index.js";
import { type LossPlan, type PlayingAgents, prepareAgents } from "./udp-agents.js";

export type { AgentWire } from "./sip-normalize.js";

/** The plan's agents (none in a plan without them). */
export function agentsOf(plan: TrafficPlan): readonly PlannedAgent[] {
  return (plan as { agents?: readonly PlannedAgent[] }).agents ?? [];
}

/** Binds the agents' sockets; `start(clock)` runs them with `proxy` as their outbound proxy. */
export function playAgentsFor(
  agents: readonly PlannedAgent[],
  proxy: HostPort,
  loss: LossPlan,
): Promise<PlayingAgents> {
  return prepareAgents((transport) => createAgents(agents, { proxy }, transport), loss);
}
