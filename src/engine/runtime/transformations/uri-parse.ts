/**
 * parse_uri() of src/core/parser/parse_uri.c (5.6.3), keeping every part as the text Kamailio
 * points to, which the uri transformations print: the raw parameter and header strings, the port
 * as written, and the values of the parameters parse_uri() knows (`transport`, `ttl`, `user`,
 * `method`, `maddr`, `lr`, `r2`). sip/uri.ts gives the PVs a structured URI; this one follows the
 * state machine where it matters to the transformations: a `@` met in the parameters or headers
 * makes all before it the user part (`sip:a;x=1@h` has the user `a;x=1`), `tel:` URIs have the
 * number as user, an empty host and no `sip_params`, and with `;user=phone` (phone2tel, on by
 * default) the user stops at its first `;`.
 */

/** What tr_eval_uri() reads from the parsed URI; undefined stands for a NULL pointer. */
export interface RawUri {
  type: "sip" | "sips" | "tel" | "urn";
  user?: string;
  passwd?: string;
  host?: string;
  /** The port as written (digits, maybe none) and its value. */
  port?: string;
  portNo: number;
  /** `sip_params`: the parameters of a sip:/sips: URI, as written. */
  sipParams?: string;
  headers?: string;
  transport?: string;
  ttl?: string;
  userParam?: string;
  method?: string;
  maddr?: string;
  lr?: string;
  r2?: string;
}

enum S {
  Init,
  User,
  Password,
  PasswordAlpha,
  Host,
  HostP,
  Host6P,
  Host6End,
  Port,
  Param,
  Headers,
}

const isDigit = (c: string) => c >= "0" && c <= "9";
const isAlnum = (c: string) => isDigit(c) || (c >= "a" && c <= "z") || (c >= "A" && c <= "Z");

/** Parts as offsets while scanning, [start, end). */
interface Parts {
  user?: [number, number];
  passwd?: [number, number];
  host?: [number, number];
  port?: [number, number];
  portNo: number;
  params?: [number, number];
  headers?: [number, number];
}

/** The scheme from the first four characters, compared as parse_uri() does (`| 0x20`). */
function schemeOf(t: string): RawUri["type"] | undefined {
  let w = "";
  for (let i = 0; i < 4; i++) w += String.fromCharCode(t.charCodeAt(i) | 0x20);
  if (w === "sip:") return "sip";
  if (w === "sips") return t[4] === ":" ? "sips" : undefined;
  if (w === "tel:") return "tel";
  if (w === "urn:") return "urn";
  return undefined;
}

/** The URI's parts, or undefined where parse_uri() fails. */
export function parseRawUri(t: string): RawUri | undefined {
  if (t.length < 5) return undefined;
  const type = schemeOf(t);
  if (!type) return undefined;
  const start = type === "sips" ? 5 : 4;
  let u: Parts = { portNo: 0 };
  let s = start;
  let state = S.Init as S;
  let foundUser = false;
  let errorHeaders = false;
  let pass = -1;
  let portNo = 0;
  const addPort = (c: string): boolean => {
    portNo = portNo * 10 + (c.charCodeAt(0) - 48);
    return portNo <= 65535;
  };
  /** A `@` after what looked like host and parameters: all of it was the user (still_at_user). */
  const stillAtUser = (p: number): boolean => {
    if (foundUser) return false;
    const from = u.host ? u.host[0] : start;
    const user: [number, number] = [from, pass >= 0 ? pass : p];
    const passwd: [number, number] | undefined = pass >= 0 ? [pass + 1, p] : undefined;
    u = { portNo: 0, user };
    if (passwd) u.passwd = passwd;
    s = p + 1;
    foundUser = true;
    errorHeaders = false;
    state = S.Host;
    return true;
  };
  /** `:` in parameters or headers: a password, if no user was found yet (colon_case). */
  const colon = (p: number) => {
    if (foundUser) return;
    if (pass >= 0) {
      foundUser = true;
      pass = -1;
    } else pass = p;
  };
  const dropPass = () => {
    if (pass >= 0) {
      foundUser = true;
      pass = -1;
    }
  };
  /** check_host_end: where the host ends; false on a character no host may end with. */
  const hostEnd = (c: string, p: number): boolean | undefined => {
    if (c === ":" || c === ";" || c === "?") {
      u.host = [s, p];
      state = c === ":" ? S.Port : c === ";" ? S.Param : S.Headers;
      s = p + 1;
      return true;
    }
    return c === "&" || c === "@" ? false : undefined;
  };

  for (let p = start; p < t.length; p++) {
    const c = t[p] as string;
    switch (state) {
      case S.Init:
        if (c === "[") {
          state = S.Host6P;
          s = p;
        } else if (c === "]" || c === ":") return undefined;
        else state = S.User;
        break;
      case S.User:
        if (c === "@") {
          if (p === s) return undefined;
          u.user = [s, p];
          state = S.Host;
          foundUser = true;
          s = p + 1;
        } else if (c === ":") {
          u.user = [s, p];
          state = S.Password;
          s = p + 1;
        } else if (c === ";" || c === "?") {
          u.host = [s, p];
          state = c === ";" ? S.Param : S.Headers;
          s = p + 1;
        } else if (c === "[" || c === "]") return undefined;
        break;
      case S.Password:
        if (c === "@") {
          u.passwd = [s, p];
          portNo = 0;
          state = S.Host;
          foundUser = true;
          s = p + 1;
        } else if (c === ";" || c === "?") {
          // It was host:port after all.
          u.port = [s, p];
          u.portNo = portNo;
          u.host = u.user;
          u.user = undefined;
          state = c === ";" ? S.Param : S.Headers;
          foundUser = true;
          s = p + 1;
        } else if (isDigit(c)) {
          if (!addPort(c)) return undefined;
        } else if (c === "[" || c === "]" || c === ":") return undefined;
        else {
          portNo = 0;
          state = S.PasswordAlpha;
        }
        break;
      case S.PasswordAlpha:
        if (c === "@") {
          u.passwd = [s, p];
          state = S.Host;
          foundUser = true;
          s = p + 1;
        } else if (";?[]:".includes(c)) return undefined;
        break;
      case S.Host:
        if (c === "[") state = S.Host6P;
        else if (isAlnum(c)) state = S.HostP;
        else return undefined;
        break;
      case S.HostP: {
        const r = hostEnd(c, p);
        if (r === false) return undefined;
        if (r === undefined && !isAlnum(c) && c !== "." && c !== "-") return undefined;
        break;
      }
      case S.Host6End:
        if (!hostEnd(c, p)) return undefined;
        break;
      case S.Host6P:
        if (c === "]") state = S.Host6End;
        else if ("[&@;?".includes(c)) return undefined;
        break;
      case S.Port:
        if (c === ";" || c === "?") {
          u.port = [s, p];
          u.portNo = portNo;
          state = c === ";" ? S.Param : S.Headers;
          s = p + 1;
        } else if (!isDigit(c) || !addPort(c)) return undefined;
        break;
      case S.Param:
        // Every parameter and value state of parse_uri() treats these four alike.
        if (c === "@") {
          if (!stillAtUser(p)) return undefined;
        } else if (c === ";") dropPass();
        else if (c === "?") {
          u.params = [s, p];
          state = S.Headers;
          s = p + 1;
          dropPass();
        } else if (c === ":") colon(p);
        break;
      case S.Headers:
        if (c === "@") {
          if (!stillAtUser(p)) return undefined;
        } else if (c === ";") {
          if (foundUser || pass >= 0) return undefined;
          errorHeaders = true;
        } else if (c === ":") colon(p);
        else if (c === "?") dropPass();
        break;
    }
  }
  const p = t.length;
  switch (state) {
    case S.Init:
    case S.Host:
    case S.Host6P:
      return undefined;
    case S.User:
      u.host = [s, p];
      break;
    case S.Password:
      u.port = [s, p];
      u.portNo = portNo;
      u.host = u.user;
      u.user = undefined;
      break;
    case S.PasswordAlpha:
      if (type !== "urn") return undefined;
      u.host = [s, p];
      break;
    case S.HostP:
    case S.Host6End:
      u.host = [s, p];
      break;
    case S.Port:
      u.port = [s, p];
      u.portNo = portNo;
      break;
    case S.Param:
      u.params = [s, p];
      break;
    case S.Headers:
      u.headers = [s, p];
      if (errorHeaders) return undefined;
      break;
  }
  return finish(t, type, u);
}

const KNOWN = /^(transport|ttl|user|method|maddr|lr|r2)=([\s\S]+)$/i;

/** The end of parse_uri(): the known parameters, the scheme's fix-ups, the sanity checks. */
function finish(t: string, type: RawUri["type"], u: Parts): RawUri | undefined {
  const text = (r?: [number, number]) => (r ? t.slice(r[0], r[1]) : undefined);
  const out: RawUri = { type, portNo: u.portNo };
  let user = text(u.user);
  let host = text(u.host);
  const params = text(u.params);
  if (params !== undefined)
    for (const seg of params.split(";")) {
      const m = KNOWN.exec(seg);
      if (!m) continue;
      const value = m[2] as string;
      const name = (m[1] as string).toLowerCase();
      if (name === "transport") out.transport = value;
      else if (name === "ttl") out.ttl = value;
      else if (name === "user") out.userParam = value;
      else if (name === "method") out.method = value;
      else if (name === "maddr") out.maddr = value;
      else if (name === "lr") out.lr = value;
      else out.r2 = value;
    }
  if (type === "sip" || type === "sips") {
    out.sipParams = params;
    // phone2tel: the user part of a `user=phone` URI ends at its first `;`.
    if (out.userParam === "phone" && user !== undefined && user.includes(";")) user = user.slice(0, user.indexOf(";"));
  } else if (type === "tel") {
    user = host;
    host = "";
  }
  if (u.port && u.port[1] - u.port[0] > 5) return undefined;
  // `@` before the host but no user part.
  if (u.host && type !== "tel" && host && !user && u.host[0] > 0 && (t[u.host[0] - 1] === "@" || t[u.host[0]] === "@"))
    return undefined;
  if (user !== undefined) out.user = user;
  const passwd = text(u.passwd);
  if (passwd !== undefined) out.passwd = passwd;
  if (host !== undefined) out.host = host;
  const port = text(u.port);
  if (port !== undefined) out.port = port;
  const headers = text(u.headers);
  if (headers !== undefined) out.headers = headers;
  return out;
}
