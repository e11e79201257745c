/** usrloc's `ul` events: a contact inserted, updated, deleted or expired (events.ts UlEvent). */
import type { Micros } from "../../base/time.js";
import type { ScriptContext } from "../../runtime/context.js";
import type { Services } from "../../runtime/services.js";
import { nowIn } from "../../runtime/services.js";
import type { Ucontact } from "./store.js";

/** From a script run (save(), unregister()); `now` is its Unix second. */
export function ulEvent(ctx: ScriptContext, op: "insert" | "update" | "delete", c: Ucontact, now: number): void {
  const k = ctx.sv.kernel;
  if (!k.wants.ul) return;
  k.emit({
    kind: "ul",
    t: nowIn(ctx),
    op,
    table: c.domain,
    aor: c.aor,
    contact: c.c,
    expires: op === "delete" ? 0 : c.expires === 0 ? 0 : c.expires - now,
    proc: ctx.proc.index,
    ...(ctx.req !== undefined ? { req: ctx.req } : {}),
  });
}

/** From usrloc's timer: a contact expired and removed. */
export function ulExpiredEvent(sv: Services, t: Micros, proc: number, c: Ucontact): void {
  const k = sv.kernel;
  if (!k.wants.ul) return;
  k.emit({ kind: "ul", t, op: "expire", table: c.domain, aor: c.aor, contact: c.c, expires: 0, proc });
}
