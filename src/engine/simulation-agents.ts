/**
 * The traffic file's user agents (world/agents) on the simulated network: each listens at its
 * address with its own latency and loss, and sends from it; their scripted actions start at
 * t = 0.
 */
import type { HostPort } from "./runtime/sip-net.js";
import type { Kernel } from "./sim/kernel.js";
import type { Network } from "./sim/network.js";
import type { TrafficPlan } from "./traffic/types.js";
import { type AgentSet, createAgents } from "./world/agents/index.js";

export function startAgents(plan: TrafficPlan, kernel: Kernel, net: Network, proxy: HostPort): AgentSet {
  const set = createAgents(
    plan.agents,
    { proxy },
    {
      now: () => kernel.now,
      schedule: (t, fn) => kernel.schedule(t, fn),
      send: (from, to, text) => {
        net.sendFrom(from, to, text, kernel.now);
      },
    },
  );
  for (const a of set.addresses) {
    const at = a.address;
    net.attach(at, a.name, (from, text) => set.deliver(at, from, text), { loss: a.loss, latency: a.latency });
  }
  set.start();
  return set;
}
