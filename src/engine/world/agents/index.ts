/**
 * SIP user agents (the traffic file's `agents`): RFC 3261 phones and servers over an abstract
 * UDP transport. See docs/agents.md.
 */
export { type AgentObserver, answerLabel, proxyDomain } from "./agent.js";
export { type AgentAddress, type AgentOptions, type AgentSet, createAgents } from "./agents.js";
export type {
  PlannedAction,
  PlannedAgent,
  PlannedAnswer,
  PlannedCall,
  PlannedRegister,
  PlannedRequest,
  PlannedTarget,
} from "./plan.js";
export type { AgentSummary, CallState, CallSummary, RegistrationSummary, RequestSummary } from "./summary.js";
export { type AgentTransport, type HostPort, hostPortKey } from "./transport.js";
