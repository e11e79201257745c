/**
 * What transactions, dialogs and behaviours share inside one agent: its address, its timers
 * (RFC 3261 17.1.1.1: T1, T2, T4), the transport, its counters, and a send that counts. Everything
 * an agent makes unique (branches, tags, Call-IDs) comes from its name and one counter, so the same
 * plan gives the same bytes every time, in the simulation and against real Kamailio.
 */
import type { Micros } from "../../base/time.js";
import type { HostPort } from "../../runtime/sip-net.js";
import type { AgentTransport } from "./transport.js";

/** RFC 3261 T4: how long the network may keep a message (Timers I and K for UDP). */
export const T4: Micros = 5_000_000;

/** RFC 3261 Timer D for UDP: at least 32 s. */
export const TIMER_D: Micros = 32_000_000;

/** Counters an agent keeps (its summary shows them). */
export interface UaCounters {
  /** Datagrams sent, retransmissions included. */
  sent: number;
  /** Of those, retransmissions (Timers A, E, G, 2xx and ACK re-sends). */
  retransmissions: number;
  /** Datagrams received. */
  received: number;
  /** Datagrams received and dropped: not SIP, a reply with more than one Via, nothing matching. */
  dropped: number;
}

/** One agent's shared context. */
export class Ua {
  readonly counters: UaCounters = { sent: 0, retransmissions: 0, received: 0, dropped: 0 };
  /** Unplugged (a `down` action): nothing leaves (its timers still run, so its transactions time out). */
  down = false;
  private counter = 0;

  constructor(
    readonly transport: AgentTransport,
    readonly name: string,
    readonly address: HostPort,
    readonly t1: Micros,
    readonly t2: Micros,
    readonly retransmit: boolean,
  ) {}

  now(): Micros {
    return this.transport.now();
  }

  /** Runs `fn` `delay` µs from now. */
  after(delay: Micros, fn: () => void): void {
    this.transport.schedule(this.transport.now() + delay, fn);
  }

  /** Runs `fn` at time `t` (now if `t` has passed). */
  at(t: Micros, fn: () => void): void {
    this.transport.schedule(Math.max(t, this.transport.now()), fn);
  }

  send(to: HostPort, text: string, retransmission = false): void {
    if (this.down) return;
    this.counters.sent++;
    if (retransmission) this.counters.retransmissions++;
    this.transport.send(this.address, to, text);
  }

  /** The next number of the agent's counter (1, 2, ...). */
  next(): number {
    return ++this.counter;
  }

  /** A new Via branch (RFC 3261 8.1.1.7: the magic cookie, then unique per transaction). */
  branch(): string {
    return `z9hG4bK-${this.name}-${this.next()}`;
  }

  /** A new From/To tag. */
  tag(): string {
    return `${this.name}-${this.next()}`;
  }

  /** A new Call-ID (RFC 3261 8.1.1.4: unique, here by name, counter and address). */
  callId(): string {
    return `${this.next()}-${this.name}@${this.address.ip}`;
  }

  /** The Via value of a request this agent sends, with `rport` (RFC 3581) so replies come back to it. */
  via(branch: string): string {
    return `SIP/2.0/UDP ${this.address.ip}:${this.address.port};branch=${branch};rport`;
  }
}
