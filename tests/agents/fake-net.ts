/**
 * An in-memory UDP network for agent tests: virtual time, one fixed latency, every datagram
 * logged, and a `drop` predicate to lose chosen datagrams. Datagrams to an address where an agent
 * lives go to it; others go to `elsewhere` (a test's stand-in proxy), or vanish.
 */
import { MinHeap } from "../../src/engine/base/min-heap.js";
import type { Micros } from "../../src/engine/base/time.js";
import {
  type AgentSet,
  type AgentTransport,
  createAgents,
  type HostPort,
  type PlannedAgent,
} from "../../src/engine/world/agents/index.js";

/** One datagram put on the wire. */
export interface Datagram {
  t: Micros;
  from: string;
  to: string;
  text: string;
  /** The first line. */
  line: string;
  dropped: boolean;
}

interface Task {
  t: Micros;
  seq: number;
  fn: () => void;
}

export class FakeNet implements AgentTransport {
  private t: Micros = 0;
  private seq = 0;
  private readonly tasks = new MinHeap<Task>((a, b) => a.t < b.t || (a.t === b.t && a.seq < b.seq));
  readonly wire: Datagram[] = [];
  drop: (d: Datagram) => boolean = () => false;
  elsewhere: ((to: HostPort, from: HostPort, text: string) => void) | undefined;
  agents!: AgentSet;

  constructor(readonly latency: Micros = 10_000) {}

  now(): Micros {
    return this.t;
  }

  schedule(t: Micros, fn: () => void): void {
    if (t < this.t) throw new Error(`scheduled in the past: ${t} < ${this.t}`);
    this.tasks.push({ t, seq: this.seq++, fn });
  }

  send(from: HostPort, to: HostPort, text: string): void {
    const d: Datagram = {
      t: this.t,
      from: `${from.ip}:${from.port}`,
      to: `${to.ip}:${to.port}`,
      text,
      line: text.slice(0, text.indexOf("\r\n")),
      dropped: false,
    };
    this.wire.push(d);
    if (this.drop(d)) {
      d.dropped = true;
      return;
    }
    this.schedule(this.t + this.latency, () => {
      if (!this.agents.deliver(to, from, text)) this.elsewhere?.(to, from, text);
    });
  }

  /** Runs every task up to and including time `until`. */
  run(until: Micros): void {
    for (let task = this.tasks.peek(); task && task.t <= until; task = this.tasks.peek()) {
      this.tasks.pop();
      this.t = task.t;
      task.fn();
    }
    this.t = until;
  }

  /** The datagrams sent from `from` (`ip:port`), as `time first-line`, times in ms. */
  lines(from?: string): string[] {
    return this.wire
      .filter((d) => from === undefined || d.from === from)
      .map((d) => `${d.t / 1000} ${d.line}${d.dropped ? " (lost)" : ""}`);
  }
}

/** A network with these agents on it, the proxy at `proxy`. */
export function network(plans: PlannedAgent[], proxy: HostPort, latency?: Micros): FakeNet {
  const net = new FakeNet(latency);
  net.agents = createAgents(plans, { proxy }, net);
  net.agents.start();
  return net;
}

/** A planned agent with every default, `over` replacing some. */
export function agent(name: string, ip: string, over: Partial<PlannedAgent> = {}): PlannedAgent {
  return {
    name,
    address: { ip, port: 5060 },
    user: name,
    domain: null,
    register: null,
    calls: [],
    requests: [],
    answer: { down: false, trying: false, ring: 0, after: 1_000_000, code: 200, bye: null, contact: null },
    retransmit: true,
    t1: 500_000,
    t2: 4_000_000,
    loss: 0,
    latency: 0,
    actions: [],
    ...over,
  };
}
