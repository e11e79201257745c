/**
 * The last N requests' arrivals, so that their SIP text can be rebuilt on demand (the Log shows
 * it when a line is clicked). Kept in flat typed arrays indexed by request id modulo N rather
 * than as N live objects in a Map: recording is a few stores per request, and the collector has
 * nothing more to trace — a Map of arrivals cost the classic benchmark a third of its speed.
 * A datagram from the simulated network (an agent's message) has no plan to rebuild it from: its
 * text is kept as it came (a reference to the string the network delivered).
 */
import type { Arrival } from "./arrivals.js";

export class RecentArrivals {
  private readonly ids: Float64Array;
  private readonly times: Float64Array;
  private readonly streams: Int32Array;
  private readonly messages: Int32Array;
  private readonly numbers: Float64Array;
  private readonly ports: Int32Array;
  private readonly injected: Uint8Array;
  private readonly sources: string[];
  /** A datagram's text, for arrivals that carry one (from the simulated network: agents' messages). */
  private readonly texts: (string | undefined)[];

  constructor(private readonly size: number) {
    this.ids = new Float64Array(size).fill(-1);
    this.times = new Float64Array(size);
    this.streams = new Int32Array(size);
    this.messages = new Int32Array(size);
    this.numbers = new Float64Array(size);
    this.ports = new Int32Array(size);
    this.injected = new Uint8Array(size);
    this.sources = new Array<string>(size).fill("");
    this.texts = new Array<string | undefined>(size).fill(undefined);
  }

  record(id: number, a: Arrival & { text?: string }): void {
    const i = id % this.size;
    this.ids[i] = id;
    this.times[i] = a.t;
    this.streams[i] = a.stream;
    this.messages[i] = a.message ?? -1;
    this.numbers[i] = a.n;
    this.ports[i] = a.sport;
    this.injected[i] = a.injected ? 1 : 0;
    this.sources[i] = a.src;
    this.texts[i] = a.text;
  }

  /** The arrival of request `id`, or undefined when it is no longer kept. */
  get(id: number): (Arrival & { text?: string }) | undefined {
    const i = id % this.size;
    if (!Number.isInteger(id) || id < 0 || this.ids[i] !== id) return undefined;
    const a: Arrival & { text?: string } = {
      t: this.times[i] as number,
      stream: this.streams[i] as number,
      n: this.numbers[i] as number,
      src: this.sources[i] as string,
      sport: this.ports[i] as number,
    };
    const message = this.messages[i] as number;
    if (message >= 0) a.message = message;
    if (this.injected[i]) a.injected = true;
    const text = this.texts[i];
    if (text !== undefined) a.text = text;
    return a;
  }
}
