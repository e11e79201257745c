/**
 * A binary min-heap over a caller's order: the kernel's task queue and event output (ordered by
 * time, then sequence) and the arrival merge. A strict total order keeps every run deterministic.
 */
export class MinHeap<T> {
  private readonly items: T[] = [];

  /** `before(a, b)`: whether `a` comes out before `b`. It must be a strict total order for determinism. */
  constructor(private readonly before: (a: T, b: T) => boolean) {}

  /** How many items are held. */
  get size(): number {
    return this.items.length;
  }

  /** The first item, without taking it. */
  peek(): T | undefined {
    return this.items[0];
  }

  /** Adds an item. */
  push(item: T): void {
    const a = this.items;
    a.push(item);
    let i = a.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(item, a[parent] as T)) break;
      a[i] = a[parent] as T;
      i = parent;
    }
    a[i] = item;
  }

  /** Takes the first item. */
  pop(): T | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length === 0 || last === undefined) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= a.length) break;
      const r = l + 1;
      const child = r < a.length && this.before(a[r] as T, a[l] as T) ? r : l;
      if (!this.before(a[child] as T, last)) break;
      a[i] = a[child] as T;
      i = child;
    }
    a[i] = last;
    return top;
  }
}
