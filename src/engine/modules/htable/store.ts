/**
 * One htable's items (docs/kamailio/htable.md), kept the way ht_api.c keeps them so that `htable.dump` lists
 * them in Kamailio's order: 2^size buckets chosen by core_case_hash() of the name, each bucket
 * ordered by the full hash, then by insertion. Names compare exactly; expiry is in virtual time.
 */

import type { Micros } from "../../base/time.js";
import { type ShmPool, shmCost, utf8Length } from "../../runtime/shm.js";
import type { Value } from "../../runtime/values.js";
import { utf8Bytes } from "../../sip/utf8.js";
import type { HtableDef } from "./params.js";

export interface HtItem {
  name: string;
  value: number | string;
  hash: number;
  /** Virtual time the item expires at; 0 = never. */
  expires: Micros;
  /** The cell's size in shared memory (ht_cell_t's msize), kept while the cell is reused. */
  msize: number;
}

/** Where ht_set_cell_ex() (ht_api.c, 5.6.3) logs a cell it could not allocate. */
export type SetFailure = 526 | 570 | 614;

/** sizeof(ht_cell_t) on x86-64 (ht_api.h: cellid, msize, flags, name, value, expire, prev, next). */
const HT_CELL_SIZE = 72;
/** sizeof(ht_t) on x86-64 (ht_api.h), which ht_add_table() takes for each table. */
const HT_SIZE = 320;
/** sizeof(ht_entry_t) on x86-64 (ht_api.h: esize, first, lock, locker_pid, rec_lock_level). */
export const HT_ENTRY_SIZE = 32;

/** ht_cell_new() (ht_api.c): the cell, its name and a string value, each 0-terminated, in one block. */
export function cellSize(name: string, value: number | string): number {
  return HT_CELL_SIZE + utf8Length(name) + 1 + (typeof value === "string" ? utf8Length(value) + 1 : 0);
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

/** ht_add_table() (ht_api.c): `size` is a power of two; 1 or less means 8 slots, over 31 means 2^14. */
export function slotCount(size: number): number {
  return size <= 1 ? 8 : size > 31 ? 1 << 14 : 2 ** size;
}

const NO_ITEMS: readonly HtItem[] = [];

export class HtStore {
  /** How many slots the table has (ht->htsize). */
  readonly slotCount: number;
  /**
   * The slots that hold items, by index. Only those exist: an array of every slot (2^30 for
   * `size=30`) ended the CLI in a V8 fatal error and the page in a crash loop.
   */
  private readonly buckets = new Map<number, HtItem[]>();
  private readonly byName = new Map<string, HtItem>();

  constructor(
    readonly def: HtableDef,
    /** The simulation's shared memory; the table, its slots and its cells are taken from it. */
    private readonly shm?: ShmPool,
  ) {
    this.slotCount = slotCount(def.size);
    // ht_add_table() and ht_init_tables() (ht_api.c) at start; a table whose slots do not fit
    // is refused by the checker before a simulation is made (check.ts).
    shm?.alloc(shmCost(HT_SIZE));
    shm?.alloc(shmCost(this.slotCount * HT_ENTRY_SIZE));
  }

  /** Takes a cell of `msize` bytes from shared memory; false when it does not fit. */
  private take(msize: number): boolean {
    return this.shm ? this.shm.alloc(shmCost(msize)) : true;
  }

  private release(msize: number): void {
    this.shm?.free(shmCost(msize));
  }

  /** The items of slot `i`, in Kamailio's order. */
  slot(i: number): readonly HtItem[] {
    return this.buckets.get(i) ?? NO_ITEMS;
  }

  /** The indexes of the slots that hold items, in order. */
  usedSlots(): number[] {
    return [...this.buckets.keys()].sort((a, b) => a - b);
  }

  private slotOf(hash: number): HtItem[] {
    const i = hash & (this.slotCount - 1);
    let slot = this.buckets.get(i);
    if (!slot) {
      slot = [];
      this.buckets.set(i, slot);
    }
    return slot;
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

  /**
   * ht_set_cell_ex() (ht_api.c): true, or — when the cell it needs does not fit in shared memory,
   * and nothing changes — the line of ht_api.c that logs "cannot create new cell" for that case
   * (a longer string replacing a string, a string replacing an int, a new item). A cell is
   * reused for an int, or for a string no longer than the value it holds.
   */
  set(name: string, value: number | string, now: Micros): true | SetFailure {
    const auto = this.def.autoexpire > 0 ? now + this.def.autoexpire * 1_000_000 : 0;
    const it = this.byName.get(name);
    if (it) {
      if (typeof value === "string" && (typeof it.value !== "string" || utf8Length(it.value) < utf8Length(value))) {
        const msize = cellSize(name, value);
        if (!this.take(msize)) return typeof it.value === "string" ? 526 : 570;
        this.release(it.msize);
        it.msize = msize;
      }
      const expired = it.expires !== 0 && it.expires <= now;
      it.value = value;
      if (this.def.updateexpire || expired) it.expires = auto;
      return true;
    }
    const msize = cellSize(name, value);
    if (!this.take(msize)) return 614;
    const hash = coreCaseHash(name);
    const item: HtItem = { name, value, hash, expires: auto, msize };
    const slot = this.slotOf(hash);
    let i = 0;
    while (i < slot.length && (slot[i] as HtItem).hash <= hash) i++;
    slot.splice(i, 0, item);
    this.byName.set(name, item);
    return true;
  }

  delete(name: string): void {
    const it = this.byName.get(name);
    if (!it) return;
    this.byName.delete(name);
    this.release(it.msize);
    const i = it.hash & (this.slotCount - 1);
    const slot = this.buckets.get(i);
    if (!slot) return;
    slot.splice(slot.indexOf(it), 1);
    if (slot.length === 0) this.buckets.delete(i);
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
    for (const it of this.byName.values()) this.release(it.msize);
    this.byName.clear();
    this.buckets.clear();
  }
}
