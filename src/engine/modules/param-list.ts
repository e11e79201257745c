/**
 * `name=value;name=value` lists, as modules such as mqueue, rtimer and htable take in their
 * `modparam` strings (Kamailio's parse_params()). A trailing `;` is allowed.
 */

/** One `name=value` attribute; the name keeps its case, the caller decides how to compare. */
export interface Attr {
  name: string;
  value: string;
}

/** Splits `a=1;b=2;` into attributes. Surrounding white space is trimmed. */
export function parseAttrList(text: string): Attr[] {
  const attrs: Attr[] = [];
  for (const part of text.split(";")) {
    const p = part.trim();
    if (p === "") continue;
    const eq = p.indexOf("=");
    if (eq < 0) attrs.push({ name: p, value: "" });
    else attrs.push({ name: p.slice(0, eq).trim(), value: p.slice(eq + 1).trim() });
  }
  return attrs;
}

/** Kamailio's str2int: digits only, no sign; anything else is not a number. */
export function parseUnsigned(text: string): number | undefined {
  return /^\d+$/.test(text) ? Number(text) : undefined;
}
