/**
 * http_client at run time (docs/kamailio/http_client.md): `http_client_query` blocks the process for the simulated endpoint's
 * latency (the traffic file's `endpoints`), stores the answer's body in the result variable and
 * returns the HTTP status; a URL no endpoint matches fails as an unresolvable host does.
 */

import { L_WARN } from "../../base/log-levels.js";
import { parsePvAt } from "../../lang/pv-spec.js";
import type { CallArg, CompileEnv, FunctionImpl, PvAccess } from "../../runtime/env.js";
import { whereIn } from "../../runtime/services.js";
import { defineRuntime } from "../runtime-types.js";
import { httpClientModule } from "./def.js";

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
        // Nothing answers that URL in the simulation: it fails as an unresolvable host does in
        // 5.6.3 (functions.c, curL_request_url()): a WARNING, the result emptied, and the
        // CURLcode returned as the function's code, CURLE_COULDNT_RESOLVE_HOST = 6, a positive
        // code (ki_http_query_helper() turns only 0 into -1). Checked on Kamailio 5.6.3.
        ctx.sv.log.module(
          ctx.proc,
          L_WARN,
          "http_client",
          "functions.c:296",
          "curL_request_url",
          `Couldn't resolve host (url: ${u})`,
          whereIn(ctx),
        );
        result?.set?.(ctx, "");
        return 6;
      }
      ctx.cost += ep.latency;
      result?.set?.(ctx, ep.body);
      return ep.status;
    };
  },
};

export const httpClientRuntime = defineRuntime(httpClientModule, {
  create() {
    return { functions: { http_client_query } };
  },
});
