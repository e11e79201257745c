/**
 * The SIP network as the proxy's script and modules reach it: the proxy's listening socket and
 * a way to put a datagram on the wire. sim/network.ts implements it; the receiving side (a
 * datagram reaching the proxy's socket goes to the SIP workers' receive queue, one reaching a
 * user agent goes to the agent) is the network's business, not the sender's.
 *
 * Only UDP is simulated (Kamailio's `udp_send()`, core/udp_server.c): a datagram is delivered
 * after the link's latency, or lost (the link's seeded loss, or no one listening at the address).
 */
import type { Micros } from "../base/time.js";

/** An IP address and a UDP port. */
export interface HostPort {
  ip: string;
  port: number;
}

/** What a sent message is, for its `sip` event (a reader filters on these without parsing). */
export interface SendInfo {
  /** The request being handled when it was sent (a SIP worker's `req`), if any. */
  req?: number;
  /** The process that sent it. */
  proc?: number;
}

export interface SipNet {
  /** The proxy's listening socket (`listen=`, default 127.0.0.1:5060 in kamsim). */
  readonly socket: HostPort;
  /**
   * Sends `text` from the proxy's socket to `to` at virtual time `t` (≥ now): a `sip` event
   * `send` now, a `recv` (or `lost`) when it arrives. Returns the message's id, or -1 when the
   * text does not fit one UDP datagram (over 65,507 bytes: sendto() fails with EMSGSIZE, nothing
   * is sent; a `lost` event with why `size`).
   */
  send(to: HostPort, text: string, t: Micros, info?: SendInfo): number;
  /**
   * Whether anyone listens at `ip` (any port) now. A sender may skip building a message nobody
   * can receive when no `sip` event would show it either; absent means "assume yes".
   */
  hears?(ip: string): boolean;
  /**
   * Whether a `sip` event would show a message sent where nobody listens: the observer wants
   * `sip` events and has not left such messages out (SimulationOptions.sipUnheard). Absent
   * means "no".
   */
  readonly showsUnheard?: boolean;
}
