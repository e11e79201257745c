/**
 * One htable's items (docs/kamailio/htable.md), kept the way ht_api.c keeps them so that `htable.dump` lists
 * them in Kamailio's order: 2^size buckets chosen by core_case_hash() of the name, each bucket
 * ordered by the full hash, then by insertion. Names compare exactly; expiry is in virtual time.
 */

import type { Micros } from "../../base/time.js";
import type { Value } from "../../runtime/values.js";
import { utf8Bytes } from "../../sip/utf8.js";
import type { HtableDef } from "./params.js";

export interface HtItem {
  name: string;
  value: number | string;
  hash: number;
  /** Virtual time the item expires at; 0 = never. */
  expires: Micros;
}

/** Kamailio's core_case_hash(s, 0, 0) (src/core/hashes.h): 4 bytes at a time, lower-cased. */
export function coreCaseHash(s: string): number {
  const bytes = utf8Bytes(s);
  const c = (i: number) => {
    let b = bytes[i] as number;
    if (b >= 0x41 && b <= 0x5a) b |= 0x20;
    return b >= 0x80 ? b - 0x100 : b; // C `char` is signed on x86
  };
  let h = 0;
  let p = 0;
  for (; p <= bytes.length - 4; p += 4) {
    const v = ((c(p) << 24) + (c(p + 1) << 16) + (c(p + 2) << 8) + c(p + 3)) >>> 0;
    h = (h + (v ^ (v >>> 3))) >>> 0;
  }
  let v = 0;
  for (; p < bytes.length; p++) v = ((v << 8) + c(p)) >>> 0;
  h = (h + (v ^ (v >>> 3))) >>> 0;
  return (h + (h >>> 11) + ((h >>> 13) + (h >>> 23))) >>> 0;
}

export class HtStore {
  readonly slots: HtItem[][];
  private readonly byName = new Map<string, HtItem>();

  constructor(readonly def: HtableDef) {
    const size = def.size <= 1 ? 8 : def.size > 31 ? 1 << 14 : 2 ** def.size;
    this.slots = Array.from({ length: size }, () => []);
  }

  private slotOf(hash: number): HtItem[] {
    return this.slots[hash & (this.slots.length - 1)] as HtItem[];
  }

  /** The live item (expired items are invisible to reads at once, docs/kamailio/htable.md#autoexpire). */
  get(name: string, now: Micros): HtItem | undefined {
    const it = this.byName.get(name);
    return it && (it.expires === 0 || it.expires > now) ? it : undefined;
  }

  /** Value as `$sht` reads it: the item's, or initval, or null. */
  read(name: string, now: Micros): Value {
    return this.get(name, now)?.value ?? this.def.initval ?? null;
  }

  set(name: string, value: number | string, now: Micros): void {
    const auto = this.def.autoexpire > 0 ? now + this.def.autoexpire * 1_000_000 : 0;
    const it = this.byName.get(name);
    if (it) {
      const expired = it.expires !== 0 && it.expires <= now;
      it.value = value;
      if (this.def.updateexpire || expired) it.expires = auto;
      return;
    }
    const hash = coreCaseHash(name);
    const item: HtItem = { name, value, hash, expires: auto };
    const slot = this.slotOf(hash);
    let i = 0;
    while (i < slot.length && (slot[i] as HtItem).hash <= hash) i++;
    slot.splice(i, 0, item);
    this.byName.set(name, item);
  }

  delete(name: string): void {
    const it = this.byName.get(name);
    if (!it) return;
    this.byName.delete(name);
    const slot = this.slotOf(it.hash);
    slot.splice(slot.indexOf(it), 1);
  }

  /** Removes items whose names (or values) match; returns how many. */
  deleteMatching(test: (it: HtItem) => boolean): number {
    const doomed = [...this.byName.values()].filter(test);
    for (const it of doomed) this.delete(it.name);
    return doomed.length;
  }

  /** Takes out expired items (the timer's job); returns them. */
  expire(now: Micros): HtItem[] {
    const gone = [...this.byName.values()].filter((it) => it.expires !== 0 && it.expires <= now);
    for (const it of gone) this.delete(it.name);
    return gone;
  }

  /** Every item held, expired or not (what Kamailio's slots hold until the timer cleans them). */
  all(): HtItem[] {
    return [...this.byName.values()];
  }

  live(now: Micros): HtItem[] {
    return [...this.byName.values()].filter((it) => it.expires === 0 || it.expires > now);
  }

  clear(): void {
    this.byName.clear();
    for (const s of this.slots) s.length = 0;
  }
}
