/**
 * htable's checks: table definitions parsed at `modparam` time; a `$sht(t=>k)` or `sht_*`
 * call naming a table that is not defined reads nothing at run time, so kamsim warns.
 */

import type { Span } from "../../base/source.js";
import type { Expr } from "../../lang/ast.js";
import type { PvSpec } from "../../lang/pv-spec.js";
import type { ModuleChecker } from "../types.js";
import { type HtableDef, parseHtableDef } from "./params.js";

export function createHtableChecker(): ModuleChecker {
  const tables: HtableDef[] = [];
  const mentioned: { name: string; span: Span }[] = [];
  return {
    modparam(param, value, span, ctx) {
      if (param !== "htable") return;
      const def = parseHtableDef(String(value));
      if ("error" in def) ctx.error("bad_modparam", `${def.error}: Can't set module parameter`, span);
      else if (tables.some((t) => t.name === def.name)) {
        ctx.error("bad_modparam", `htable already configured: ${def.name}: Can't set module parameter`, span);
      } else tables.push(def);
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
      for (const m of mentioned) {
        if (!tables.some((t) => t.name === m.name))
          ctx.warning("unknown_htable", `htable not defined: ${m.name}`, m.span);
      }
    },
  };
}
