/**
 * kex at run time (docs/kamailio/kex.md): the script and branch flag functions of
 * modules/kex/flags.c on the same flags `$sf` and `$bf` read (runtime/pv/flags.ts), the
 * destination URI helpers of km_core.c on `$du`'s store, pv_printf()/avp_printf() and is_myself().
 */
import { L_ERR } from "../../base/log-levels.js";
import { parsePvAt } from "../../lang/pv-spec.js";
import type { ScriptContext } from "../../runtime/context.js";
import type { CallArg, CompileEnv, FunctionImpl, PvAccess } from "../../runtime/env.js";
import { extrasOf } from "../../runtime/pv/extras.js";
import { whereIn } from "../../runtime/services.js";
import { parseUri } from "../../sip/uri.js";
import { igp, ivalue } from "../igp.js";
import { defineRuntime } from "../runtime-types.js";
import { kexModule } from "./def.js";

type Fn = "w_setsflag" | "w_resetsflag" | "w_issflagset" | "w_setbflag" | "w_resetbflag" | "w_isbflagset";

/** Lines of each wrapper's `no flag value` and `no idx value` errors in flags.c (5.6.3). */
const LINES: Readonly<Record<Fn, [number, number]>> = {
  w_issflagset: [39, 0],
  w_resetsflag: [55, 0],
  w_setsflag: [71, 0],
  w_isbflagset: [88, 97],
  w_resetbflag: [115, 124],
  w_setbflag: [143, 152],
};

/** The flags of branch `idx` (dset.c get_bflags_ptr()): 0 is the R-URI's, 1.. the added branches'. */
function branchFlags(ctx: ScriptContext, idx: number): { get(): number; set(v: number): void } | undefined {
  const x = extrasOf(ctx);
  if (idx === 0)
    return {
      get: () => x.bflags,
      set: (v) => {
        x.bflags = v;
      },
    };
  const n = x.branches?.length ?? 0;
  if (idx - 1 >= n) return undefined;
  x.branchFlags ??= [];
  const flags = x.branchFlags;
  return {
    get: () => flags[idx - 1] ?? 0,
    set: (v) => {
      flags[idx - 1] = v;
    },
  };
}

/** setsflag/resetsflag/issflagset and the b forms: flags 0..31 (else -1), core/flags.c and dset.c. */
function flagFn(kind: "s" | "b", op: "set" | "reset" | "is", fn: Fn): FunctionImpl {
  return {
    compile(args, env) {
      const flag = igp(args[0] as CallArg, env);
      const index = args[1] && igp(args[1], env);
      const [flagLine, idxLine] = LINES[fn];
      const fail = (ctx: ScriptContext, line: number, text: string) => {
        ctx.sv.log.module(ctx.proc, L_ERR, "kex", `flags.c:${line}`, fn, text, whereIn(ctx));
        return -1;
      };
      return (ctx) => {
        const f = ivalue(ctx, flag(ctx));
        if (f === undefined) return fail(ctx, flagLine, "no flag value");
        if (f < 0 || f > 31) return -1;
        let idx = 0;
        if (index) {
          const i = ivalue(ctx, index(ctx));
          if (i === undefined) return fail(ctx, idxLine, "no idx value");
          if (i < 0) return -1;
          idx = i;
        }
        const bit = (1 << f) >>> 0;
        let store: { get(): number; set(v: number): void } | undefined;
        if (kind === "s") {
          const x = extrasOf(ctx);
          store = {
            get: () => x.sflags,
            set: (v) => {
              x.sflags = v;
            },
          };
        } else store = branchFlags(ctx, idx);
        if (!store) return -1;
        if (op === "is") return (store.get() >>> 0) & bit ? 1 : -1;
        store.set(op === "set" ? store.get() | bit : store.get() & ~bit);
        return 1;
      };
    },
  };
}

/** setdsturi(uri): set_dst_uri() stores the text as is (an empty one clears it, as `$du = ""`). */
const setdsturi: FunctionImpl = {
  compile(args) {
    const uri = (args[0] as CallArg).str();
    return (ctx) => {
      const s = uri(ctx);
      extrasOf(ctx).dstUri = s === "" ? null : s;
      return 1;
    };
  },
};

const resetdsturi: FunctionImpl = {
  compile: () => (ctx) => {
    if (ctx.pvx) ctx.pvx.dstUri = null;
    return 1;
  },
};

const isdsturiset: FunctionImpl = {
  compile: () => (ctx) => (ctx.pvx?.dstUri ? 1 : -1),
};

/** The variable pv_printf() writes: `"$var(x)"` or a bare `$var(x)`. */
function target(arg: CallArg, env: CompileEnv): PvAccess | undefined {
  if (arg.node.kind === "PvarExpr" && arg.node.spec) return env.pv(arg.node.spec, arg.node.span);
  const r = parsePvAt(arg.literal ?? "", 0, true);
  return "spec" in r ? env.pv(r.spec, arg.node.span) : undefined;
}

/** pv_printf(var, format) (km_core.c w_pv_printf()): the format's text assigned as a string. */
const pv_printf: FunctionImpl = {
  compile(args, env) {
    const dst = target(args[0] as CallArg, env);
    const text = (args[1] as CallArg).str();
    return (ctx) => {
      if (!dst?.set) return -1;
      if (dst.set(ctx, text(ctx), false) === false) {
        ctx.sv.log.module(ctx.proc, L_ERR, "kex", "km_core.c:131", "w_pv_printf", "setting PV failed", whereIn(ctx));
        return -1;
      }
      return 1;
    };
  },
};

/**
 * is_myself(uri) (kex_mod.c w_is_myself(), core/forward.c check_self()): a sip:/sips: URI gives
 * its host, its port when written and its transport when given; any other text is a host alone.
 * The host must be the listen address or its alias — Kamailio adds the name the address
 * resolves back to, `localhost` for 127.0.0.1 — (grep_sock_info(), grep_aliases()); a written
 * port must be the listen port, a transport UDP. A URI parse_uri() refuses logs and is -1.
 */
const is_myself: FunctionImpl = {
  compile(args, env) {
    const uri = (args[0] as CallArg).str();
    const listen = env.listen ?? { ip: "127.0.0.1", port: 5060 };
    const isHost = (h: string) => h === listen.ip || (listen.ip === "127.0.0.1" && h.toLowerCase() === "localhost");
    return (ctx) => {
      const s = uri(ctx);
      if (s.length > 4 && (s.startsWith("sip:") || s.startsWith("sips:"))) {
        const u = parseUri(s);
        if (!u) {
          ctx.sv.log.module(
            ctx.proc,
            L_ERR,
            "kex",
            "kex_mod.c:193",
            "w_is_myself",
            `failed to parse uri [${s}]`,
            whereIn(ctx),
          );
          return -1;
        }
        if (u.host === "" || !isHost(u.host)) return -1;
        if (u.port !== undefined && u.portNo !== 0 && u.portNo !== listen.port) return -1;
        if (u.transport !== undefined && u.transport.toLowerCase() !== "udp") return -1;
        return 1;
      }
      return s !== "" && isHost(s) ? 1 : -1;
    };
  },
};

export const kexRuntime = defineRuntime(kexModule, {
  create: () => ({
    functions: {
      setsflag: flagFn("s", "set", "w_setsflag"),
      resetsflag: flagFn("s", "reset", "w_resetsflag"),
      issflagset: flagFn("s", "is", "w_issflagset"),
      setbflag: flagFn("b", "set", "w_setbflag"),
      resetbflag: flagFn("b", "reset", "w_resetbflag"),
      isbflagset: flagFn("b", "is", "w_isbflagset"),
      setdsturi,
      resetdsturi,
      isdsturiset,
      pv_printf,
      avp_printf: pv_printf,
      is_myself,
    },
  }),
});
