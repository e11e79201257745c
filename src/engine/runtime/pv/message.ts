/**
 * Pseudo-variables that read the SIP message and where it came from (docs/kamailio/pseudo-variables.md#message-values): `$si`, `$rm`,
 * `$ru`, `$fu`, `$hdr(Name)`... Values and types as Kamailio's pv module gives them: ports and
 * lengths are ints, CSeq number and tags are strings, absent parts are null.
 */

import { L_ERR } from "../../base/log-levels.js";
import type { Span } from "../../base/source.js";
import { parsePvAt } from "../../lang/pv-spec.js";
import { formatUri, isTelUri, parseUri, type SipUri, uriPort } from "../../sip/uri.js";
import type { ScriptContext } from "../context.js";
import { logTelPort } from "../core-log.js";
import type { CompileEnv, PvAccess, PvImpl } from "../env.js";
import { parseAllHeaders } from "../parse-headers.js";
import { whereIn } from "../services.js";
import { toStr, type Value } from "../values.js";
import { compileIndex, IDX_ALL } from "./index-spec.js";
import { readOnly, withName } from "./simple.js";

// A script reads $fU, $fd... several times per message: remember the last URI parsed.
let lastText: string | undefined;
let lastUri: SipUri | undefined;
const uriOf = (text: string | undefined): SipUri | undefined => {
  if (text === undefined) return undefined;
  if (text !== lastText) {
    lastText = text;
    lastUri = parseUri(text);
  }
  return lastUri;
};

/**
 * A part of the R-URI, writable: the R-URI is rebuilt with that part replaced (as action.c's
 * SET_USER_T, SET_HOST_T, SET_PORT_T do); `set` returns false where Kamailio fails.
 */
function ruriPart(
  get: (u: SipUri) => Value,
  set: (u: SipUri, v: string, ctx: ScriptContext) => boolean,
  hostSet = false,
  check?: (ctx: ScriptContext, v: Value, fromPv: boolean) => boolean,
): PvImpl {
  const access: PvAccess = {
    get: (ctx) => {
      const u = ctx.msg.uri;
      return u ? get(u) : null;
    },
    set: (ctx, v, fromPv) => {
      if (check && !check(ctx, v, fromPv === true)) return false;
      const parsed = ctx.msg.uri;
      if (!parsed) return;
      const u = { ...parsed };
      if (!set(u, toStr(v), ctx)) return false;
      ctx.msg.ruri = formatUri(u, hostSet);
      return true;
    },
  };
  return { compile: () => access };
}

/**
 * parse_from_uri() / parse_to_uri() (core/parser/parse_from.c, parse_to.c): the URI of the From
 * (To) header parsed; a URI that does not parse logs the core's error each time it is asked for
 * (a failure is not cached) and gives undefined, as does a missing header (silently).
 */
export function xtoUri(
  ctx: ScriptContext,
  from: boolean,
  text = (from ? ctx.msg.from : ctx.msg.to)?.uri,
): SipUri | undefined {
  if (text === undefined) return undefined;
  const u = uriOf(text);
  if (!u) {
    const [at, fn, what] = from
      ? ["parser/parse_from.c:107", "parse_from_uri", "From"]
      : ["parser/parse_to.c:81", "parse_to_uri", "To"];
    ctx.sv.log.core(ctx.proc, L_ERR, at, fn, `failed to parse ${what} uri`, whereIn(ctx));
  }
  return u;
}

/**
 * pv_get_xto_attr()'s user and domain of a URI that does not parse: `<null>` after the core's
 * error and pv's own. Kept out of the getters so their common path stays a cached parse.
 */
function xtoFailed(ctx: ScriptContext, from: boolean): null {
  xtoUri(ctx, from);
  const [line, what] = from ? [460, "From"] : [454, "To"];
  ctx.sv.log.module(
    ctx.proc,
    L_ERR,
    "pv",
    `pv_core.c:${line}`,
    "pv_get_xto_attr",
    `cannot parse ${what} URI`,
    whereIn(ctx),
  );
  return null;
}

/** pv_get_xuri_attr(): an empty user or host is `<null>`. */
function uriUser(u: SipUri | undefined): Value {
  return u?.user ? u.user : null;
}

function uriHost(u: SipUri | undefined): Value {
  return u && u.host !== "" ? u.host : null;
}

/** An ERROR line of a pv_core.c setter. */
function setterError(ctx: ScriptContext, line: number, fn: string, text: string): false {
  ctx.sv.log.module(ctx.proc, L_ERR, "pv", `pv_core.c:${line}`, fn, text, whereIn(ctx));
  return false;
}

/**
 * The checks of pv_set_ruri(), pv_set_ruri_user(), pv_set_ruri_host() before their action: `$ru`
 * and `$rd` refuse `$null` ("bad parameters"); all three refuse an int that is not a PV's
 * (a PV's int carries its text); `$rU = $null` empties the user.
 */
function needStr(line: number | undefined, nullLine: number | undefined, fn: string, what: string) {
  return (ctx: ScriptContext, v: Value, fromPv: boolean): boolean => {
    if (v === null) return nullLine === undefined ? true : setterError(ctx, nullLine, fn, "bad parameters");
    if (typeof v === "number" && !fromPv && line !== undefined) return setterError(ctx, line, fn, what);
    return true;
  };
}

const ruCheck = needStr(3025, 3019, "pv_set_ruri", "str value required to set R-URI");

/**
 * A header name given as a PV (`$hdr($var(h))`, pv_parse_hdr_name()): read at run time; a value
 * that is not a string is "invalid name" and the getter fails (undefined).
 */
function headerName(
  text: string,
  env: CompileEnv,
  at: [line: number, fn: string],
): ((ctx: ScriptContext) => string | undefined) | undefined {
  if (!text.startsWith("$")) return undefined;
  const r = parsePvAt(text, 0, true);
  if (!("spec" in r)) return undefined;
  const pv = env.pv(r.spec, NO_SPAN);
  return (ctx) => {
    const v = pv.get(ctx);
    // An int read from a PV carries its text too (pv_get_sintval()); null does not.
    if (v !== null && v !== undefined) return String(v);
    // pv_get_spec_name() (core/pvapi.c) refuses a null name first.
    if (v === null)
      ctx.sv.log.core(ctx.proc, L_ERR, "pvapi.c:1245", "pv_get_spec_name", "null or empty name", whereIn(ctx));
    ctx.sv.log.module(ctx.proc, L_ERR, "pv", `pv_core.c:${at[0]}`, at[1], "invalid name", whereIn(ctx));
    return undefined;
  };
}
const NO_SPAN: Span = { file: 0, start: 0, end: 0 };

export const messagePvars: Readonly<Record<string, PvImpl>> = {
  si: readOnly((ctx) => ctx.src.ip),
  sp: readOnly((ctx) => ctx.src.port),
  rm: readOnly((ctx) => ctx.msg.method),
  ru: {
    compile: () => ({
      // A reply has no R-URI: pv_get_ruri() gives <null> (pv_core.c).
      get: (ctx) => (ctx.msg.reply ? null : ctx.msg.ruri),
      set: (ctx, v, fromPv) => {
        if (!ruCheck(ctx, v, fromPv === true)) return false;
        ctx.msg.ruri = toStr(v);
        return true;
      },
    }),
  },
  rU: ruriPart(
    (u) => uriUser(u),
    (u, v) => {
      u.user = v;
      return true;
    },
    false,
    needStr(3079, undefined, "pv_set_ruri_user", "str value required to set R-URI user"),
  ),
  rd: ruriPart(
    (u) => uriHost(u),
    (u, v) => {
      u.host = v;
      return true;
    },
    true,
    needStr(3117, 3111, "pv_set_ruri_host", "str value required to set R-URI hostname"),
  ),
  rp: ruriPart(
    (u) => uriPort(u),
    (u, v, ctx) => {
      // action.c: SET_PORT_T fails on a tel URI; an empty port removes it.
      if (isTelUri(u)) {
        logTelPort(ctx, "", 0);
        ctx.sv.log.module(
          ctx.proc,
          L_ERR,
          "pv",
          "pv_core.c:3182",
          "pv_set_ruri_port",
          "do action failed",
          whereIn(ctx),
        );
        return false;
      }
      if (v === "") delete u.port;
      else u.port = v;
      return true;
    },
  ),
  fu: readOnly((ctx) => ctx.msg.from?.uri ?? null),
  fU: readOnly((ctx) => {
    const t = ctx.msg.from?.uri;
    const u = uriOf(t);
    return u ? uriUser(u) : t === undefined ? null : xtoFailed(ctx, true);
  }),
  fd: readOnly((ctx) => {
    const t = ctx.msg.from?.uri;
    const u = uriOf(t);
    return u ? uriHost(u) : t === undefined ? null : xtoFailed(ctx, true);
  }),
  fn: readOnly((ctx) => ctx.msg.from?.display ?? null),
  ft: readOnly((ctx) => ctx.msg.from?.tag ?? null),
  tu: readOnly((ctx) => ctx.msg.to?.uri ?? null),
  tU: readOnly((ctx) => {
    const t = ctx.msg.to?.uri;
    const u = uriOf(t);
    return u ? uriUser(u) : t === undefined ? null : xtoFailed(ctx, false);
  }),
  td: readOnly((ctx) => {
    const t = ctx.msg.to?.uri;
    const u = uriOf(t);
    return u ? uriHost(u) : t === undefined ? null : xtoFailed(ctx, false);
  }),
  tn: readOnly((ctx) => ctx.msg.to?.display ?? null),
  tt: readOnly((ctx) => ctx.msg.to?.tag ?? null),
  ci: readOnly((ctx) => ctx.msg.callId ?? null),
  ua: readOnly((ctx) => ctx.msg.userAgent ?? null),
  cs: readOnly((ctx) => ctx.msg.cseq?.num ?? null),
  ml: readOnly((ctx) => ctx.msg.length),
  mb: readOnly((ctx) => ctx.msg.raw),
  // pv_get_msgtype() (modules/pv/pv_core.c): 1 a request, 2 a reply.
  mt: readOnly((ctx) => (ctx.msg.reply ? 2 : 1)),
  // A reply's status line (the core onreply_route runs on replies; pv_get_status/pv_get_reason).
  rs: readOnly((ctx) => ctx.msg.reply?.status ?? null),
  rr: readOnly((ctx) => ctx.msg.reply?.reason ?? null),
  pr: readOnly(() => "udp"),
  proto: readOnly(() => "udp"),
  Ri: readOnly((ctx) => ctx.rcv?.ip ?? null),
  Rp: readOnly((ctx) => ctx.rcv?.port ?? null),
  pp: readOnly((ctx) => ctx.proc.pid),
  // pv_get_hdr_helper(): `[*]` joins every header of that name with "," (PV_HDR_DELIM), a
  // negative index counts from the last; compact names match their long form (`$hdr(v)` is Via).
  hdr: withName((text, spec, env) => {
    const index = compileIndex(spec.index, env);
    const dynamic = headerName(text, env, [2139, "pv_get_hdr"]);
    return {
      get: (ctx: ScriptContext) => {
        const ix = index(ctx);
        if (!ix) return undefined;
        const name = dynamic ? dynamic(ctx) : text;
        if (name === undefined) return undefined;
        if (!parseAllHeaders(ctx)) {
          ctx.sv.log.module(
            ctx.proc,
            L_ERR,
            "pv",
            "pv_core.c:2002",
            "pv_get_hdr_helper",
            "error parsing headers",
            whereIn(ctx),
          );
          return null;
        }
        if (ix.n === 0 && ix.kind !== IDX_ALL) return ctx.msg.header(name) ?? null;
        const all = ctx.msg.headers(name);
        if (ix.kind === IDX_ALL) return all.length === 0 ? null : all.join(",");
        const i = ix.n < 0 ? all.length + ix.n : ix.n;
        return all[i] ?? null;
      },
    };
  }),
  // pv_get_hdrc(): how many headers have that name (a comma-separated line counts once).
  hdrc: withName((text, _spec, env) => {
    const dynamic = headerName(text, env, [2188, "pv_get_hdrc"]);
    return {
      total: true,
      get: (ctx: ScriptContext) => {
        // pv_get_hdrc() gives 0 for a name it cannot get, or when the headers do not parse.
        const name = dynamic ? dynamic(ctx) : text;
        if (name === undefined) return 0;
        if (!parseAllHeaders(ctx)) {
          ctx.sv.log.module(
            ctx.proc,
            L_ERR,
            "pv",
            "pv_core.c:2213",
            "pv_get_hdrc",
            "error parsing headers",
            whereIn(ctx),
          );
          return 0;
        }
        return ctx.msg.headers(name).length;
      },
    };
  }),
};

/** The long names pv.c gives the same R-URI PVs. */
export const ruriAliases: Readonly<Record<string, PvImpl>> = {
  ruri: messagePvars.ru as PvImpl,
  "ruri.user": messagePvars.rU as PvImpl,
  "ruri.domain": messagePvars.rd as PvImpl,
};
