/**
 * usrloc's checks: kamsim keeps contacts in memory only (db_mode 0); a config asking for a
 * database mode is told so (the contacts then live only as long as the run, as with db_mode 0).
 */
import type { Span } from "../../base/source.js";
import type { ModuleCheckContext, ModuleChecker } from "../types.js";

export function createUsrlocChecker(): ModuleChecker {
  return {
    modparam(param: string, value: string | number, span: Span, ctx: ModuleCheckContext) {
      if (param === "db_mode" && Number(value) !== 0)
        ctx.warning(
          "not_simulated",
          `modparam("usrloc", "db_mode", ${value}) is not simulated by kamsim: contacts are kept in memory only (db_mode 0)`,
          span,
        );
      if (param === "ka_mode" && Number(value) !== 0)
        ctx.warning(
          "not_simulated",
          `modparam("usrloc", "ka_mode", ${value}) is not simulated by kamsim: no keepalives are sent`,
          span,
        );
    },
  };
}
