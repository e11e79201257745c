/**
 * The core's script actions kamsim simulates (action.c): `log`, message flags, R-URI
 * rewriting. Every other core action is known to the checker and runs as "not simulated".
 */
import type { CallArg, FunctionImpl } from "../../runtime/env.js";
import { whereIn } from "../../runtime/services.js";
import { toInt } from "../../runtime/values.js";
import { L_DBG, L_NOTICE } from "../../sim/log.js";
import { formatUri, parseUri, type SipUri } from "../../sip/uri.js";

/** `log([level,] "text")`: level 4 (DEBUG) by default, prefix `<script>: `. */
const log: FunctionImpl = {
  compile(args) {
    const text = (args[args.length - 1] as CallArg).literal ?? "";
    const level = args.length === 2 ? Number((args[0] as CallArg).literal ?? 0) : L_DBG + 1;
    const nl = text.endsWith("\n");
    const body = nl ? text.slice(0, -1) : text;
    return (ctx) => {
      ctx.sv.log.write(ctx.proc, level, `<script>: ${body}`, whereIn(ctx), nl);
      return 1;
    };
  },
};

/** Flags 0..31 (flag_in_range); outside that the action fails. */
function flagAction(op: "set" | "reset" | "is"): FunctionImpl {
  return {
    compile(args) {
      const flag = (args[0] as CallArg).value();
      return (ctx) => {
        const f = toInt(flag(ctx));
        if (f < 0 || f > 31) return -6;
        const bit = 1 << f;
        if (op === "set") ctx.msgFlags |= bit;
        else if (op === "reset") ctx.msgFlags &= ~bit;
        else return ctx.msgFlags & bit ? 1 : -1;
        return 1;
      };
    },
  };
}

/** An action rewriting part of the R-URI. */
function rewrite(edit: (u: SipUri, arg: string) => void): FunctionImpl {
  return {
    compile(args) {
      const value = args[0] ? (args[0] as CallArg).str() : () => "";
      return (ctx) => {
        const u = parseUri(ctx.msg.ruri);
        if (!u) return -1;
        edit(u, value(ctx));
        ctx.msg.ruri = formatUri(u);
        return 1;
      };
    },
  };
}

const seturi: FunctionImpl = {
  compile(args) {
    const value = (args[0] as CallArg).str();
    return (ctx) => {
      ctx.msg.ruri = value(ctx);
      return 1;
    };
  },
};

const error: FunctionImpl = {
  compile(args) {
    const [a, b] = args.map((x) => x.literal ?? "");
    return (ctx) => {
      ctx.sv.log.core(
        ctx.proc,
        L_NOTICE,
        "action.c:659",
        "do_action",
        `error("${a}", "${b}") not implemented yet`,
        whereIn(ctx),
      );
      return 1;
    };
  },
};

const ok: FunctionImpl = { compile: () => () => 1 };

export const coreActionImpls: Readonly<Record<string, FunctionImpl>> = {
  log,
  error,
  setflag: flagAction("set"),
  resetflag: flagAction("reset"),
  isflagset: flagAction("is"),
  seturi,
  rewriteuri: seturi,
  rewritehost: rewrite((u, v) => {
    u.host = v;
  }),
  sethost: rewrite((u, v) => {
    u.host = v;
  }),
  rewriteuser: rewrite((u, v) => {
    u.user = v;
  }),
  setuser: rewrite((u, v) => {
    u.user = v;
  }),
  rewriteport: rewrite((u, v) => {
    u.port = Number(v);
  }),
  setport: rewrite((u, v) => {
    u.port = Number(v);
  }),
  prefix: rewrite((u, v) => {
    u.user = v + (u.user ?? "");
  }),
  strip: rewrite((u, v) => {
    u.user = (u.user ?? "").slice(Number(v));
  }),
  strip_tail: rewrite((u, v) => {
    const user = u.user ?? "";
    u.user = user.slice(0, Math.max(0, user.length - Number(v)));
  }),
  force_rport: ok,
  add_local_rport: ok,
};
