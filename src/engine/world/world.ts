/**
 * The simulated outside world of one run, built from the traffic plan: today the HTTP services
 * of the traffic file's `endpoints` (SIP user agents join here). Scripts and modules reach it
 * through runtime/services.ts's `World` interface only.
 */
import type { World } from "../runtime/services.js";
import { findEndpoint, type PlannedEndpoint } from "./endpoints.js";

/** The world a run's scripts see. */
export function createWorld(endpoints: readonly PlannedEndpoint[]): World {
  return { http: (url) => findEndpoint(endpoints, url) };
}
