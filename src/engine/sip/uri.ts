/**
 * SIP and tel URIs: `sip:`, `sips:` and `tel:`, parsed the way Kamailio's `parse_uri()`
 * (src/core/parser/parse_uri.c, 5.6.3) splits them, because `$rU`, `$rd`, `$rp`, `$fU`, `$fd`...
 * print those parts.
 *
 * Kamailio behaviour kept here (read in parse_uri.c and checked on the 5.6.3 binary):
 * - the scheme is case-insensitive (`SIP:Bob@H.com` gives `$rU`=`Bob`, `$rd`=`H.com`);
 * - an IPv6 host keeps its brackets: `sip:bob@[::1]` gives `$rd`=`[::1]`;
 * - the user runs up to the first `@`, so user parameters stay in it: `sip:u;np=1@h.com` gives
 *   `$rU`=`u;np=1`; without `@` there is no user (`$rU` is `<null>`);
 * - a tel URI has its number as the user and an empty host (`tel:+1-555-1234;phone-context=x` gives
 *   `$rU`=`+1-555-1234`, `$rd`=`<null>`);
 * - a port is digits only, at most 65535.
 * `urn:` URIs, which Kamailio also accepts, are not supported here.
 */

/** One `;name=value` URI parameter or one `name=value` URI header, in the order written. */
export interface UriParam {
  name: string;
  /** Absent for a bare name such as `lr`. */
  value?: string;
}

/** A parsed `sip:`, `sips:` or `tel:` URI. */
export interface SipUri {
  /** Lower-cased scheme. */
  scheme: "sip" | "sips" | "tel";
  /** User part as written (for tel, the number); absent when the URI has none. */
  user?: string;
  password?: string;
  /** Host as written, IPv6 references with their brackets; `""` for tel URIs. */
  host: string;
  /** Port when one is written (`$rp` then prints it; see `uriPort`). */
  port?: number;
  /** URI parameters in order. */
  params: UriParam[];
  /** URI headers (`?a=b&c=d`) in order. */
  headers: UriParam[];
}

/** Highest port Kamailio accepts in a URI (MAX_PORT_VAL). */
const MAX_PORT = 65535;

/** Parses a URI; undefined when Kamailio's parse_uri() would fail on it. */
export function parseUri(text: string): SipUri | undefined {
  const colon = text.indexOf(":");
  if (colon < 3 || colon > 4) return undefined;
  const scheme = text.slice(0, colon).toLowerCase();
  if (scheme !== "sip" && scheme !== "sips" && scheme !== "tel") return undefined;
  const rest = text.slice(colon + 1);
  // Headers start at the first `?`; the user part may hold `;` but never `?`.
  const q = rest.indexOf("?");
  const main = q < 0 ? rest : rest.slice(0, q);
  const headers = q < 0 ? [] : parseList(rest.slice(q + 1), "&");
  if (headers === undefined) return undefined;
  if (scheme === "tel") return parseTel(main, headers);
  return parseSip(scheme, main, headers);
}

function parseTel(main: string, headers: UriParam[]): SipUri | undefined {
  const semi = main.indexOf(";");
  const user = semi < 0 ? main : main.slice(0, semi);
  if (user === "") return undefined;
  const params = semi < 0 ? [] : parseList(main.slice(semi + 1), ";");
  if (params === undefined) return undefined;
  return { scheme: "tel", user, host: "", params, headers };
}

function parseSip(scheme: "sip" | "sips", main: string, headers: UriParam[]): SipUri | undefined {
  const at = main.indexOf("@");
  let user: string | undefined;
  let password: string | undefined;
  if (at >= 0) {
    const userinfo = main.slice(0, at);
    const pc = userinfo.indexOf(":");
    user = pc < 0 ? userinfo : userinfo.slice(0, pc);
    if (pc >= 0) password = userinfo.slice(pc + 1);
    // parse_uri.c: an empty user before `@` is an error, and `[`/`]` may not appear in it.
    if (user === "" || /[[\]]/.test(userinfo)) return undefined;
  }
  const hostport = parseHostPort(main, at + 1);
  if (hostport === undefined) return undefined;
  const params = hostport.next < main.length ? parseList(main.slice(hostport.next + 1), ";") : [];
  if (params === undefined) return undefined;
  const uri: SipUri = { scheme, host: hostport.host, params, headers };
  if (user !== undefined) uri.user = user;
  if (password !== undefined) uri.password = password;
  if (hostport.port !== undefined) uri.port = hostport.port;
  return uri;
}

interface HostPort {
  host: string;
  port?: number;
  /** Offset of the `;` that starts the parameters, or the end of the text. */
  next: number;
}

function parseHostPort(s: string, start: number): HostPort | undefined {
  let i = start;
  if (s.charCodeAt(i) === 91 /* [ */) {
    const close = s.indexOf("]", i);
    // parse_uri.c only refuses `[ & @ ; ?` inside the brackets; it does not check the address.
    if (close < 0 || /[[&@;?]/.test(s.slice(i + 1, close))) return undefined;
    i = close + 1;
  } else {
    while (i < s.length && isHostChar(s.charCodeAt(i))) i++;
    // parse_uri.c: a host starts with a letter or digit.
    if (i === start || !isAlnum(s.charCodeAt(start))) return undefined;
  }
  const host = s.slice(start, i);
  let port: number | undefined;
  if (s.charCodeAt(i) === 58 /* : */) {
    const ps = ++i;
    let n = 0;
    while (i < s.length && isDigit(s.charCodeAt(i))) n = n * 10 + s.charCodeAt(i++) - 48;
    // An empty port (`sip:h:`) is accepted by Kamailio and prints as ""; treating it as absent
    // is the one place we differ, on input no real client sends.
    if (i > ps) {
      if (i - ps > 5 || n > MAX_PORT) return undefined;
      port = n;
    }
  }
  if (i < s.length && s.charCodeAt(i) !== 59 /* ; */) return undefined;
  return port === undefined ? { host, next: i } : { host, port, next: i };
}

/** Splits `a=1;b;c=3` (or `&`-separated headers) into ordered name/value pairs. */
function parseList(text: string, sep: string): UriParam[] | undefined {
  const out: UriParam[] = [];
  if (text === "") return out;
  for (const part of text.split(sep)) {
    if (part === "") continue;
    const eq = part.indexOf("=");
    if (eq === 0) return undefined;
    out.push(eq < 0 ? { name: part } : { name: part.slice(0, eq), value: part.slice(eq + 1) });
  }
  return out;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isAlnum(c: number): boolean {
  return isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isHostChar(c: number): boolean {
  return isAlnum(c) || c === 46 /* . */ || c === 45 /* - */;
}

/**
 * The port `$rp` (and `$fp`-like attributes) print: the written port, else 5061 when the URI has
 * `transport=tls`, else 5060. Only the transport parameter counts, not the scheme: `sips:h` gives
 * 5060 (pv_get_xuri_attr in src/modules/pv/pv_core.c tests `proto == PROTO_TLS`, which only the
 * transport parameter sets; checked on 5.6.3).
 */
export function uriPort(u: SipUri): number {
  if (u.port !== undefined) return u.port;
  return uriParam(u, "transport")?.toLowerCase() === "tls" ? 5061 : 5060;
}

/** Value of the first parameter with this name (case-insensitive); "" for a bare name. */
export function uriParam(u: SipUri, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const p of u.params) if (p.name.toLowerCase() === lower) return p.value ?? "";
  return undefined;
}

/** Writes a URI back as text (scheme lower-cased, everything else as parsed). */
export function formatUri(u: SipUri): string {
  let s = `${u.scheme}:`;
  if (u.scheme === "tel") s += u.user ?? "";
  else {
    if (u.user !== undefined) s += u.password !== undefined ? `${u.user}:${u.password}@` : `${u.user}@`;
    s += u.host;
    if (u.port !== undefined) s += `:${u.port}`;
  }
  for (const p of u.params) s += p.value === undefined ? `;${p.name}` : `;${p.name}=${p.value}`;
  if (u.headers.length > 0)
    s += `?${u.headers.map((h) => (h.value === undefined ? h.name : `${h.name}=${h.value}`)).join("&")}`;
  return s;
}
