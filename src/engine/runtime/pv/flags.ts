/**
 * Flag pseudo-variables (modules/pv/pv_core.c): message flags `$mf` `$mF` `$Mf(n)` (the ones
 * setflag() sets), script flags `$sf` `$sF` `$Sf(n)` (core/flags.c; action.c
 * run_top_route() starts every top route run with them at 0) and flags of branch 0 `$bf` `$bF` `$Bf(n)` (dset.c ruri_bflags,
 * cleared for each message by clear_branches()). Decimal forms read as unsigned numbers, the
 * hexadecimal forms as 8 lower-case digits (int_to_8hex()). All are writable: an int sets the
 * flags (or, for `$Mf(n)`, sets the flag when non-zero and resets it when 0), `$null` clears all of
 * them (even for `$Mf(n)`), and a string is refused with the setter's error.
 */
import { L_ERR } from "../../base/log-levels.js";
import type { ScriptContext } from "../context.js";
import type { PvAccess, PvImpl } from "../env.js";
import { whereIn } from "../services.js";
import type { Value } from "../values.js";
import { extrasOf } from "./extras.js";

interface FlagStore {
  read(ctx: ScriptContext): number;
  write(ctx: ScriptContext, v: number): void;
  /** The setters' words and log positions (pv_core.c, 5.6.3) for a non-int value. */
  all: { fn: string; line: number; text: string };
  one: { fn: string; line: number; text: string };
}

const stores: Readonly<Record<"m" | "s" | "b", FlagStore>> = {
  m: {
    read: (ctx) => ctx.msgFlags,
    write: (ctx, v) => {
      ctx.msgFlags = v;
    },
    all: { fn: "pv_set_mflags", line: 3320, text: "assigning non-int value to msg flags" },
    one: { fn: "pv_set_mflag", line: 3346, text: "assigning non-int value to msg flag" },
  },
  s: {
    read: (ctx) => ctx.pvx?.sflags ?? 0,
    write: (ctx, v) => {
      extrasOf(ctx).sflags = v;
    },
    all: { fn: "pv_set_sflags", line: 3381, text: "assigning non-int value to script flags" },
    one: { fn: "pv_set_sflag", line: 3407, text: "assigning non-int value to script flags" },
  },
  b: {
    read: (ctx) => ctx.pvx?.bflags ?? 0,
    write: (ctx, v) => {
      extrasOf(ctx).bflags = v;
    },
    all: { fn: "pv_set_bflags", line: 3443, text: "assigning non-int value to branch 0 flags" },
    one: { fn: "pv_set_bflag", line: 3469, text: "assigning non-int value to branch 0 flags" },
  },
};

function refuse(ctx: ScriptContext, what: { fn: string; line: number; text: string }): false {
  ctx.sv.log.module(ctx.proc, L_ERR, "pv", `pv_core.c:${what.line}`, what.fn, what.text, whereIn(ctx));
  return false;
}

/** int_to_8hex(). */
function hex8(n: number): string {
  return (n >>> 0).toString(16).padStart(8, "0");
}

/** `$mf` / `$mF` (and the s, b kinds): all the flags at once. */
function allFlags(store: FlagStore, hex: boolean): PvImpl {
  const access: PvAccess = {
    total: true,
    get: (ctx) => (hex ? hex8(store.read(ctx)) : store.read(ctx) >>> 0),
    set: (ctx, v: Value) => {
      if (v === null) store.write(ctx, 0);
      else if (typeof v !== "number") return refuse(ctx, store.all);
      else store.write(ctx, v | 0);
      return true;
    },
  };
  return { compile: () => access };
}

/** `$Mf(n)` (and `$Sf`, `$Bf`): one flag, 1 or 0. A flag name not a number reads `<null>`. */
function oneFlag(store: FlagStore): PvImpl {
  return {
    compile(spec): PvAccess {
      const text = (spec.inner ?? "").trim();
      const n = /^[0-9]+$/.test(text) ? Number(text) : -1;
      if (n < 0 || n > 31) return { get: () => null, set: () => true };
      const bit = 1 << n;
      return {
        total: true,
        get: (ctx) => (store.read(ctx) & bit ? 1 : 0),
        set: (ctx, v: Value) => {
          if (v === null) store.write(ctx, 0);
          else if (typeof v !== "number") return refuse(ctx, store.one);
          else store.write(ctx, v !== 0 ? store.read(ctx) | bit : store.read(ctx) & ~bit);
          return true;
        },
      };
    },
  };
}

export const flagPvars: Readonly<Record<string, PvImpl>> = {
  mf: allFlags(stores.m, false),
  mF: allFlags(stores.m, true),
  Mf: oneFlag(stores.m),
  sf: allFlags(stores.s, false),
  sF: allFlags(stores.s, true),
  Sf: oneFlag(stores.s),
  bf: allFlags(stores.b, false),
  bF: allFlags(stores.b, true),
  Bf: oneFlag(stores.b),
};
