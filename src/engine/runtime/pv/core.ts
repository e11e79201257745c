/** The core's own pseudo-variables: return codes and `$null`. */
import type { PvImpl } from "../env.js";
import { readOnly } from "./simple.js";

const rc = readOnly((ctx) => ctx.rc);

export const corePvImpls: Readonly<Record<string, PvImpl>> = {
  rc,
  retcode: rc,
  "?": rc,
  null: readOnly(() => null),
};
