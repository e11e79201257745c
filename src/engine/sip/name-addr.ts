/**
 * From/To bodies (`"Alice" <sip:alice@example.org>;tag=ft1`), split the way Kamailio's
 * parse_addr_spec() (src/core/parser/parse_addr_spec.c, 5.6.3) splits them for `$fn`, `$fu`,
 * `$ft`, `$tn`, `$tu`, `$tt`:
 * - a quoted display name keeps its quotes and escapes (`$fn` = `"Alice"`, `"B \"q\""`);
 * - an unquoted one is the words before `<`, trailing spaces dropped (`Alice  Smith`);
 * - without `<...>` the URI runs to the first `;` and what follows are header parameters;
 * - the tag is the value of the `tag` parameter (name case-insensitive).
 * Line folds inside the body count as whitespace.
 */

/** A parsed From/To (or any name-addr) header body. */
export interface NameAddr {
  /** Display name as written, quotes included; absent when there is none. */
  display?: string;
  /** The URI, without angle brackets. */
  uri: string;
  /** The `tag` parameter's value; absent when there is no tag. */
  tag?: string;
}

/** Parses a From/To body; undefined when Kamailio would report a bad header. */
export function parseNameAddr(body: string): NameAddr | undefined {
  let p = skipWs(body, 0);
  let display: string | undefined;
  let uri: string;
  if (body.charCodeAt(p) === 34 /* " */) {
    const close = closingQuote(body, p + 1);
    if (close < 0) return undefined;
    display = body.slice(p, close + 1);
    p = skipWs(body, close + 1);
    if (body.charCodeAt(p) !== 60 /* < */) return undefined;
  } else {
    const lt = body.indexOf("<", p);
    const semi = body.indexOf(";", p);
    if (lt < 0 || (semi >= 0 && semi < lt)) {
      // addr-spec without brackets: `sip:alice@example.org;tag=1`.
      const uriEnd = semi < 0 ? body.length : semi;
      uri = body.slice(p, uriEnd).trimEnd();
      if (uri === "" || /\s/.test(uri)) return undefined;
      return withTag({ uri }, body, uriEnd);
    }
    const words = body.slice(p, lt).trimEnd();
    if (words !== "") display = words;
    p = lt;
  }
  const gt = body.indexOf(">", p + 1);
  if (gt < 0) return undefined;
  // parse_addr_spec() (parser/parse_addr_spec.c): blanks after `<` are skipped and the URI
  // ends at the first blank (state E_URI_ENCLOSED, where only blanks and `>` may follow).
  uri = body.slice(p + 1, gt).trim();
  if (/\s/.test(uri)) return undefined;
  const addr: NameAddr = display === undefined ? { uri } : { display, uri };
  return withTag(addr, body, gt + 1);
}

/** Reads `;name=value` parameters from `from` on and sets the tag, if any. */
function withTag(addr: NameAddr, body: string, from: number): NameAddr | undefined {
  const rest = body.slice(from).trim();
  if (rest === "") return addr;
  if (rest.charCodeAt(0) !== 59 /* ; */) return undefined;
  for (const part of rest.slice(1).split(";")) {
    const eq = part.indexOf("=");
    const name = (eq < 0 ? part : part.slice(0, eq)).trim();
    if (eq >= 0 && name.toLowerCase() === "tag") {
      // An empty tag counts as none, as in pv_get_to_attr() and sl's "To has no tag" test.
      const tag = part.slice(eq + 1).trim();
      if (tag !== "") addr.tag = tag;
      break;
    }
  }
  return addr;
}

/** Index of the quote closing a quoted string that starts at `p`, honouring `\` escapes. */
function closingQuote(s: string, p: number): number {
  for (let i = p; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 92 /* \ */) i++;
    else if (c === 34) return i;
  }
  return -1;
}

function skipWs(s: string, p: number): number {
  while (p < s.length) {
    const c = s.charCodeAt(p);
    if (c !== 32 && c !== 9 && c !== 13 && c !== 10) break;
    p++;
  }
  return p;
}
