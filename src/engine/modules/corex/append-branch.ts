/**
 * corex append_branch([uri[, q]]) (modules/corex/corex_lib.c w_corex_append_branch(),
 * corex_append_branch()): dset.c's append_branch() with the given URI (none or empty: the current
 * R-URI), the message's $du and path, the q value and the R-URI branch's flags; without a URI the
 * R-URI's branch then loses its $du, path, forced socket and flags, which moved to the new branch.
 */
import { L_ERR } from "../../base/log-levels.js";
import type { ScriptContext } from "../../runtime/context.js";
import { appendBranch, Q_UNSPECIFIED, ruriAttrs } from "../../runtime/dset.js";
import type { CallArg, FunctionImpl } from "../../runtime/env.js";
import { extrasOf } from "../../runtime/pv/extras.js";
import { whereIn } from "../../runtime/services.js";

/** str2q() (core/qvalue.c), its state machine: a q value 0..1 as thousandths; undefined if refused. */
export function str2q(text: string): number | undefined {
  let state: "start" | "0" | "1" | "0." | "1." | "1.0" | "0.n" = "start";
  let q = 0;
  let order = 100;
  let digits = 1;
  for (const c of text) {
    const d = c >= "0" && c <= "9";
    if (state === "start") {
      if (c === " " || c === "\t") continue;
      if (c === "0") [q, state] = [0, "0"];
      else if (c === "1") [q, state] = [1000, "1"];
      else if (c === ".") state = "0.";
      else return undefined;
    } else if (state === "0") {
      if (c === ".") state = "0.";
      else if (c === "1") [q, state] = [1000, "1"];
      else if (c !== "0") return undefined;
    } else if (state === "1") {
      if (c !== ".") return undefined;
      state = "1.";
    } else if (state === "0.") {
      if (!d) return undefined;
      q = Number(c) * order;
      order /= 10;
      state = "0.n";
    } else if (state === "1." || state === "1.0") {
      if (c !== "0") return undefined;
      state = "1.0";
    } else {
      if (!d) return undefined;
      if (digits <= 3) {
        q += Number(c) * order;
        order /= 10;
        digits++;
      }
    }
  }
  return state === "start" || state === "0." || state === "1." ? undefined : Math.floor(q);
}

export const append_branch: FunctionImpl = {
  compile(args) {
    const uriArg = args[0] ? (args[0] as CallArg).str() : undefined;
    const qArg = args[1] ? (args[1] as CallArg).str() : undefined;
    return (ctx) => {
      const uri = uriArg ? uriArg(ctx) : "";
      const qText = qArg ? qArg(ctx) : "";
      let q = Q_UNSPECIFIED;
      if (qText !== "") {
        const v = str2q(qText);
        if (v === undefined) {
          ctx.sv.log.module(
            ctx.proc,
            L_ERR,
            "corex",
            "corex_lib.c:45",
            "corex_append_branch",
            "cannot parse the Q parameter",
            whereIn(ctx),
          );
          return -1;
        }
        q = v;
      }
      return add(ctx, uri, q) ? 1 : -1;
    };
  },
};

function add(ctx: ScriptContext, uri: string, q: number): boolean {
  const x = extrasOf(ctx);
  const path = ctx.pvx?.ruri?.path;
  const ok = appendBranch(ctx, {
    uri,
    q,
    flags: x.bflags,
    ...(x.dstUri ? { dstUri: x.dstUri } : {}),
    ...(path ? { path } : {}),
    ...(ctx.pvx?.ruri?.sock ? { sock: ctx.pvx.ruri.sock } : {}),
  });
  if (uri === "") {
    // The R-URI was shifted to the new branch: its attributes go with it.
    x.forceSocket = false;
    x.bflags = 0;
    x.dstUri = null;
    const r = ruriAttrs(ctx);
    r.path = undefined;
    r.sock = undefined;
  }
  return ok;
}
