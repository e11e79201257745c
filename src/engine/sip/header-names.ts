/**
 * Header names as Kamailio matches them: case-insensitively, with each compact form standing for
 * its long name (`f` is `From`, `i` is `Call-ID`...). `$hdr(f)` and `$hdr(From)` both find a
 * `From:` or an `f:` line. The compact forms are exactly those of Kamailio's header map
 * (`_ksr_hdr_map` in src/core/parser/parse_hname2.c, 5.6.3).
 */

/** Compact form → long name, both lower-cased. */
const COMPACT: Readonly<Record<string, string>> = {
  a: "accept-contact",
  b: "referred-by",
  c: "content-type",
  d: "request-disposition",
  e: "content-encoding",
  f: "from",
  i: "call-id",
  j: "reject-contact",
  k: "supported",
  l: "content-length",
  m: "contact",
  o: "event",
  r: "refer-to",
  s: "subject",
  t: "to",
  u: "allow-events",
  v: "via",
  x: "session-expires",
  y: "identity",
};

/** The key two header names share when Kamailio treats them as the same header. */
export function headerKey(name: string): string {
  const lower = name.toLowerCase();
  if (lower.length === 1) return COMPACT[lower] ?? lower;
  return lower;
}
