/**
 * A bounded ring of log lines: the playground keeps the newest `capacity` lines, so a very long
 * run never grows the page's memory; `version` changes on every append, for cheap re-renders.
 */
import type { LogEvent } from "../../engine/index.js";

export class LogRing {
  private readonly items: (LogEvent | undefined)[];
  private start = 0;
  size = 0;
  /** Total lines ever appended (the index of a line in the whole run). */
  total = 0;

  constructor(readonly capacity: number) {
    this.items = new Array(capacity);
  }

  push(e: LogEvent): void {
    const end = (this.start + this.size) % this.capacity;
    this.items[end] = e;
    if (this.size < this.capacity) this.size++;
    else this.start = (this.start + 1) % this.capacity;
    this.total++;
  }

  /** The i-th line kept (0 = oldest kept). */
  at(i: number): LogEvent | undefined {
    return i < 0 || i >= this.size ? undefined : this.items[(this.start + i) % this.capacity];
  }

  clear(): void {
    this.start = 0;
    this.size = 0;
    this.total = 0;
    this.items.fill(undefined);
  }

  toArray(): LogEvent[] {
    const out: LogEvent[] = [];
    for (let i = 0; i < this.size; i++) out.push(this.at(i) as LogEvent);
    return out;
  }
}
