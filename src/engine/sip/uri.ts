/**
 * SIP and tel URIs as the PVs (`$rU`, `$rd`, `$rp`, `$fU`, `$fd`, `$tU`...) and the R-URI setters
 * see them: parsed by sip/parse-uri.ts, kamsim's port of Kamailio's `parse_uri()`
 * (src/core/parser/parse_uri.c, 5.6.3), and written back the way action.c's set*() actions build
 * the new R-URI.
 *
 * Kamailio behaviour kept here (read in parse_uri.c, pv_core.c, action.c and checked on 5.6.3):
 * - the scheme is case-insensitive (`SIP:Bob@H.com` gives `$rU`=`Bob`, `$rd`=`H.com`);
 * - an IPv6 host keeps its brackets: `sip:bob@[::1]` gives `$rd`=`[::1]`;
 * - the user runs up to the `@`, so user parameters stay in it: `sip:u;np=1@h.com` gives
 *   `$rU`=`u;np=1`; without `@` there is no user (`$rU` is `<null>`); a `@` in the parameters or
 *   headers makes all before it the user (`sip:h;a=1@x.com` gives `$rU`=`h;a=1`);
 * - but with `;user=phone` the user ends at its first `;` (`sip:+4930123;npdi@h;user=phone` gives
 *   `$rU`=`+4930123`), and rewriting the R-URI keeps the rest after the new user;
 * - a tel URI has its number as the user and no host (`tel:+1-555-1234;phone-context=x` gives
 *   `$rU`=`+1-555-1234`, `$rd`=`<null>`); setting its host makes it `sip:...@host;user=phone`;
 * - `$rp` prints the port as written (`:05060` gives `05060`, `sip:h:` gives ""), else 5061 with
 *   `transport=tls` and 5060 otherwise; a port has at most 5 digits and is at most 65535.
 * `urn:` URIs, which Kamailio also accepts, are not supported here.
 */
import { parseRawUri } from "./parse-uri.js";

/** A parsed `sip:`, `sips:` or `tel:` URI; the parts are the text Kamailio's `struct sip_uri` holds. */
export interface SipUri {
  /** Lower-cased scheme as written (a `user=phone` URI keeps "sip"/"sips"; see `phone`). */
  scheme: "sip" | "sips" | "tel";
  /** User part (for tel, the number); absent when the URI has none. */
  user?: string;
  password?: string;
  /** Host as written, IPv6 references with their brackets; `""` for tel URIs. */
  host: string;
  /** The port as written, maybe `""` (`sip:h:`); absent when there is no `:port`. */
  port?: string;
  /** Its value (0 for `""`). */
  portNo: number;
  /** The parameters of a tel URI, or those cut from the user of a `user=phone` URI. */
  telParams?: string;
  /** A sip:/sips: URI with `;user=phone`, which parse_uri() turns into a tel URI. */
  phone: boolean;
  /** The parameters of a sip:/sips: URI as written, without the leading `;`. */
  params?: string;
  /** The headers as written, without the leading `?`. */
  headers?: string;
  /** Value of the `transport` parameter. */
  transport?: string;
}

/** Parses a URI; undefined when Kamailio's parse_uri() would fail on it (or for `urn:`). */
export function parseUri(text: string): SipUri | undefined {
  const r = parseRawUri(text);
  if (!r || r.type === "urn") return undefined;
  const u: SipUri = { scheme: r.type, host: r.host ?? "", portNo: r.portNo, phone: r.phone === true };
  if (r.user !== undefined) u.user = r.user;
  if (r.passwd !== undefined) u.password = r.passwd;
  if (r.port !== undefined) u.port = r.port;
  if (r.telParams !== undefined) u.telParams = r.telParams;
  if (r.sipParams !== undefined) u.params = r.sipParams;
  if (r.headers !== undefined) u.headers = r.headers;
  if (r.transport !== undefined) u.transport = r.transport;
  return u;
}

/**
 * The port `$rp` (and `$fp`-like attributes) print: the written port (an int when written as its
 * number, else its text, as pv_get_strintval() prints it), else 5061 when the URI has
 * `transport=tls`, else 5060. Only the transport parameter counts, not the scheme: `sips:h` gives
 * 5060 (pv_get_xuri_attr in src/modules/pv/pv_core.c tests `proto == PROTO_TLS`, which only the
 * transport parameter sets; checked on 5.6.3).
 */
export function uriPort(u: SipUri): number | string {
  if (u.port !== undefined) return u.port === String(u.portNo) ? u.portNo : u.port;
  return u.transport?.toLowerCase() === "tls" ? 5061 : 5060;
}

/** A tel URI for the set*() actions (a `user=phone` sip URI is not: action.c tests the flag). */
export function isTelUri(u: SipUri): boolean {
  return u.scheme === "tel" && !u.phone;
}

/**
 * Writes a URI back as action.c does after a set*() action (SET_USER_T, SET_HOST_T, SET_PORT_T,
 * PREFIX_T, STRIP_T...): the scheme lower-cased (`sip` for a `user=phone` URI, and for a tel URI
 * whose host was set), the user with its password only when it is not empty, the tel parameters,
 * `@host` (a tel URI has none unless `hostSet`), `:port`, the sip parameters, `;user=phone` when a
 * tel URI got a host, and the headers.
 */
export function formatUri(u: SipUri, hostSet = false): string {
  const tel = isTelUri(u);
  let s = u.phone || (tel && hostSet) ? "sip:" : `${u.scheme}:`;
  const user = u.user ?? "";
  s += user;
  if (user !== "" && u.password !== undefined) s += `:${u.password}`;
  if ((u.scheme === "tel" || u.phone) && u.telParams !== undefined) s += `;${u.telParams}`;
  if (!tel || hostSet) s += user !== "" ? `@${u.host}` : u.host;
  if (u.port !== undefined) s += `:${u.port}`;
  if (u.params !== undefined) s += `;${u.params}`;
  if (tel && hostSet) s += ";user=phone";
  if (u.headers !== undefined) s += `?${u.headers}`;
  return s;
}
