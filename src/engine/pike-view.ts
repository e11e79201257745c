/**
 * pike's tree as the playground's Pike view shows it: the nodes now, typed. The pike runtime's
 * snapshot (modules/pike/runtime.ts) is plain data behind `unknown` in the simulation's
 * per-module snapshot; this reads it with a check, so a front end never casts it.
 */
import type { PikeNodeInfo } from "./modules/pike/tree.js";
import type { Simulation } from "./simulation.js";

export type { PikeNodeInfo } from "./modules/pike/tree.js";

function hasNodes(snap: unknown): snap is { nodes: PikeNodeInfo[] } {
  return typeof snap === "object" && snap !== null && "nodes" in snap && Array.isArray(snap.nodes);
}

/** Every node of pike's tree now; none when pike is not loaded. */
export function pikeNodes(sim: Simulation): PikeNodeInfo[] {
  const snap = sim.snapshot().pike;
  return hasNodes(snap) ? snap.nodes : [];
}
