/**
 * The pv module at run time: its pseudo-variables (message fields, `$var`, `$shv`, `$avp`,
 * time, colours) and the functions kamsim simulates, `pv_isset`, `pv_unset` and the value tests
 * `is_int`, `typeof`, `not_empty` (docs/kamailio/pv.md).
 */
import { parsePvAt } from "../../lang/pv-spec.js";
import type { CallArg, CompileEnv, FunctionImpl, PvAccess, PvImpl } from "../../runtime/env.js";
import { authPvars } from "../../runtime/pv/auth.js";
import { createColorPv } from "../../runtime/pv/color.js";
import { dstPvars } from "../../runtime/pv/dst.js";
import { flagPvars } from "../../runtime/pv/flags.js";
import { fromToPvars } from "../../runtime/pv/from-to.js";
import { messagePvars, ruriAliases } from "../../runtime/pv/message.js";
import { moreMessagePvars } from "../../runtime/pv/message-more.js";
import { socketPvars } from "../../runtime/pv/socket.js";
import { timePvars } from "../../runtime/pv/time.js";
import { avpPv, cntPv, createShvPv, varPv, vnPv } from "../../runtime/pv/variables.js";
import { viaMsgPvars } from "../../runtime/pv/via-msg.js";
import { xaviPv, xavpPv, xavuPv } from "../../runtime/pv/xavp.js";
import type { Value } from "../../runtime/values.js";
import { defineRuntime } from "../runtime-types.js";
import { pvModule } from "./def.js";
import { typeTests } from "./type-tests.js";
import { xavpFunctions } from "./xavp-fns.js";

/** The PV a function argument names: `"$var(x)"` as a literal, or a bare `$var(x)`. */
function namedPv(arg: CallArg, env: CompileEnv): PvAccess | undefined {
  const node = arg.node;
  if (node.kind === "PvarExpr" && node.spec) return env.pv(node.spec, node.span);
  const text = arg.literal ?? "";
  const r = parsePvAt(text, 0, true);
  return "spec" in r ? env.pv(r.spec, node.span) : undefined;
}

const pv_isset: FunctionImpl = {
  compile(args, env) {
    const pv = namedPv(args[0] as CallArg, env);
    return (ctx) => {
      const v = pv?.get(ctx);
      // Only a null value is unset: an empty string is a value (real Kamailio: docs/kamailio/pv.md#pv_isset).
      return v === null || v === undefined ? -1 : 1;
    };
  },
};

const pv_unset: FunctionImpl = {
  compile(args, env) {
    const pv = namedPv(args[0] as CallArg, env);
    return (ctx) => {
      if (pv?.unset) pv.unset(ctx);
      else pv?.set?.(ctx, null);
      return 1;
    };
  },
};

export const pvRuntime = defineRuntime(pvModule, {
  create(setup) {
    const shared = new Map<string, Value>();
    for (const p of setup.params) {
      if (p.name !== "shvset") continue;
      // `name=i:1` or `name=s:text`.
      const m = /^([^=]+)=([is]):(.*)$/.exec(String(p.value));
      if (m) shared.set(m[1] as string, m[2] === "i" ? Number(m[3]) | 0 : (m[3] as string));
    }
    const pvars: Record<string, PvImpl> = {
      ...messagePvars,
      ...ruriAliases,
      ...moreMessagePvars,
      ...fromToPvars(moreMessagePvars.tUl as PvImpl),
      ...dstPvars,
      ...socketPvars,
      ...viaMsgPvars,
      ...authPvars,
      ...flagPvars,
      ...timePvars,
      var: varPv,
      vz: varPv,
      vn: vnPv,
      xavp: xavpPv,
      xavu: xavuPv,
      xavi: xaviPv,
      avp: avpPv,
      cnt: cntPv,
      shv: createShvPv(shared),
      C: createColorPv(setup.core.logStderror),
    };
    const named = (i: number, [args, env]: [readonly CallArg[], CompileEnv, unknown]) =>
      namedPv(args[i] as CallArg, env);
    return { functions: { pv_isset, pv_unset, ...typeTests(named), ...xavpFunctions }, pvars };
  },
});
