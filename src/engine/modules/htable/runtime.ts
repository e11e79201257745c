/**
 * htable at run time (docs/kamailio/htable.md): `$sht(t=>k)` read and write, `$shtinc`/`$shtdec` counters
 * with Kamailio's initval rules, `$shtex`, the `sht_rm*`/`sht_reset` functions, `htable.dump`,
 * and the timer that removes expired items every `timer_interval` seconds.
 */

import { L_ERR } from "../../base/log-levels.js";
import { compileRegex } from "../../base/regex/index.js";
import type { Micros } from "../../base/time.js";
import type { PvSpec } from "../../lang/pv-spec.js";
import type { ScriptContext } from "../../runtime/context.js";
import type { CallArg, CompileEnv, FunctionImpl, PvAccess, PvImpl } from "../../runtime/env.js";
import { compileFormat } from "../../runtime/format.js";
import { formatKamcmd, type RpcStruct } from "../../runtime/kamcmd.js";
import { nowIn, whereIn } from "../../runtime/services.js";
import { shmCopy, type Value } from "../../runtime/values.js";
import type { RpcResult } from "../runtime-types.js";
import { defineRuntime } from "../runtime-types.js";
import { htableModule } from "./def.js";
import { iteratorFunctions, iteratorPv } from "./iterators.js";
import { matchFunctions } from "./match.js";
import { parseHtableDef } from "./params.js";
import { HtStore } from "./store.js";

const NO_SPAN = { file: 0, start: 0, end: 0 };

type Tables = Map<string, HtStore>;

/** `t=>key`: the table (fixed) and the key (a format, may hold PVs). */
function cellOf(
  inner: string,
  env: CompileEnv,
  tables: Tables,
): { table?: HtStore; key: (ctx: ScriptContext) => string } {
  const arrow = inner.indexOf("=>");
  const name = arrow < 0 ? inner : inner.slice(0, arrow);
  const key = arrow < 0 ? "" : inner.slice(arrow + 2);
  return { table: tables.get(name), key: compileFormat(key, env, NO_SPAN) };
}

function counter(tables: Tables, step: 1 | -1): PvImpl {
  return {
    compile(spec: PvSpec, env: CompileEnv): PvAccess {
      const { table, key } = cellOf(spec.inner ?? "", env, tables);
      return {
        get: (ctx) => {
          if (!table) return null;
          const now = nowIn(ctx);
          const k = key(ctx);
          const it = table.get(k, now);
          let next: number;
          if (it) {
            if (typeof it.value !== "number") return null;
            next = (it.value + step) | 0;
          } else {
            // Missing (or expired): created from initval only when the table has one.
            if (table.def.initval === undefined) return null;
            next = (table.def.initval + step) | 0;
          }
          if (table.set(k, next, now) !== true) {
            // ht_cell_value_add() (ht_api.c) could not make the cell: $shtinc reads <null>.
            noShm(ctx);
            htErr(ctx, "ht_api.c:814", "ht_cell_value_add", "cannot create new cell.");
            return null;
          }
          return next;
        },
      };
    },
  };
}

export const htableRuntime = defineRuntime(htableModule, {
  create(setup) {
    const tables: Tables = new Map();
    let interval = 20;
    for (const p of setup.params) {
      if (p.name === "timer_interval") interval = Number(p.value);
      if (p.name !== "htable") continue;
      const def = parseHtableDef(String(p.value));
      if (!("error" in def) && !tables.has(def.name)) tables.set(def.name, new HtStore(def, setup.sv.shm));
    }
    const sht: PvImpl = {
      compile(spec, env) {
        const { table, key } = cellOf(spec.inner ?? "", env, tables);
        return {
          get: (ctx) => (table ? table.read(key(ctx), nowIn(ctx)) : null),
          set: (ctx, v: Value) => {
            if (!table) return;
            if (v === null) {
              table.delete(key(ctx));
              return;
            }
            const k = shmCopy(key(ctx));
            const done = table.set(k, shmCopy(v), nowIn(ctx));
            if (done === true) return;
            // ht_cell_new() found no shared memory: its line, ht_set_cell_ex()'s, pv_set_ht_cell()'s
            // (ht_var.c: 113 for an int, 125 for a string); the assignment logs the rest.
            noShm(ctx);
            htErr(
              ctx,
              `ht_api.c:${done}`,
              "ht_set_cell_ex",
              done === 526 ? "cannot create new cell" : "cannot create new cell.",
            );
            htErr(
              ctx,
              typeof v === "number" ? "ht_var.c:113" : "ht_var.c:125",
              "pv_set_ht_cell",
              `cannot set $sht(${k})`,
            );
            return false;
          },
        };
      },
    };
    const shtex: PvImpl = {
      compile(spec, env) {
        const { table, key } = cellOf(spec.inner ?? "", env, tables);
        return {
          get: (ctx) => {
            const it = table?.get(key(ctx), nowIn(ctx));
            // ht_get_cell_expire() leaves 0 for a key the table does not hold (real Kamailio).
            if (!it) return table ? 0 : null;
            return it.expires === 0 ? 0 : Math.ceil((it.expires - nowIn(ctx)) / 1_000_000);
          },
          set: (ctx, v) => {
            const it = table?.get(key(ctx), nowIn(ctx));
            if (it) it.expires = nowIn(ctx) + Number(v) * 1_000_000;
          },
        };
      },
    };
    const shtcn: PvImpl = {
      compile(spec, env) {
        const { table, key } = cellOf(spec.inner ?? "", env, tables);
        return { total: true, get: (ctx) => (table ? countByName(table, key(ctx), ctx) : 0) };
      },
    };
    const byRe = (field: "name" | "value"): FunctionImpl => ({
      compile(args) {
        const spec = (args[0] as CallArg).str();
        return (ctx) => {
          const text = spec(ctx);
          const arrow = text.indexOf("=>");
          const t = tables.get(arrow < 0 ? text : text.slice(0, arrow));
          if (!t) return -1;
          // ht_api.c ht_rm_cell_re(): REG_EXTENDED|REG_ICASE|REG_NEWLINE, compiled at each call.
          const c = compileRegex(text.slice(arrow + 2), { icase: true, newline: true });
          if (!c.ok) {
            ctx.sv.log.module(
              ctx.proc,
              L_ERR,
              "htable",
              "ht_api.c:1352",
              "ht_rm_cell_re",
              `bad re ${text.slice(arrow + 2)}`,
              whereIn(ctx),
            );
            return -1;
          }
          const re = c.re;
          t.deleteMatching((it) => re.test(String(it[field])));
          return 1;
        };
      },
    });
    const sht_rm: FunctionImpl = {
      compile(args) {
        const [ta, ka] = args.map((a) => a.str());
        return (ctx) => {
          tables.get(ta?.(ctx) ?? "")?.delete(ka?.(ctx) ?? "");
          return 1;
        };
      },
    };
    const sht_reset: FunctionImpl = {
      compile(args) {
        const t = (args[0] as CallArg).str();
        return (ctx) => {
          const table = tables.get(t(ctx));
          if (!table) return -1;
          table.clear();
          return 1;
        };
      },
    };
    return {
      functions: {
        sht_rm,
        sht_rm_name_re: byRe("name"),
        sht_rm_value_re: byRe("value"),
        sht_reset,
        ...iteratorFunctions(tables),
        ...matchFunctions(tables),
      },
      pvars: {
        sht,
        shtex,
        shtcn,
        shtinc: counter(tables, 1),
        shtdec: counter(tables, -1),
        shtitkey: iteratorPv("name"),
        shtitval: iteratorPv("value"),
      },
      rpc: { "htable.dump": (args) => dump(tables, args[0]) },
      start(host) {
        if (interval <= 0) return;
        const tick = (t: Micros) =>
          host.sv.kernel.schedule(t, () => {
            for (const [name, table] of tables) {
              const gone = table.expire(t);
              const route = host.events(`htable:expired:${name}`);
              if (route) for (const _ of gone) host.runTimerRoute(host.slowTimer, route, t, () => {});
            }
            tick(t + interval * 1_000_000);
          });
        tick(interval * 1_000_000);
      },
    };
  },
});

function htErr(ctx: ScriptContext, at: string, fn: string, text: string): void {
  ctx.sv.log.module(ctx.proc, L_ERR, "htable", at, fn, text, whereIn(ctx));
}

/** ht_cell_new() (ht_api.c): shm_malloc() of the cell failed. */
function noShm(ctx: ScriptContext): void {
  htErr(ctx, "ht_api.c:189", "ht_cell_new", "no more shm");
}

/** `htable.dump NAME`: non-empty buckets with their items, as htable.c builds it. */
function dump(tables: Tables, name: string | undefined): RpcResult {
  if (name === undefined) return { ok: false, code: 500, message: "No htable name given" };
  const t = tables.get(name);
  if (!t) return { ok: false, code: 500, message: "No such htable" };
  const records: RpcStruct[] = [];
  for (const entry of t.usedSlots()) {
    const slot = t.slot(entry);
    const items = slot.map((it) => ({
      name: it.name,
      value: it.value,
      type: typeof it.value === "number" ? "int" : "str",
    }));
    records.push({ entry, size: slot.length, slot: items });
  }
  return { ok: true, text: formatKamcmd(records), data: records };
}

/**
 * `$shtcn(t=>exp)`: items whose name matches (ht_count_cells_re in ht_api.c): `**` all,
 * `~~re` a regex (extended, case-insensitive), `~%x` ends with x, `%~x` starts with x, `==x`
 * equals x; anything else is a regex. Expired items not yet cleaned count too, as in Kamailio.
 */
function countByName(table: HtStore, exp: string, ctx: ScriptContext): number {
  const items = table.all();
  const op = exp.slice(0, 2);
  if (op === "**") return items.length;
  const rest = exp.slice(2);
  if (op === "~%") return items.filter((it) => it.name.endsWith(rest)).length;
  if (op === "%~") return items.filter((it) => it.name.startsWith(rest)).length;
  if (op === "==") return items.filter((it) => it.name === rest).length;
  if (op === "eq") return 0; // an int compare on names: nothing matches
  const source = op === "~~" ? rest : exp;
  // ht_api.c ht_count_cells_re(): REG_EXTENDED|REG_ICASE|REG_NEWLINE.
  const c = compileRegex(source, { icase: true, newline: true });
  if (!c.ok) {
    ctx.sv.log.module(ctx.proc, L_ERR, "htable", "ht_api.c:1653", "ht_count_cells_re", `bad re ${exp}`, whereIn(ctx));
    return 0;
  }
  const re = c.re;
  return items.filter((it) => re.test(it.name)).length;
}
