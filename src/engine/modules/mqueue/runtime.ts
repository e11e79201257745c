/**
 * mqueue at run time (docs/kamailio/mqueue.md): FIFO queues in shared memory, overflow dropping the oldest
 * item, addmode 1/2 for unique keys; each process remembers the item it fetched last, which
 * `$mqk`/`$mqv` read. Queue names given as literals are resolved once, at compile time.
 */

import { L_ERR } from "../../base/log-levels.js";
import type { Span } from "../../base/source.js";
import type { ScriptContext } from "../../runtime/context.js";
import type { CallArg, CompileEnv, FunctionImpl, PvImpl } from "../../runtime/env.js";
import { compileFormat } from "../../runtime/format.js";
import { nowIn, whereIn } from "../../runtime/services.js";
import { ShmPool, shmCost, utf8Length } from "../../runtime/shm.js";
import { shmCopy } from "../../runtime/values.js";
import type { ModuleSetup } from "../runtime-types.js";
import { defineRuntime } from "../runtime-types.js";
import { mqueueModule } from "./def.js";
import { type MqueueDef, MqueueTable } from "./params.js";
import { mqueueRpc } from "./rpc.js";

const NO_SPAN: Span = { file: 0, start: 0, end: 0 };

/** One queued item. */
export interface MqItem {
  key: string;
  value: string;
}

/** What an item takes of shared memory: mq_item_add()'s shm_malloc(sizeof(mq_item_t) + key + val + 2). */
export function itemShm(item: MqItem): number {
  // sizeof(mq_item_t) on x86-64: two str (16 bytes each) and a pointer (mqueue_api.h).
  return shmCost(40 + utf8Length(item.key) + utf8Length(item.value) + 2);
}

/** A queue: its definition and items, oldest first (a ring would do; arrays suffice here). */
export class Mqueue {
  items: MqItem[] = [];
  head = 0;

  constructor(
    readonly def: MqueueDef,
    /** The shared memory its items take (every queue of the simulation draws on one pool). */
    readonly shm: ShmPool = new ShmPool(),
  ) {}

  get size(): number {
    return this.items.length - this.head;
  }

  /** Removes and returns the oldest item. */
  shift(): MqItem | undefined {
    if (this.head >= this.items.length) return undefined;
    const item = this.items[this.head++];
    if (item) this.shm.free(itemShm(item));
    // Compact now and then so the array does not grow without bound.
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }

  indexOfKey(key: string): number {
    for (let i = this.head; i < this.items.length; i++) if ((this.items[i] as MqItem).key === key) return i;
    return -1;
  }
}

/** This process's last fetched item per queue. */
function fetched(ctx: ScriptContext): Map<string, MqItem | undefined> {
  let m = ctx.proc.local.get("mqueue") as Map<string, MqItem | undefined> | undefined;
  if (!m) {
    m = new Map();
    ctx.proc.local.set("mqueue", m);
  }
  return m;
}

function emitMq(ctx: ScriptContext, q: Mqueue, op: "add" | "fetch" | "drop" | "replace", item: MqItem): void {
  const k = ctx.sv.kernel;
  if (!k.wants.mq) return;
  k.emit({
    kind: "mq",
    t: nowIn(ctx),
    proc: ctx.proc.index,
    queue: q.def.name,
    op,
    key: item.key,
    value: item.value,
    size: q.size,
    limit: q.def.size,
    req: ctx.req,
  });
}

/** mq_item_add() (mqueue_api.c): -1 when shared memory is out, else 0. */
function add(ctx: ScriptContext, q: Mqueue, item: MqItem): number {
  const mode = q.def.addmode;
  if (mode === 1 && q.indexOfKey(item.key) >= 0) return 0;
  if (mode === 2) {
    const i = q.indexOfKey(item.key);
    if (i >= 0) {
      const [old] = q.items.splice(i, 1);
      if (old) {
        q.shm.free(itemShm(old));
        emitMq(ctx, q, "replace", old);
      }
    }
  }
  // The item is allocated before it is queued (and before overflow drops the oldest).
  if (!q.shm.alloc(itemShm(item))) {
    ctx.sv.log.module(
      ctx.proc,
      L_ERR,
      "mqueue",
      "mqueue_api.c:348",
      "mq_item_add",
      `no more shm to add to: ${q.def.name}`,
      whereIn(ctx),
    );
    return -1;
  }
  q.items.push(item);
  emitMq(ctx, q, "add", item);
  if (q.def.size > 0 && q.size > q.def.size) {
    const dropped = q.shift();
    if (dropped) emitMq(ctx, q, "drop", dropped);
  }
  return 0;
}

function createMqueues(setup: ModuleSetup): Map<string, Mqueue> {
  const table = new MqueueTable();
  for (const p of setup.params) table.modparam(p.name, p.value);
  // Every queue draws on the simulation's one shared memory pool. mq_head_add() (mqueue_api.c)
  // takes sizeof(mq_head_t) (64 on x86-64) + the name + 1 for each queue at start.
  const shm = setup.sv.shm;
  for (const d of table.queues) shm.alloc(shmCost(64 + utf8Length(d.name) + 1));
  return new Map(table.queues.map((d) => [d.name, new Mqueue(d, shm)]));
}

export const mqueueRuntime = defineRuntime(mqueueModule, {
  create(setup) {
    const queues = createMqueues(setup);
    /** A queue argument: resolved now when it is a plain literal. */
    const queueOf = (arg: CallArg) => {
      const name = arg.str();
      const fixed = arg.literal !== undefined && !arg.literal.includes("$") ? queues.get(arg.literal) : undefined;
      return fixed ? () => fixed : (ctx: ScriptContext) => queues.get(name(ctx));
    };
    const mq_add: FunctionImpl = {
      compile(args) {
        const [qa, ka, va] = args as [CallArg, CallArg, CallArg];
        const qname = qa.str();
        const key = ka.str();
        const value = va.str();
        const queue = queueOf(qa);
        return (ctx) => {
          const q = queue(ctx);
          if (!q) {
            ctx.sv.log.module(
              ctx.proc,
              L_ERR,
              "mqueue",
              "mqueue_api.c:302",
              "mq_item_add",
              `mqueue not found: ${qname(ctx)}`,
              whereIn(ctx),
            );
            return -1;
          }
          // w_mq_add (mqueue_mod.c): -1 when mq_item_add() fails.
          return add(ctx, q, { key: shmCopy(key(ctx)), value: shmCopy(value(ctx)) }) < 0 ? -1 : 1;
        };
      },
    };
    const mq_fetch: FunctionImpl = {
      compile(args) {
        const queue = queueOf(args[0] as CallArg);
        return (ctx) => {
          const q = queue(ctx);
          // An unknown queue: -1 without a log line (docs/kamailio/mqueue.md#functions).
          if (!q) return -1;
          const mine = fetched(ctx);
          mine.delete(q.def.name);
          const item = q.shift();
          if (!item) return -2;
          mine.set(q.def.name, item);
          emitMq(ctx, q, "fetch", item);
          return 1;
        };
      },
    };
    const mq_size: FunctionImpl = {
      compile(args) {
        const qa = args[0] as CallArg;
        const qname = qa.str();
        const queue = queueOf(qa);
        return (ctx) => {
          const q = queue(ctx);
          if (!q) {
            ctx.sv.log.module(
              ctx.proc,
              L_ERR,
              "mqueue",
              "mqueue_mod.c:165",
              "w_mq_size",
              `mqueue ${qname(ctx)} not found`,
              whereIn(ctx),
            );
            return -2;
          }
          return q.size > 0 ? q.size : -1;
        };
      },
    };
    const mq_pv_free: FunctionImpl = {
      compile(args) {
        const qname = (args[0] as CallArg).str();
        return (ctx) => {
          fetched(ctx).delete(qname(ctx));
          return 1;
        };
      },
    };
    return {
      functions: { mq_add, mq_fetch, mq_size, mq_pv_free },
      pvars: mqueuePvars(queues),
      rpc: mqueueRpc(queues),
    };
  },
});

/** `$mqk(q)`, `$mqv(q)`, `$mq_size(q)`; the queue name may itself be a PV. */
function mqueuePvars(queues: Map<string, Mqueue>): Record<string, PvImpl> {
  const item = (field: "key" | "value", fn: string, at: string): PvImpl => ({
    compile: (spec, env) => {
      const name = compileName(spec.inner ?? "", env);
      return {
        get: (ctx) => {
          const n = name(ctx);
          if (!queues.has(n)) {
            ctx.sv.log.module(ctx.proc, L_ERR, "mqueue", at, fn, `mqueue not found: ${n}`, whereIn(ctx));
            return undefined;
          }
          const it = fetched(ctx).get(n);
          // An empty key or value reads as <null> (docs/kamailio/mqueue.md#pseudo-variables).
          return it && it[field] !== "" ? it[field] : null;
        },
      };
    },
  });
  return {
    mqk: item("key", "pv_get_mqk", "mqueue_api.c:459"),
    mqv: item("value", "pv_get_mqv", "mqueue_api.c:524"),
    mq_size: {
      compile: (spec, env) => {
        const name = compileName(spec.inner ?? "", env);
        return {
          get: (ctx) => {
            const q = queues.get(name(ctx));
            if (!q) {
              ctx.sv.log.module(
                ctx.proc,
                L_ERR,
                "mqueue",
                "mqueue_api.c:553",
                "pv_get_mq_size",
                `mqueue not found: ${name(ctx)}`,
                whereIn(ctx),
              );
              return undefined;
            }
            return q.size;
          },
        };
      },
    },
  };
}

/** A queue name inside `$mqk(...)`: literal, or a PV such as `$var(q)`. */
function compileName(inner: string, env: CompileEnv): (ctx: ScriptContext) => string {
  if (!inner.includes("$")) return () => inner;
  return compileFormat(inner, env, NO_SPAN);
}
