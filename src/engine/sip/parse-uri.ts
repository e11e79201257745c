/**
 * parse_uri() of src/core/parser/parse_uri.c (5.6.3): kamsim's one URI parser. Every part is kept
 * as the text Kamailio points to: the PVs (`$rU`, `$fd`... through sip/uri.ts) and the uri
 * transformations print them. Where the state machine surprises: a `@` met in the parameters or
 * headers makes all before it the user part (`sip:a;x=1@h` has the user `a;x=1`), `tel:` URIs
 * have the number as user, an empty host and no `sip_params`, and with `;user=phone` (phone2tel,
 * on by default) the user stops at its first `;` and the rest becomes the tel parameters.
 */

import { finish, type Parts, type RawUri } from "./uri-parts.js";

export type { RawUri };

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

/** The first four characters as one number, each `| 0x20` as parse_uri() compares them. */
function word4(t: string): number {
  let w = 0;
  for (let i = 0; i < 4; i++) w = (w << 8) | (t.charCodeAt(i) | 0x20);
  return w >>> 0;
}
const SIP = word4("sip:");
const SIPS = word4("sips");
const TEL = word4("tel:");
const URN = word4("urn:");

/** The scheme from the first four characters, compared as parse_uri() does (`| 0x20`). */
function schemeOf(t: string): RawUri["type"] | undefined {
  const w = word4(t);
  if (w === SIP) return "sip";
  if (w === SIPS) return t[4] === ":" ? "sips" : undefined;
  if (w === TEL) return "tel";
  if (w === URN) return "urn";
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
