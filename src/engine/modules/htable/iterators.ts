/**
 * htable's iterators (src/modules/htable/ht_api.c, ht_var.c, 5.6.3): `sht_iterator_start/next/
 * end/rm/sets/seti/setex` and `$shtitkey`/`$shtitval`. Each process has four named iterators
 * (static memory in Kamailio, so they outlive the message that started them). An iterator walks
 * the table slot by slot and each slot's list in order — the order `htable.dump` shows, set by
 * core_case_hash() and the table's size (store.ts) — and sees items that expired but were not
 * yet cleaned by the timer, as Kamailio's does.
 */
import { L_ERR } from "../../base/log-levels.js";
import type { ProcessState, ScriptContext } from "../../runtime/context.js";
import type { CallArg, FunctionImpl, PvImpl } from "../../runtime/env.js";
import { nowIn, whereIn } from "../../runtime/services.js";
import { shmCopy, toInt } from "../../runtime/values.js";
import type { HtItem, HtStore } from "./store.js";

interface Iterator {
  name: string;
  table: HtStore | undefined;
  slot: number;
  item: HtItem | undefined;
}

const SIZE = 4;

function iteratorsOf(proc: ProcessState): Iterator[] {
  let its = proc.local.get("htable:iterators") as Iterator[] | undefined;
  if (its === undefined) {
    its = Array.from({ length: SIZE }, () => ({ name: "", table: undefined, slot: 0, item: undefined }));
    proc.local.set("htable:iterators", its);
  }
  return its;
}

/** ht_iterator_find(): the iterator of that name, else the first unused one; -1 when all are taken. */
function find(its: Iterator[], name: string): number {
  let k = -1;
  for (let i = 0; i < SIZE; i++) {
    const it = its[i] as Iterator;
    if (it.name !== "") {
      if (it.name === name) return i;
    } else if (k === -1) k = i;
  }
  return k;
}

function err(ctx: ScriptContext, at: string, fn: string, text: string): void {
  ctx.sv.log.module(ctx.proc, L_ERR, "htable", at, fn, text, whereIn(ctx));
}

/** The first item of a slot from `slot` on, or undefined past the last slot. */
function firstFrom(it: Iterator): boolean {
  const table = it.table as HtStore;
  // The next slot holding items (only those exist; see HtStore).
  const next = table.usedSlots().find((i) => i >= it.slot);
  const first = next === undefined ? undefined : table.slot(next)[0];
  if (next === undefined || !first) {
    it.slot = table.slotCount;
    it.item = undefined;
    return false;
  }
  it.slot = next;
  it.item = first;
  return true;
}

/** The item after `item` in its slot's list. */
function after(table: HtStore, slot: number, item: HtItem): HtItem | undefined {
  const list = table.slot(slot);
  const i = list.indexOf(item);
  return i < 0 ? undefined : list[i + 1];
}

/** An iterator found and started, or Kamailio's error (the lines of ht_api.c) and undefined. */
function used(ctx: ScriptContext, name: string, lines: [number, number, number], fn: string, needItem: boolean) {
  const its = iteratorsOf(ctx.proc);
  const k = find(its, name);
  if (k < 0) {
    err(ctx, `ht_api.c:${lines[0]}`, fn, `iterator not found [${name}]`);
    return undefined;
  }
  const it = its[k] as Iterator;
  if (it.table === undefined) {
    err(ctx, `ht_api.c:${lines[1]}`, fn, `iterator not initialized [${name}]`);
    return undefined;
  }
  if (needItem && it.item === undefined) {
    err(ctx, `ht_api.c:${lines[2]}`, fn, `iterator not used [${name}]`);
    return undefined;
  }
  return it;
}

export function iteratorFunctions(tables: Map<string, HtStore>) {
  const sht_iterator_start: FunctionImpl = {
    compile(args) {
      const [iname, hname] = args.map((a) => a.str()) as [(c: ScriptContext) => string, (c: ScriptContext) => string];
      return (ctx) => {
        const n = iname(ctx);
        const h = hname(ctx);
        if (n === "" || h === "") return -1;
        const its = iteratorsOf(ctx.proc);
        const k = find(its, n);
        if (k < 0) {
          err(ctx, "ht_api.c:1760", "ht_iterator_start", `no iterator available - max number is ${SIZE}`);
          return -1;
        }
        const it = its[k] as Iterator;
        if (it.name === "" && n.length >= 32) {
          err(ctx, "ht_api.c:1775", "ht_iterator_start", `iterator name is too big [${n}] (max 32)`);
          return -1;
        }
        it.name = n;
        it.item = undefined;
        it.slot = 0;
        it.table = tables.get(h);
        if (it.table === undefined) {
          err(ctx, "ht_api.c:1789", "ht_iterator_start", `cannot get hash table [${h}]`);
          return -1;
        }
        return 1;
      };
    },
  };

  const sht_iterator_next: FunctionImpl = {
    compile(args) {
      const iname = (args[0] as CallArg).str();
      return (ctx) => {
        const n = iname(ctx);
        if (n === "") return -1;
        const it = used(ctx, n, [1802, 1807, 0], "ht_iterator_next", false);
        if (!it) return -1;
        if (it.item === undefined) it.slot = 0;
        else {
          const next = after(it.table as HtStore, it.slot, it.item);
          if (next) {
            it.item = next;
            return 1;
          }
          it.slot++;
        }
        return firstFrom(it) ? 1 : -1;
      };
    },
  };

  const sht_iterator_end: FunctionImpl = {
    compile(args) {
      const iname = (args[0] as CallArg).str();
      return (ctx) => {
        const n = iname(ctx);
        if (n === "") return -1;
        const its = iteratorsOf(ctx.proc);
        const k = find(its, n);
        const it = its[k];
        if (k < 0 || !it || it.name === "") {
          err(ctx, "ht_api.c:1847", "ht_iterator_end", `iterator not found [${n}]`);
          return -1;
        }
        it.name = "";
        it.table = undefined;
        it.slot = 0;
        it.item = undefined;
        return 1;
      };
    },
  };

  /** ht_iterator_rm(): removes the current item and moves on; -2 when that was the last one. */
  const sht_iterator_rm: FunctionImpl = {
    compile(args) {
      const iname = (args[0] as CallArg).str();
      return (ctx) => {
        const n = iname(ctx);
        if (n === "") return -1;
        const it = used(ctx, n, [1869, 1873, 1877], "ht_iterator_rm", true);
        if (!it) return -1;
        const table = it.table as HtStore;
        const gone = it.item as HtItem;
        const next = after(table, it.slot, gone);
        table.delete(gone.name);
        if (next) {
          it.item = next;
          return 1;
        }
        it.slot++;
        return firstFrom(it) ? 1 : -2;
      };
    },
  };

  /** sets/seti: the current item's value, in place (its position in the slot is kept). */
  const setter = (kind: "s" | "i"): FunctionImpl => ({
    compile(args) {
      const iname = (args[0] as CallArg).str();
      const value = kind === "s" ? (args[1] as CallArg).str() : (args[1] as CallArg).value();
      return (ctx) => {
        const n = iname(ctx);
        if (kind === "i" && n === "") return -1;
        const it = used(
          ctx,
          n,
          kind === "s" ? [1916, 1920, 1924] : [1980, 1984, 1988],
          kind === "s" ? "ht_iterator_sets" : "ht_iterator_seti",
          true,
        );
        if (!it) return -1;
        const item = it.item as HtItem;
        const v = value(ctx);
        item.value = kind === "s" ? shmCopy(String(v)) : toInt(v);
        const table = it.table as HtStore;
        if (table.def.updateexpire && table.def.autoexpire > 0)
          item.expires = nowIn(ctx) + table.def.autoexpire * 1_000_000;
        return 1;
      };
    },
  });

  const sht_iterator_setex: FunctionImpl = {
    compile(args) {
      const iname = (args[0] as CallArg).str();
      const value = (args[1] as CallArg).value();
      return (ctx) => {
        const n = iname(ctx);
        if (n === "") return -1;
        const it = used(ctx, n, [2013, 2017, 2021], "ht_iterator_setex", true);
        if (!it) return -1;
        (it.item as HtItem).expires = nowIn(ctx) + toInt(value(ctx)) * 1_000_000;
        return 1;
      };
    },
  };

  return {
    sht_iterator_start,
    sht_iterator_next,
    sht_iterator_end,
    sht_iterator_rm,
    sht_iterator_sets: setter("s"),
    sht_iterator_seti: setter("i"),
    sht_iterator_setex,
  };
}

/** `$shtitkey(name)` / `$shtitval(name)`: the current item's name / value; `$null` without one. */
export function iteratorPv(field: "name" | "value"): PvImpl {
  return {
    compile(spec) {
      const name = spec.inner ?? "";
      return {
        get: (ctx) => {
          const its = iteratorsOf(ctx.proc);
          const k = find(its, name);
          const it = k < 0 ? undefined : its[k];
          if (!it || it.name === "" || it.item === undefined) return null;
          return field === "name" ? it.item.name : it.item.value;
        },
      };
    },
  };
}
