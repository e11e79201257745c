/**
 * The request's Route headers as loose.c finds them: the first (msg->route, find_first_route()),
 * the next one after a header (find_next_route()), the last (find_rem_target()), each parsed by
 * parse_rr() with its error lines (core/parser/parse_rr.c) before the caller's own.
 */
import { L_ERR } from "../../base/log-levels.js";
import type { ScriptContext } from "../../runtime/context.js";
import { parseAllHeaders } from "../../runtime/parse-headers.js";
import { whereIn } from "../../runtime/services.js";
import type { HeaderField } from "../../sip/headers.js";
import { msgView } from "../lumps.js";
import { parseRouteBody, type RouteEntry } from "./route-body.js";
import { rrLog } from "./state.js";

/** A parsed Route header: the field and its routes (rr_t list). */
export interface RouteHdr {
  field: HeaderField;
  entries: RouteEntry[];
}

/**
 * The Route header fields parse_headers() reaches: all of them, or — when a header line does not
 * parse — those before the bad line, `failed` then true (a later read for another Route, or to
 * the end of the headers, fails there).
 */
export function routeScan(ctx: ScriptContext): { fields: HeaderField[]; failed: boolean } {
  const all = msgView(ctx.msg)?.fields;
  if (all !== undefined) return { fields: all.filter((f) => f.key === "route"), failed: false };
  const before = ctx.msg.fieldsBeforeFailure?.() ?? [];
  return { fields: before.filter((f) => f.key === "route"), failed: true };
}

/** The Route header fields; undefined when a header line does not parse. */
export function routeFields(ctx: ScriptContext): HeaderField[] | undefined {
  const scan = routeScan(ctx);
  return scan.failed ? undefined : scan.fields;
}

/**
 * parse_headers() failing on the bad header line: the parser's lines, then the caller's
 * `text` at `at` (`fn`).
 */
export function headersFailed(ctx: ScriptContext, at: string, fn: string, text: string): void {
  parseAllHeaders(ctx);
  rrLog(ctx, L_ERR, at, fn, text);
}

/** parse_rr() of one field, logging parse_rr.c's lines on failure. */
export function parseRouteField(ctx: ScriptContext, field: HeaderField): RouteHdr | undefined {
  const v = msgView(ctx.msg);
  if (v === undefined) return undefined;
  const r = parseRouteBody(v.raw, field.bodyStart, field.bodyEnd);
  if (!("lines" in r)) return { field, entries: r };
  const w = whereIn(ctx);
  for (const l of r.lines) {
    const fn = "do_parse_rr_body";
    ctx.sv.log.core(ctx.proc, L_ERR, `parser/parse_rr.c:${l.line}`, fn, l.text, w);
  }
  return undefined;
}

/**
 * The first Route header parsed, with its first route; "none" when there is none; "error" when
 * the headers fail before one (`fn`'s "failed to parse headers" at `hdrLine`, if given) or the
 * Route does not parse (its "failed to parse Route HF" at `line`).
 */
export function firstRoute(
  ctx: ScriptContext,
  fn: string,
  line: number,
  hdrLine?: number,
): (RouteHdr & { entry: RouteEntry }) | "none" | "error" {
  const scan = routeScan(ctx);
  const field = scan.fields[0];
  if (field === undefined) {
    if (!scan.failed) return "none";
    // redo_route_params() reads msg->route without parsing (no lines); the others parse for it.
    if (hdrLine !== undefined) headersFailed(ctx, `loose.c:${hdrLine}`, fn, "failed to parse headers");
    return "error";
  }
  const hdr = parseRouteField(ctx, field);
  const entry = hdr?.entries[0];
  if (hdr === undefined || entry === undefined) {
    rrLog(ctx, L_ERR, `loose.c:${line}`, fn, "failed to parse Route HF");
    return "error";
  }
  return { ...hdr, entry };
}
