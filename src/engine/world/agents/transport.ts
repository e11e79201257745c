/**
 * What user agents need from the outside: a clock, a scheduler and a way to put a UDP datagram on
 * the wire. The simulation implements it over its virtual network (sim/network.ts); the
 * real-Kamailio harness over real sockets and the wall clock. The agents never see which.
 */
import type { Micros } from "../../base/time.js";
import type { HostPort } from "../../runtime/sip-net.js";

export type { HostPort } from "../../runtime/sip-net.js";

export interface AgentTransport {
  /** The current time, integer microseconds. */
  now(): Micros;
  /** Runs `fn` at time `t` (at or after `now()`); tasks at the same time run in the order scheduled. */
  schedule(t: Micros, fn: () => void): void;
  /** Sends one UDP datagram from an agent's address. */
  send(from: HostPort, to: HostPort, text: string): void;
  /**
   * The agent at `at` went down (unplugged) or came back: the simulated network then shows what
   * arrives meanwhile as lost. Optional: the agent itself drops what arrives while down.
   */
  setDown?(at: HostPort, down: boolean): void;
}

/** `ip:port`, the key of an address. */
export function hostPortKey(a: HostPort): string {
  return `${a.ip}:${a.port}`;
}
