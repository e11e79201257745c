/**
 * htable's checks: table definitions parsed at `modparam` time; a `$sht(t=>k)` or `sht_*`
 * call naming a table that is not defined reads nothing at run time, so kamsim warns.
 */

import type { Span } from "../../base/source.js";
import type { Expr } from "../../lang/ast.js";
import type { PvSpec } from "../../lang/pv-spec.js";
import { SHM_MEM_SIZE, SHM_USED_BEFORE } from "../../runtime/shm.js";
import type { ModuleChecker } from "../types.js";
import { type HtableDef, parseHtableDef } from "./params.js";
import { slotCount } from "./store.js";

/** sizeof(ht_entry_t) on x86-64 (ht_api.h: esize, first, lock, locker_pid, rec_lock_level). */
const HT_ENTRY_SIZE = 32;

export function createHtableChecker(): ModuleChecker {
  const tables: HtableDef[] = [];
  const spans = new Map<string, Span>();
  const mentioned: { name: string; span: Span }[] = [];
  return {
    modparam(param, value, span, ctx) {
      if (param !== "htable") return;
      const def = parseHtableDef(String(value));
      if ("error" in def) ctx.error("bad_modparam", `${def.error}: Can't set module parameter`, span);
      else if (tables.some((t) => t.name === def.name)) {
        ctx.error("bad_modparam", `htable already configured: ${def.name}: Can't set module parameter`, span);
      } else {
        tables.push(def);
        spans.set(def.name, span);
      }
    },
    call(name: string, args: readonly Expr[]) {
      // Iterator functions name an iterator, not a table; sht_iterator_start's table is its second argument.
      if (name.startsWith("sht_iterator") && name !== "sht_iterator_start") return;
      const t = name === "sht_iterator_start" ? args[1] : args[0];
      if (t?.kind === "StringLit" && !t.value.includes("$"))
        mentioned.push({ name: t.value.split("=>")[0] ?? "", span: t.span });
    },
    pvar(spec: PvSpec, span: Span) {
      const table = spec.inner?.split("=>")[0];
      if (table && !table.includes("$") && spec.inner?.includes("=>")) mentioned.push({ name: table, span });
    },
    finish(ctx) {
      // ht_init_tables() (ht_api.c) allocates each table's slots in shared memory at start-up,
      // the last defined first (ht_add_table() puts each new table at the head of the list); a
      // table that does not fit stops Kamailio. `size=30` asks 2^30 slots: 32 GB.
      let used = SHM_USED_BEFORE;
      for (const t of [...tables].reverse()) {
        used += slotCount(t.size) * HT_ENTRY_SIZE;
        if (used <= SHM_MEM_SIZE) continue;
        ctx.error(
          "no_shm",
          `ht_init_tables(): no more shared memory for [${t.name}]: init_mod(): Error while initializing module htable (${slotCount(t.size)} slots of ${HT_ENTRY_SIZE} bytes do not fit in the 64 MB of shared memory, -m)`,
          spans.get(t.name) ?? ctx.loadSpan,
        );
        break;
      }
      for (const m of mentioned) {
        if (!tables.some((t) => t.name === m.name))
          ctx.warning("unknown_htable", `htable not defined: ${m.name}`, m.span);
      }
    },
  };
}
