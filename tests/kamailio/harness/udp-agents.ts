/**
 * The traffic file's user agents (src/engine/world/agents, the same code kamsim runs) played
 * against the real Kamailio over UDP on loopback: each agent gets a socket bound to exactly its
 * planned 127.x address and port (the messages it writes name them: Via, Contact), the agents'
 * clock is the wall clock from the harness's t0 (wall-clock.ts), and every datagram each agent
 * receives is recorded (time, sender, text), as are the ones it sends.
 *
 * Latency and loss are applied as kamsim's network applies them (sim/network.ts):
 * - a datagram takes the sum of its two ends' one-way latencies (Kamailio's is 0): an agent's
 *   send leaves after its own latency plus the receiving agent's, a datagram from Kamailio is
 *   handed to the agent after the agent's latency;
 * - loss is replayed from kamsim's run by position: the n-th datagram an agent sends, or the n-th
 *   one Kamailio sends to it, is dropped here when kamsim's network lost the n-th one. Only
 *   while both sides exchange the same datagrams is that the same datagram, and then the
 *   comparison shows the rest agrees.
 *
 * An agent reacts to a datagram on kamsim's timeline when it has one: if the n-th datagram an
 * agent gets has the same first line and sender as the n-th kamsim delivered to it, the agent
 * handles it with `now()` at kamsim's arrival time, so what it does next (ring after r s, hang up
 * after the hold, a retransmission timer) is planned at kamsim's times, as the plan's requests
 * are (sender.ts), instead of piling up the harness's and the machine's lateness message after
 * message. What is recorded, and compared, is still the real arrival time; a datagram kamsim did
 * not deliver in that place is handled at its real time.
 */
import { createSocket, type Socket } from "node:dgram";
import { performance } from "node:perf_hooks";
import type { Micros } from "../../../src/engine/base/time.js";
import type { HostPort } from "../../../src/engine/runtime/sip-net.js";
import type { AgentWire } from "./sip-normalize.js";
import type { WallClock } from "./wall-clock.js";

/** What the harness needs of `createAgents(...)`'s result (world/agents). */
export interface AgentsLike {
  readonly addresses: readonly { name: string; address: HostPort; latency: Micros }[];
  start(): void;
  deliver(to: HostPort, from: HostPort, text: string): void;
}

export interface AgentTransportLike {
  now(): Micros;
  schedule(t: Micros, fn: () => void): void;
  send(from: HostPort, to: HostPort, text: string): void;
}

/** Positions (0-based) of the datagrams kamsim's network lost to loss, per agent address. */
export interface LossPlan {
  sent: ReadonlyMap<string, ReadonlySet<number>>;
  received: ReadonlyMap<string, ReadonlySet<number>>;
}

/** What kamsim delivered to each agent, by address, in order: seconds, sender, text. */
export type Timeline = ReadonlyMap<string, readonly { t: number; peer: string; text: string }[]>;

export interface PlayingAgents {
  /** Each agent's traffic so far (filled while it runs). */
  agents: AgentWire[];
  /** Socket errors. */
  errors: string[];
  /** Starts the agents at t = 0 of `clock` (its t0): their first actions count from there. */
  start(clock: WallClock): void;
  /** Stops the clock and closes the sockets. */
  close(): Promise<void>;
}

const key = (a: HostPort) => `${a.ip}:${a.port}`;

function bind(addr: HostPort): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = createSocket("udp4");
    s.once("error", reject);
    s.bind(addr.port, addr.ip, () => {
      s.off("error", reject);
      resolve(s);
    });
  });
}

/**
 * Binds every agent's socket (before Kamailio starts, so that t = 0 finds them ready); `start`
 * then runs them on the wall clock. Rejects when an address is not in 127.0.0.0/8 or cannot be
 * bound (the agents' messages name their address, so another port would not do).
 */
export async function prepareAgents(
  make: (transport: AgentTransportLike) => AgentsLike,
  loss: LossPlan,
  opts: { record?: boolean; timeline?: Timeline } = {},
): Promise<PlayingAgents> {
  // A load run (bench/real-calls.ts) counts datagrams from the agents' own counters instead.
  const record = opts.record ?? true;
  let clock: WallClock | undefined;
  let closed = false;
  const on = () => {
    if (!clock) throw new Error("the agents' clock is not started");
    return clock;
  };
  const errors: string[] = [];
  const sockets = new Map<string, Socket>();
  const wires = new Map<string, AgentWire>();
  const latency = new Map<string, Micros>();
  const counts = {
    sent: new Map<string, number>(),
    received: new Map<string, number>(),
    handed: new Map<string, number>(),
  };
  const firstLine = (text: string) => text.slice(0, text.indexOf("\r\n") >>> 0);
  const nth = (m: Map<string, number>, k: string) => {
    const n = m.get(k) ?? 0;
    m.set(k, n + 1);
    return n;
  };
  const seconds = () => (performance.now() - on().t0) / 1000;
  const transport: AgentTransportLike = {
    now: () => on().now(),
    schedule: (t, fn) => on().schedule(t, fn),
    send(from, to, text) {
      const k = key(from);
      const s = sockets.get(k);
      if (!s) {
        errors.push(`an agent sent from ${k}, which no agent has`);
        return;
      }
      const n = nth(counts.sent, k);
      const wire = wires.get(k);
      if (loss.sent.get(k)?.has(n)) return;
      const delay = (latency.get(k) ?? 0) + (latency.get(key(to)) ?? 0);
      const go = () => {
        if (record) wire?.sent.push({ t: seconds(), peer: key(to), text });
        s.send(Buffer.from(text, "utf8"), to.port, to.ip, (e) => {
          if (e) errors.push(`${k} → ${key(to)}: ${e.message}`);
        });
      };
      if (delay > 0) on().schedule(on().now() + delay, go);
      else go();
    },
  };
  const agents = make(transport);
  try {
    for (const a of agents.addresses) {
      const k = key(a.address);
      if (!/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(a.address.ip))
        throw new Error(`agent ${a.name} at ${k}: a differential case may only use 127.0.0.0/8`);
      latency.set(k, a.latency);
      const wire: AgentWire = { name: a.name, addr: k, received: [], sent: [] };
      wires.set(k, wire);
      let s: Socket;
      try {
        s = await bind(a.address);
      } catch (e) {
        throw new Error(`agent ${a.name}: cannot bind ${k}: ${e instanceof Error ? e.message : String(e)}`);
      }
      sockets.set(k, s);
      const to = a.address;
      s.on("error", (e) => errors.push(`${k}: ${e.message}`));
      s.on("message", (buf, rinfo) => {
        const from = { ip: rinfo.address, port: rinfo.port };
        // A datagram from another agent was delayed by both latencies, and kept or lost, when it left.
        const fromAgent = wires.has(key(from));
        if (!fromAgent && loss.received.get(k)?.has(nth(counts.received, k))) return;
        const text = buf.toString("utf8");
        const delay = fromAgent ? 0 : a.latency;
        const hand = () => {
          if (record) wire.received.push({ t: seconds(), peer: key(from), text });
          const planned = opts.timeline?.get(k)?.[nth(counts.handed, k)];
          if (planned && planned.peer === key(from) && firstLine(planned.text) === firstLine(text))
            on().runAs(Math.round(planned.t * 1e6), () => agents.deliver(to, from, text));
          else agents.deliver(to, from, text);
        };
        if (!clock) return; // before t = 0: nothing is due yet
        if (delay > 0) clock.schedule(clock.wallNow() + delay, hand);
        else hand();
      });
    }
  } catch (e) {
    await Promise.all([...sockets.values()].map((s) => new Promise((r) => s.close(() => r(undefined)))));
    throw e;
  }
  return {
    agents: [...wires.values()],
    errors,
    start(c) {
      clock = c;
      c.schedule(0, () => agents.start());
    },
    close: async () => {
      if (closed) return;
      closed = true;
      clock?.stop();
      await Promise.all([...sockets.values()].map((s) => new Promise((r) => s.close(() => r(undefined)))));
    },
  };
}
