/**
 * htable table definitions, `NAME=>size=S;autoexpire=SEC;initval=I;updateexpire=0|1;...`
 * (docs/kamailio/htable.md#table-definition). Unknown attributes make the definition fail, as in Kamailio.
 */
import { parseAttrList } from "../param-list.js";

/** One hash table. */
export interface HtableDef {
  name: string;
  /** Bucket count exponent as given (does not limit the item count). */
  size: number;
  /** Seconds after the last update at which an item expires; 0 = never. */
  autoexpire: number;
  /** Value of missing items, when the table has one. */
  initval?: number;
  /** Whether updates refresh the expiry (default yes). */
  updateexpire: boolean;
}

const DB_ATTRS = new Set(["dbtable", "dbmode", "cols", "colnull", "coldelim", "dmqreplicate"]);

/** Reads a table definition; an error string is the problem in Kamailio's words. */
export function parseHtableDef(text: string): HtableDef | { error: string } {
  const arrow = text.indexOf("=>");
  if (arrow <= 0) return { error: `invalid htable definition: ${text}` };
  const def: HtableDef = { name: text.slice(0, arrow).trim(), size: 4, autoexpire: 0, updateexpire: true };
  for (const a of parseAttrList(text.slice(arrow + 2))) {
    const key = a.name.toLowerCase();
    const n = /^-?\d+$/.test(a.value) ? Number(a.value) : Number.NaN;
    if (key === "size" && !Number.isNaN(n)) def.size = n;
    else if (key === "autoexpire" && !Number.isNaN(n)) def.autoexpire = n;
    else if (key === "initval" && !Number.isNaN(n)) def.initval = n;
    else if (key === "updateexpire" && !Number.isNaN(n)) def.updateexpire = n !== 0;
    else if (!DB_ATTRS.has(key)) return { error: `invalid htable attribute: ${a.name}` };
  }
  return def;
}
