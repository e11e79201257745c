/**
 * The parsed URI (Kamailio's struct sip_uri) and the end of parse_uri()
 * (src/core/parser/parse_uri.c, 5.6.3): from the offsets the state machine of sip/parse-uri.ts
 * found, the known parameters, the fix-ups of each scheme and the last sanity checks.
 */

/** The parsed URI (struct sip_uri); undefined stands for a NULL pointer. */
export interface RawUri {
  /** The scheme as written (a `user=phone` sip URI keeps "sip"; see `phone`). */
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
  /** `uri->params` of a tel URI: the parameters after the number; with `phone`, those cut from
   * the user part (absent when it had none). */
  telParams?: string;
  /** URI_SIP_USER_PHONE: a sip:/sips: URI with `;user=phone`, which Kamailio makes a tel URI. */
  phone?: boolean;
}

/** Parts as offsets while scanning, [start, end). */
export interface Parts {
  user?: [number, number];
  passwd?: [number, number];
  host?: [number, number];
  port?: [number, number];
  portNo: number;
  params?: [number, number];
  headers?: [number, number];
}

const KNOWN = /^(transport|ttl|user|method|maddr|lr|r2)=([\s\S]+)$/i;

/** The end of parse_uri(): the known parameters, the scheme's fix-ups, the sanity checks. */
export function finish(t: string, type: RawUri["type"], u: Parts): RawUri | undefined {
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
    // parse_uri.c, phone2tel: a `user=phone` URI becomes a tel URI whose user part ends at its
    // first `;`, the rest being its (tel) parameters.
    if (out.userParam === "phone") {
      out.phone = true;
      const semi = user === undefined ? -1 : user.indexOf(";");
      if (user !== undefined && semi >= 0) {
        out.telParams = user.slice(semi + 1);
        user = user.slice(0, semi);
      }
    }
  } else if (type === "tel") {
    // parse_uri.c: the number moves to the user part, the host is empty.
    user = host;
    host = "";
    out.telParams = params;
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
