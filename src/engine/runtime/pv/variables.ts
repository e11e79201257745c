/**
 * Script variables (docs/kamailio/pseudo-variables.md#script-variables): `$var` private to a process and kept across messages, `$shv`
 * shared by all processes, `$avp` a per-message stack of values.
 */
import type { ScriptContext } from "../context.js";
import type { PvAccess, PvImpl } from "../env.js";
import { storeVar } from "../pkg.js";
import { shmCopy, type Value } from "../values.js";
import { withName } from "./simple.js";
import { xavpCounter } from "./xavp.js";

/** `$var(x)`: never null — unset reads 0, `= $null` sets 0. Each name gets an array slot at compile time. */
export const varPv: PvImpl = withName((name, _spec, env) => {
  const slot = env.varSlot(name);
  return {
    total: true,
    varSlot: slot,
    get: (ctx: ScriptContext) => ctx.proc.vars[slot] ?? 0,
    // Its string takes private memory (pkg.ts); false when it did not fit.
    set: (ctx: ScriptContext, v: Value) => storeVar(ctx, slot, v === null ? 0 : v, name),
  };
});

/**
 * `$vn(x)`: a script variable of its own table (pv_svar.c script_vars_null, not `$var`'s), which
 * starts as `<null>` and goes back to `<null>` on `= $null` (set_var_value() with VAR_TYPE_NULL).
 * `$vz(x)` is `$var(x)` itself: the same table and the same values (pv.c registers both with
 * pv_parse_scriptvar_name()). No `varSlot`: the fast `$var` store turns null into 0.
 */
export const vnPv: PvImpl = withName((name, _spec, env) => {
  const slot = env.varSlot(`\0vn:${name}`);
  return {
    total: true,
    get: (ctx: ScriptContext) => ctx.proc.vars[slot] ?? null,
    set: (ctx: ScriptContext, v: Value) => {
      ctx.proc.vars[slot] = v;
    },
  };
});

/**
 * `$shv(x)`: shared; unset reads 0, `= $null` stores the empty string, `pv_unset()` the int 0
 * (pv_shv.c pv_set_shvar() given no value; checked on 5.6.3).
 */
export function createShvPv(shared: Map<string, Value>): PvImpl {
  return withName((name) => ({
    get: () => shared.get(name) ?? 0,
    set: (_ctx: ScriptContext, v: Value) => {
      shared.set(name, v === null ? "" : shmCopy(v));
    },
    unset: () => {
      shared.set(name, 0);
    },
  }));
}

/** `$avp(x)`: assigning pushes a value, reading gives the newest, `= $null` removes the newest. */
export const avpPv: PvImpl = withName((raw, spec): PvAccess => {
  const name = raw.replace(/^[si]:/, "");
  const all = spec.index === "*";
  const index = spec.index === undefined || all ? 0 : Number(spec.index);
  return {
    get: (ctx) => {
      const list = ctx.avps?.get(name);
      if (!list || list.length === 0) return null;
      // `$(avp(x)[*])` prints every value, newest first, joined by ", " (checked on 5.6.3).
      if (all)
        return list
          .map((v) => (v === null ? "<null>" : String(v)))
          .reverse()
          .join(", ");
      return list[list.length - 1 - index] ?? null;
    },
    set: (ctx, v) => {
      ctx.avps ??= new Map();
      let list = ctx.avps.get(name);
      if (v === null) {
        if (all) ctx.avps.delete(name);
        else list?.pop();
        return;
      }
      // pv_set_avp(): `$(avp(x)[*]) = v` first destroys every value, then adds v.
      if (!list || all) {
        list = [];
        ctx.avps.set(name, list);
      }
      list.push(v);
    },
  };
});

/**
 * `$cnt($avp(x))`: how many values the AVP holds (0 when none); `$cnt($xavp(...))` counts xavps
 * (xavp.ts xavpCounter()).
 */
export const cntPv: PvImpl = withName((inner, _spec, env) => {
  const xavp = /^\$xavp\((.*)\)$/s.exec(inner)?.[1];
  if (xavp !== undefined) {
    const count = xavpCounter(xavp, env);
    if (count) return { total: true, get: count };
  }
  const name = /^\$avp\((?:[si]:)?([^)]*)\)$/.exec(inner)?.[1];
  return { total: true, get: (ctx: ScriptContext) => (name === undefined ? 0 : (ctx.avps?.get(name)?.length ?? 0)) };
});
