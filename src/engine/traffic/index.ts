/**
 * The traffic part of the engine: the traffic file's types, its validation into a plan, the
 * arrivals merged from a plan, and the default scenario.
 */
export { type AddressPool, createAddressPool } from "./address.js";
export { type Arrival, type Arrivals, createArrivals, type Injection } from "./arrivals.js";
export { DEFAULT_TRAFFIC } from "./default-scenario.js";
export { findEndpoint, matchesPattern } from "./endpoints.js";
export * from "./limits.js";
export { type ExpandedRequest, expandStream, expandTemplate } from "./template.js";
export * from "./types.js";
export { parseTrafficText, plannedRequests, type TrafficOverrides, validateTraffic } from "./validate.js";
