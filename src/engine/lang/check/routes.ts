/**
 * The route table: every route block by kind and name. The same name twice in one kind is
 * Kamailio's "duplicate route" (docs/kamailio/language.md#route-blocks).
 */

import type { Config, RouteBlock, RouteKindName } from "../ast.js";
import type { DiagnosticBag } from "../diagnostics.js";
import { RouteKind } from "../exports.js";

/** Route blocks of a config, keyed by kind, then by name ("" for unnamed). */
export type RouteTable = Map<RouteKindName, Map<string, RouteBlock>>;

/** Kamailio's route type for each block kind, which decides the functions allowed in it. */
export const ROUTE_TYPE: Readonly<Record<RouteKindName, number>> = {
  request: RouteKind.REQUEST,
  // route[NAME] blocks are checked as REQUEST_ROUTE, like Kamailio's parser does (docs/kamailio/language.md#function-permissions).
  route: RouteKind.REQUEST,
  event: RouteKind.REQUEST,
  failure: RouteKind.FAILURE,
  branch: RouteKind.BRANCH,
  reply: RouteKind.CORE_ONREPLY,
  onreply: RouteKind.TM_ONREPLY,
  onsend: RouteKind.ONSEND,
  error: RouteKind.ERROR,
};

export function collectRoutes(config: Config, diags: DiagnosticBag): RouteTable {
  const table: RouteTable = new Map();
  for (const item of config.items) {
    if (item.kind !== "RouteBlock") continue;
    // request_route and route { } are the same block; likewise onreply_route and reply_route.
    const kind = item.routeKind;
    let byName = table.get(kind);
    if (!byName) {
      byName = new Map();
      table.set(kind, byName);
    }
    const name = item.name ?? "";
    if (byName.has(name)) {
      // From the name to the block's end: Kamailio notices it at the closing brace.
      const span = item.nameSpan ? { ...item.nameSpan, end: item.span.end } : item.span;
      diags.error("duplicate_route", "duplicate route", span);
      continue;
    }
    byName.set(name, item);
  }
  return table;
}
