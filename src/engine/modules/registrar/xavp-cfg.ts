/**
 * Per-request settings from the `xavp_cfg` XAVP (registrar.c, sip_msg.c, save.c, lookup.c):
 * `$xavp(<name>=>max_contacts)`, `=>expires` and `=>q` (ints) override max_contacts, the
 * computed expires and the contact's q; `=>match_callid`, `=>match_received`,
 * `=>match_contact` (strings) tighten registered() with its match flags 1, 2, 4. Read as
 * core/xavp.c xavp_get_child_with_ival()/_sval() read them: the first `<name>` item, its first
 * child of that name, only when of the right type.
 */
import type { ScriptContext } from "../../runtime/context.js";
import { exactName, xget } from "../../runtime/pv/xavp-store.js";

function child(ctx: ScriptContext, root: string, name: string) {
  if (root === "") return undefined;
  const r = ctx.pvx?.xavps ? xget(ctx.pvx.xavps.xavp, root, 0, exactName) : undefined;
  if (r === undefined || !Array.isArray(r.value)) return undefined;
  return xget(r.value, name, 0, exactName);
}

/** xavp_get_child_with_ival(). */
export function cfgInt(ctx: ScriptContext, root: string, name: string): number | undefined {
  const v = child(ctx, root, name)?.value;
  return typeof v === "number" ? v : undefined;
}

/** xavp_get_child_with_sval(). */
export function cfgStr(ctx: ScriptContext, root: string, name: string): string | undefined {
  const v = child(ctx, root, name)?.value;
  return typeof v === "string" ? v : undefined;
}
