/**
 * rtimer's checks: timers and execs parsed at `modparam` time with Kamailio's messages; an
 * exec naming a route that does not exist is accepted by Kamailio and runs nothing, which is
 * almost always a typo, so kamsim warns.
 */
import type { Span } from "../../base/source.js";
import type { ModuleChecker } from "../types.js";
import { RtimerTable } from "./params.js";

export function createRtimerChecker(): ModuleChecker {
  const table = new RtimerTable();
  const execs: { route: string; span: Span }[] = [];
  return {
    modparam(param, value, span, ctx) {
      const err = table.modparam(param, value);
      if (err) {
        const code = err.includes("timer not found") ? "rtimer_unknown_timer" : "bad_modparam";
        ctx.error(code, `${err}: Can't set module parameter`, span);
        return;
      }
      if (param === "exec") {
        const route = /route\s*=\s*([^;]*)/i.exec(String(value))?.[1]?.trim();
        if (route) execs.push({ route, span });
      }
    },
    finish(ctx) {
      for (const e of execs) {
        if (!ctx.hasRoute(e.route)) {
          ctx.warning(
            "rtimer_unknown_route",
            `exec route "${e.route}" is not defined: Kamailio accepts it and runs nothing`,
            e.span,
          );
        }
      }
    },
  };
}
