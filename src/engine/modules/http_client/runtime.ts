/**
 * http_client at run time (docs/kamailio/http_client.md): `http_client_query` blocks the process for the simulated endpoint's
 * latency (the traffic file's `endpoints`), stores the answer's body in the result variable and
 * returns the HTTP status; a URL no endpoint matches fails as a connection error would.
 */

import { L_ERR } from "../../base/log-levels.js";
import { parsePvAt } from "../../lang/pv-spec.js";
import type { CallArg, CompileEnv, FunctionImpl, PvAccess } from "../../runtime/env.js";
import { whereIn } from "../../runtime/services.js";
import type { ModuleInstance, ModuleRuntime } from "../runtime-types.js";

/** The variable a result goes to: `"$var(r)"` or a bare `$var(r)`. */
function target(arg: CallArg, env: CompileEnv): PvAccess | undefined {
  if (arg.node.kind === "PvarExpr" && arg.node.spec) return env.pv(arg.node.spec, arg.node.span);
  const r = parsePvAt(arg.literal ?? "", 0, true);
  return "spec" in r ? env.pv(r.spec, arg.node.span) : undefined;
}

const http_client_query: FunctionImpl = {
  blocking: true,
  compile(args, env) {
    const url = (args[0] as CallArg).str();
    const result = target(args[args.length - 1] as CallArg, env);
    return (ctx) => {
      const u = url(ctx);
      const ep = ctx.sv.world.http(u);
      if (!ep) {
        // CURLE_COULDNT_RESOLVE_HOST: nothing answers that URL in the simulation.
        ctx.sv.log.module(
          ctx.proc,
          L_ERR,
          "http_client",
          "functions.c:328",
          "curL_request_url",
          `failed to perform curl (6) (url: ${u})`,
          whereIn(ctx),
        );
        return -1;
      }
      ctx.cost += ep.latency;
      result?.set?.(ctx, ep.body);
      return ep.status;
    };
  },
};

export const httpClientRuntime: ModuleRuntime = {
  name: "http_client",
  create(): ModuleInstance {
    return { functions: { http_client_query } };
  },
};
