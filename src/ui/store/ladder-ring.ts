/**
 * The page's Ladder rows: the newest `capacity` SIP messages in send order (as the worker's
 * ladder keeps them), each updated in place when its arrival or loss comes in a later frame.
 * `total` is the worker's count of every message since t = 0, so the view can say how many it
 * keeps; `version` changes with every frame that brought news, for cheap re-renders.
 */
import type { LadderDelta, LadderRow } from "../../protocol/messages.js";

export class LadderRing {
  private readonly items: (LadderRow | undefined)[];
  private readonly byId = new Map<number, LadderRow>();
  private start = 0;
  size = 0;
  /** Messages sent since t = 0, kept or not. */
  total = 0;
  version = 0;

  constructor(readonly capacity: number) {
    this.items = new Array(capacity);
  }

  apply(d: LadderDelta): void {
    for (const r of d.rows) this.push(r);
    for (const e of d.ends) {
      const r = this.byId.get(e.id);
      if (!r) continue;
      r.end = e.end;
      if (e.lost !== undefined) r.lost = e.lost;
    }
    this.total = d.total;
    this.version++;
  }

  private push(r: LadderRow): void {
    const end = (this.start + this.size) % this.capacity;
    const old = this.items[end];
    if (this.size < this.capacity) this.size++;
    else {
      this.start = (this.start + 1) % this.capacity;
      if (old) this.byId.delete(old.id);
    }
    this.items[end] = r;
    this.byId.set(r.id, r);
  }

  /** The i-th row kept (0 = oldest kept). */
  at(i: number): LadderRow | undefined {
    return i < 0 || i >= this.size ? undefined : this.items[(this.start + i) % this.capacity];
  }

  clear(): void {
    this.start = 0;
    this.size = 0;
    this.total = 0;
    this.version++;
    this.items.fill(undefined);
    this.byId.clear();
  }

  toArray(): LadderRow[] {
    const out: LadderRow[] = [];
    for (let i = 0; i < this.size; i++) out.push(this.at(i) as LadderRow);
    return out;
  }
}
