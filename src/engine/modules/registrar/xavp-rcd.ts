/**
 * xavp_rcd_helper() (lookup.c): with the `xavp_rcd` parameter set, the attributes of a contact
 * registrar handled go into `$xavp(<name>=>...)`: ruid, received (when set), contact, expires
 * (seconds left), path (when set), each left out when its bit of `xavp_rcd_mask` is set (1 ruid,
 * 2 contact, 4 expires, 8 received, 16 path). The values are added to the children of the
 * first `<name>` item if there is one (xavp_add_value() puts each new value first), else to a
 * new item. save() does this for every contact its reply lists, lookup() for the contact put in
 * the R-URI, registered() for the contact it matched.
 */
import type { ScriptContext } from "../../runtime/context.js";
import { extrasOf } from "../../runtime/pv/extras.js";
import { exactName, type XavpItem, xadd, xget } from "../../runtime/pv/xavp-store.js";
import type { Ucontact } from "../usrloc/store.js";

export function xavpRcd(ctx: ScriptContext, name: string, mask: number, c: Ucontact, now: number): void {
  if (name === "") return;
  const x = extrasOf(ctx);
  x.xavps ??= { xavp: [], xavu: [], xavi: [] };
  const root = xget(x.xavps.xavp, name, 0, exactName);
  const list: XavpItem[] = root && Array.isArray(root.value) ? root.value : [];
  if (!(mask & 1)) xadd(list, "ruid", c.ruid);
  if (!(mask & 8) && c.received !== "") xadd(list, "received", c.received);
  if (!(mask & 2)) xadd(list, "contact", c.c);
  if (!(mask & 4)) xadd(list, "expires", (c.expires - now) | 0);
  if (!(mask & 16) && c.path !== "") xadd(list, "path", c.path);
  if (root === undefined) xadd(x.xavps.xavp, name, list);
}
