/**
 * Path (RFC 3327) as registrar keeps it (path.c build_path_vector()): every Path header body of
 * the REGISTER joined by "," is stored with the contact; the first Path URI must be a loose
 * router. lookup() sends to that first URI (`$du`, core/parser/parse_rr.c get_path_dst_uri())
 * and hands the whole vector on with the R-URI or branch, for tm to put in Route headers.
 */
import { parseUri } from "../../sip/uri.js";
import { isStrict, parseRouteBody } from "../rr/route-body.js";

/** build_path_vector(): the joined vector ("" without Path), or the LM_ERR text of path.c. */
export function buildPathVector(bodies: readonly string[]): { path: string } | { err: string; line: number } {
  const path = bodies.join(",");
  if (path === "") return { path };
  const routes = parseRouteBody(path, 0, path.length);
  if (!Array.isArray(routes) || routes.length === 0)
    return { err: "failed to parse Path body, no head found", line: 78 };
  const u = parseUri((routes[0] as { uri: string }).uri);
  if (u === undefined) return { err: "failed to parse the first Path URI", line: 82 };
  if (isStrict(u.params ?? "")) return { err: "first Path URI is not a loose-router, not supported", line: 86 };
  return { path };
}

/** get_path_dst_uri(): the first Path URI, or undefined when the vector does not parse. */
export function pathDstUri(path: string): string | undefined {
  const routes = parseRouteBody(path, 0, path.length);
  if (!Array.isArray(routes) || routes.length === 0) return undefined;
  return (routes[0] as { uri: string }).uri;
}
