/**
 * The core's own pseudo-variables (core/pv_core.c): return codes, `$null`, `$def`/`$defn` and
 * `$env`/`$envn`.
 */
import type { PvImpl } from "../env.js";
import { strToInt } from "../values.js";
import { readOnly, withName } from "./simple.js";

const rc = readOnly((ctx) => ctx.rc);

export const corePvImpls: Readonly<Record<string, PvImpl>> = {
  rc,
  retcode: rc,
  "?": rc,
  null: readOnly(() => null),
  // kamsim runs with an empty environment: every `$env(NAME)` is <null>, `$envn(NAME)` too
  // (pv_get_env()/pv_get_envn() give null when getenv() finds nothing).
  env: readOnly(() => null),
  envn: readOnly(() => null),
  // Placeholders with no defines: link/program.ts replaces them with definePvars() of the config.
  ...definePvars(new Map()),
};

/**
 * `$def(NAME)`: the text of a `#!define` (or `-D`) as the preprocessor holds it at the end of the
 * config (pp_define_get(), so a later `#!undef` hides it), `<null>` when not defined; `$defn(NAME)`
 * the same read as a number with str2sint() (0 when undefined).
 */
export function definePvars(defines: ReadonlyMap<string, string>): Record<string, PvImpl> {
  return {
    def: withName((name) => {
      const v = defines.get(name);
      return { total: true, get: () => v ?? null };
    }),
    defn: withName((name) => {
      const v = defines.get(name);
      // pv_get_intstrval(): the number for arithmetic, the define's own text when printed;
      // kamsim keeps one of them: the number when the text is one, else the text.
      const value = v === undefined ? 0 : /^-?[0-9]+$/.test(v) ? strToInt(v) : v;
      return { total: true, get: () => value };
    }),
  };
}
