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

/**
 * Whether a character may appear in a header name: Kamailio's `_ksr_hname_chars_list`,
 * letters, digits and `- . _ + ~` (parse_hname2.c).
 */
export function isHeaderNameChar(c: number): boolean {
  return (
    (c >= 48 && c <= 57) ||
    (c >= 65 && c <= 90) ||
    (c >= 97 && c <= 122) ||
    c === 45 ||
    c === 46 ||
    c === 95 ||
    c === 43 ||
    c === 126
  );
}
