/**
 * The simulated UDP network between the proxy's socket and the user agents (runtime/sip-net.ts
 * is what the proxy's modules see of it). Endpoints attach at an address; a datagram sent to an
 * address reaches its endpoint after the link's latency, or is lost: the sender's or receiver's
 * seeded loss rate, or nobody attached there when it arrives (udp_send() succeeds all the same,
 * as a real UDP send does: core/udp_server.c). Every datagram is a `sip` event when it is sent
 * and when it arrives (`recv`) or is lost.
 *
 * Latency: each endpoint has the one-way delay of its own access link (the network's default
 * when it gives none); a datagram takes the sum of the sender's and the receiver's, so a proxy
 * at 0 and an agent at 20 ms give 20 ms each way.
 *
 * Loss is drawn from each endpoint's own generator, seeded from the run's seed and the endpoint's
 * address, and only when its rate is above 0: adding a lossless agent, or a lossy one elsewhere,
 * does not change which datagrams another endpoint loses.
 */

import { createRng, type Rng } from "../base/rng.js";
import type { Micros } from "../base/time.js";
import type { SipEvent } from "../events.js";
import type { SimKernel } from "../runtime/services.js";
import type { HostPort, SendInfo, SipNet } from "../runtime/sip-net.js";
import { utf8Length } from "../sip/utf8.js";
import { sipSummary } from "./sip-summary.js";

/** A datagram reached an endpoint: where from, its text, when, and its id in `sip` events. */
export type OnDatagram = (from: HostPort, text: string, t: Micros, id: number) => void;

export interface EndpointOptions {
  /** One-way delay of the endpoint's link; default the network's. */
  latency?: Micros;
  /** Probability (0…1) that a datagram it sends or receives is lost; default 0. */
  loss?: number;
}

interface Endpoint {
  node: string;
  key: string;
  latency: Micros;
  loss: number;
  rng: Rng | undefined;
  on: OnDatagram;
  /** Unplugged (an agent gone down): datagrams arriving are lost (`down`). */
  down: boolean;
}

export interface NetworkOptions {
  /** The proxy's socket (what `SipNet.send` sends from). */
  socket: HostPort;
  /** The run's seed: loss generators derive from it. */
  seed: number;
  /** Default one-way latency of an endpoint's link (the proxy's own is 0 unless attached with one). */
  latency?: Micros;
  /**
   * Whether `sip` events show messages a sender may skip because nobody listens at their address
   * (SipNet.showsUnheard; default true). Off, a front end sees the endpoints' messages only.
   */
  unheard?: boolean;
}

/** The largest UDP payload over IPv4: 65535 minus the IP (20) and UDP (8) headers. */
export const MAX_UDP_PAYLOAD = 65_507;

/** Whether `text` (sent as UTF-8) exceeds one UDP datagram; counts bytes only when it matters. */
function tooLarge(text: string): boolean {
  if (text.length > MAX_UDP_PAYLOAD) return true;
  if (text.length * 3 <= MAX_UDP_PAYLOAD) return false;
  return utf8Length(text) > MAX_UDP_PAYLOAD;
}

/** `ip:port`, the key of an address. */
export function addrKey(a: HostPort): string {
  return `${a.ip}:${a.port}`;
}

/** A 32-bit FNV-1a hash of a text, to seed an endpoint's loss generator from its address. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class Network implements SipNet {
  readonly socket: HostPort;
  private readonly endpoints = new Map<string, Endpoint>();
  /** How many endpoints listen at each IP (for `hears`). */
  private readonly ips = new Map<string, number>();
  private readonly seed: number;
  private readonly latency: Micros;
  private readonly unheard: boolean;
  private nextId = 1;
  /** Datagrams sent, delivered and lost so far. */
  readonly stats = { sent: 0, delivered: 0, lost: 0 };

  constructor(
    private readonly kernel: SimKernel,
    opts: NetworkOptions,
  ) {
    this.socket = { ip: opts.socket.ip, port: opts.socket.port };
    this.seed = opts.seed;
    this.latency = opts.latency ?? 0;
    this.unheard = opts.unheard ?? true;
  }

  get showsUnheard(): boolean {
    return this.kernel.wants.sip && this.unheard;
  }

  /** An endpoint listens at `addr` from now on (replacing whoever was there). */
  attach(addr: HostPort, node: string, on: OnDatagram, opts: EndpointOptions = {}): void {
    const key = addrKey(addr);
    const loss = opts.loss ?? 0;
    if (!this.endpoints.has(key)) this.ips.set(addr.ip, (this.ips.get(addr.ip) ?? 0) + 1);
    this.endpoints.set(key, {
      node,
      key,
      latency: opts.latency ?? this.latency,
      loss,
      rng: loss > 0 ? createRng(this.seed ^ hash32(key)) : undefined,
      on,
      down: false,
    });
  }

  /**
   * Unplugs the endpoint at `addr` (`down`) or plugs it back: while down, datagrams arriving there
   * are lost (`down`), as to a phone whose cable is out; it still counts as listening (`hears`), so
   * senders build what they send it and the Ladder shows it lost.
   */
  setDown(addr: HostPort, down: boolean): void {
    const e = this.endpoints.get(addrKey(addr));
    if (e) e.down = down;
  }

  /** Nobody listens at `addr` any more: datagrams arriving there are lost (`nobody`). */
  detach(addr: HostPort): void {
    if (!this.endpoints.delete(addrKey(addr))) return;
    const n = (this.ips.get(addr.ip) ?? 1) - 1;
    if (n > 0) this.ips.set(addr.ip, n);
    else this.ips.delete(addr.ip);
  }

  hears(ip: string): boolean {
    return this.ips.has(ip);
  }

  /** Told of every datagram the proxy sends (a cfgt trace's `sip_out`), when set. */
  onProxySend: ((text: string, info: SendInfo | undefined) => void) | undefined;

  /** The proxy sends from its socket. */
  send(to: HostPort, text: string, t: Micros, info?: SendInfo): number {
    this.onProxySend?.(text, info);
    return this.sendFrom(this.socket, to, text, t, info);
  }

  /**
   * Sends `text` from `from` to `to` at `t` (not before now). Returns the datagram's id, or -1
   * when it is larger than one UDP datagram (udp_send() fails: nothing leaves; the caller logs
   * what its Kamailio counterpart logs). The arrival is looked up when the datagram arrives, so
   * an endpoint that attaches in between gets it.
   */
  sendFrom(from: HostPort, to: HostPort, text: string, t: Micros, info?: SendInfo): number {
    const id = this.nextId++;
    const k = this.kernel;
    const sendAt = Math.max(t, k.now);
    const fromKey = addrKey(from);
    const toKey = addrKey(to);
    const src = this.endpoints.get(fromKey);
    const dst = this.endpoints.get(toKey);
    const wants = k.wants.sip;
    const summary = wants ? sipSummary(text) : undefined;
    if (tooLarge(text)) {
      this.stats.lost++;
      if (summary)
        this.emit("lost", sendAt, id, fromKey, toKey, src?.node ?? "", dst?.node ?? "", summary, text, info, "size");
      return -1;
    }
    this.stats.sent++;
    if (summary) this.emit("send", sendAt, id, fromKey, toKey, src?.node ?? "", dst?.node ?? "", summary, text, info);
    // Loss is drawn at send time, in send order, so it does not depend on arrival order.
    // Both draws are made, so one endpoint's losses never shift the other's sequence.
    const lostOut = src?.rng !== undefined && src.rng.next() < src.loss;
    const lostIn = dst?.rng !== undefined && dst.rng.next() < dst.loss;
    const lost = lostOut || lostIn;
    const at = sendAt + (src ? src.latency : this.latency) + (dst ? dst.latency : this.latency);
    const fromAddr = { ip: from.ip, port: from.port };
    k.schedule(at, () => {
      const target = this.endpoints.get(toKey);
      if (lost || target === undefined || target.down) {
        this.stats.lost++;
        if (summary) {
          const why = lost ? "loss" : target === undefined ? "nobody" : "down";
          this.emit("lost", at, id, fromKey, toKey, src?.node ?? "", target?.node ?? "", summary, text, info, why);
        }
        return;
      }
      this.stats.delivered++;
      if (summary) this.emit("recv", at, id, fromKey, toKey, src?.node ?? "", target.node, summary, text, info);
      target.on(fromAddr, text, at, id);
    });
    return id;
  }

  private emit(
    op: SipEvent["op"],
    t: Micros,
    id: number,
    from: string,
    to: string,
    fromNode: string,
    toNode: string,
    s: { method: string; status?: number; callId: string },
    text: string,
    info: SendInfo | undefined,
    why?: SipEvent["why"],
  ): void {
    const e: SipEvent = {
      kind: "sip",
      t,
      op,
      id,
      from,
      to,
      fromNode,
      toNode,
      method: s.method,
      callId: s.callId,
      text,
    };
    if (s.status !== undefined) e.status = s.status;
    if (why !== undefined) e.why = why;
    if (info?.req !== undefined) e.req = info.req;
    if (info?.proc !== undefined) e.proc = info.proc;
    this.kernel.emit(e);
  }
}
