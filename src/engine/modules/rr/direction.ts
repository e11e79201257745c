/**
 * The parameters of this proxy's own Route URI and what is read from them (modules/rr/loose.c):
 * redo_route_params() (the Route loose_route() took, or else the first Route when it is this
 * proxy), check_route_param(re), get_route_param(name) and is_direction(dir) with its `ftag`
 * test, and the $fti/$tti/$rdir values built on it (rr_mod.c).
 */
import { L_ERR } from "../../base/log-levels.js";
import type { PosixRegex } from "../../base/regex/index.js";
import type { ScriptContext } from "../../runtime/context.js";
import { parseRawUri } from "../../sip/parse-uri.js";
import { isMyself } from "./myself.js";
import { firstRoute } from "./routes.js";
import { headerTag, type RrConfig, rrLog, rrState } from "./state.js";

export const DOWNSTREAM = 1;
export const UPSTREAM = 2;

/**
 * redo_route_params(): the routed parameters for this request, as they stand after
 * loose_route(), or taken again from the first Route when loose_route() left none for it; null
 * when the first Route is not this proxy (-1 in Kamailio).
 */
function routedParams(ctx: ScriptContext, cfg: RrConfig): { params: string; fromRuri: boolean } | null {
  const first = firstRoute(ctx, "redo_route_params", 1062);
  if (typeof first === "string") return null;
  const st = rrState(ctx);
  if (st.routed?.params) return { params: st.routed.params, fromRuri: st.routed.fromRuri };
  const uri = first.entry.uri;
  const puri = parseRawUri(uri);
  if (puri === undefined) {
    rrLog(ctx, L_ERR, "loose.c:1093", "redo_route_params", `failed to parse the first route URI (${uri})`);
    return null;
  }
  if (!isMyself(puri, cfg.listen)) return null;
  st.routed = { params: puri.sipParams ?? "", fromRuri: false };
  return st.routed.params ? { params: st.routed.params, fromRuri: false } : null;
}

/**
 * check_route_param(): the routed parameters, with the `;` before them when they come from the
 * Route URI (the loop walks back to it; parameters read from the Request-URI lie before the
 * Route in the buffer and are taken as they are), against the regex.
 */
export function checkRouteParam(ctx: ScriptContext, cfg: RrConfig, re: PosixRegex): boolean {
  const r = routedParams(ctx, cfg);
  if (r === null || r.params === "") return false;
  return re.test(r.fromRuri ? r.params : `;${r.params}`);
}

const isBlank = (c: string | undefined) => c === " " || c === "\t";

/** get_route_param(): the value of parameter `name` ("" without one), or undefined; loose.c's scan, quirks kept. */
export function getRouteParam(ctx: ScriptContext, cfg: RrConfig, name: string): string | undefined {
  const r = routedParams(ctx, cfg);
  if (r === null || r.params === "") return undefined;
  const s = r.params;
  const end = s.length;
  let p = 0;
  while (end - p > name.length + 2) {
    if (p !== 0) {
      let quoted = false;
      while (p < end && !(s[p] === ";" && !quoted)) {
        if ((s[p] === '"' || s[p] === "'") && s[p - 1] !== "\\") quoted = !quoted;
        p++;
      }
      if (p === end) return undefined;
      p++;
    }
    while (p < end && isBlank(s[p])) p++;
    if (end - p < name.length + 2) return undefined;
    if (s.slice(p, p + name.length) !== name) {
      p++;
      continue;
    }
    p += name.length;
    while (p < end && isBlank(s[p])) p++;
    if (p === end || s[p] === ";") return "";
    if (s[p++] !== "=") continue;
    while (p < end && isBlank(s[p])) p++;
    if (p === end) return undefined;
    let v = p;
    if (s[p] === "'" || s[p] === '"') {
      v = ++p;
      while (p < end && !((s[p] === '"' || s[p] === "'") && s[p - 1] !== "\\")) p++;
    } else {
      while (p < end && s[p] !== ";" && s[p] !== " " && s[p] !== "\t") p++;
    }
    return s.slice(v, p);
  }
  return undefined;
}

/**
 * is_direction()'s flow of the request: upstream when the routed `ftag` differs from the From
 * tag, downstream otherwise (no ftag, an empty one, no From tag). The first answer for a
 * request is kept for it (last_id/last_dir).
 */
export function direction(ctx: ScriptContext, cfg: RrConfig): 1 | 2 {
  const st = rrState(ctx);
  if (st.dir !== undefined) return st.dir;
  const ftag = getRouteParam(ctx, cfg, "ftag");
  let dir: 1 | 2 = DOWNSTREAM;
  if (ftag) {
    const tag = headerTag(ctx, "from");
    if (tag && tag !== ftag) dir = UPSTREAM;
  }
  st.dir = dir;
  return dir;
}
