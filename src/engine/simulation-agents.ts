/**
 * The traffic file's user agents (world/agents) on the simulated network: each listens at its
 * address with its own latency and loss, and sends from it; their scripted actions start at
 * t = 0. Their `actions` (docs/agents.md, "Actions") run at their moment before every other task
 * then (Kernel.scheduleFirst, ranked by agent then by place in its list), so an action the
 * playground adds while running, appended to the agent's list in the saved file, runs in the
 * replay exactly where it ran live.
 */
import type { HostPort } from "./runtime/sip-net.js";
import type { Kernel } from "./sim/kernel.js";
import type { Network } from "./sim/network.js";
import type { TrafficPlan } from "./traffic/types.js";
import { type AgentSet, createAgents, type PlannedAction } from "./world/agents/index.js";

/** An agent's place in the ranking of its actions: below 2¹⁸ agents × 2¹⁷ actions (traffic/limits.ts). */
const ACTIONS_PER_AGENT = 2 ** 17;

/** The run's agents and the count of each one's actions so far (an added one ranks after them). */
export interface RunAgents {
  readonly set: AgentSet;
  /** Schedules one more action of the agent at `index`, after those it has. */
  add(index: number, action: PlannedAction): void;
}

export function startAgents(plan: TrafficPlan, kernel: Kernel, net: Network, proxy: HostPort): RunAgents {
  const set = createAgents(
    plan.agents,
    { proxy, ...(kernel.wants.agent ? { observe: (e) => kernel.emit(e) } : {}) },
    {
      now: () => kernel.now,
      schedule: (t, fn) => kernel.schedule(t, fn),
      send: (from, to, text) => {
        net.sendFrom(from, to, text, kernel.now);
      },
      setDown: (at, down) => net.setDown(at, down),
    },
  );
  for (const a of set.addresses) {
    const at = a.address;
    net.attach(at, a.name, (from, text) => set.deliver(at, from, text), { loss: a.loss, latency: a.latency });
  }
  set.start();
  const counts = plan.agents.map(() => 0);
  const add = (index: number, action: PlannedAction) => {
    const n = counts[index];
    if (n === undefined) return;
    counts[index] = n + 1;
    kernel.scheduleFirst(action.at, index * ACTIONS_PER_AGENT + n, () => set.act(index, action));
  };
  plan.agents.forEach((a, i) => {
    for (const action of a.actions) add(i, action);
  });
  return { set, add };
}
