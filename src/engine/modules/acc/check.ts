/**
 * acc's start-up refusal: a non-empty `db_url` makes mod_init() bind a database module
 * (modules/acc/acc_mod.c → acc_db_init() → db_bind_mod(), lib/srdb1/db.c), which must be loaded
 * as `db_` followed by the URL's scheme (`mysql://...` needs db_mysql): without it Kamailio logs
 * "Module db_mysql not found. Missing loadmodule?" and "failed...did you load a database
 * module?" and does not start. kamsim does not simulate acc's database backend either way.
 */
import type { Span } from "../../base/source.js";
import type { ModuleCheckContext, ModuleChecker } from "../types.js";

export function createAccChecker(): ModuleChecker {
  let dbUrl: { text: string; span: Span } | undefined;
  return {
    modparam(param, value, span) {
      if (param === "db_url") dbUrl = { text: String(value), span };
    },
    finish(ctx: ModuleCheckContext) {
      if (!dbUrl || dbUrl.text === "") return;
      const colon = dbUrl.text.indexOf(":");
      const module = `db_${colon < 0 ? dbUrl.text : dbUrl.text.slice(0, colon)}`;
      if (!ctx.isLoaded(module))
        ctx.error(
          "mod_init",
          `acc: Module ${module} not found. Missing loadmodule? (db_url needs it): failed...did you load a database module?`,
          dbUrl.span,
        );
    },
  };
}
