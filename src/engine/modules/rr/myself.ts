/**
 * loose.c is_myself(): a Route or Request-URI names this proxy when check_self() finds its host
 * and port among the listening sockets or their aliases (core/forward.c; kamsim listens on one
 * UDP socket, and Kamailio adds `localhost` as an alias of 127.0.0.1), any protocol. A URI
 * without a port means 5060 (SIP_PORT), not "any port"; a URI without a host (tel:) or with a
 * `gr` parameter (a GRUU) is not this proxy.
 */
import type { RawUri } from "../../sip/parse-uri.js";

export function isMyself(u: RawUri, listen: { ip: string; port: number }): boolean {
  const host = u.host ?? "";
  if (host === "") return false;
  const local = host === listen.ip || (listen.ip === "127.0.0.1" && host.toLowerCase() === "localhost");
  if (!local) return false;
  if ((u.portNo !== 0 ? u.portNo : 5060) !== listen.port) return false;
  return !hasGr(u.sipParams);
}

/** parse_uri() sets `gr` for a `gr` or `gr=...` parameter (any case). */
function hasGr(params: string | undefined): boolean {
  if (!params) return false;
  for (const seg of params.split(";")) {
    const eq = seg.indexOf("=");
    if ((eq < 0 ? seg : seg.slice(0, eq)).trim().toLowerCase() === "gr") return true;
  }
  return false;
}
