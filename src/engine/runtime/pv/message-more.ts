/**
 * More read-only pseudo-variables of the received request (modules/pv/pv_core.c, 5.6.3): the
 * request line (`$rv`, `$ou` and its parts, `$rz`, `$rP`), bodies of common headers (`$ct`,
 * `$cT`, `$cl`, `$csb`), the body (`$rb`, `$bs`), the URIs of identity headers (`$ai`, `$pu`,
 * `$re`, `$rt`, `$di`), the source as a URI (`$su`, `$sut`), method and message type ids.
 * Each is `<null>` where Kamailio's getter gives pv_get_null().
 */
import { L_ERR } from "../../base/log-levels.js";
import { methodId } from "../../sip/method-ids.js";
import { parseNameAddr } from "../../sip/name-addr.js";
import { parseUri, type SipUri, uriPort } from "../../sip/uri.js";
import { utf8Length } from "../../sip/utf8.js";
import type { ScriptContext } from "../context.js";
import type { PvImpl } from "../env.js";
import { parseAllHeaders } from "../parse-headers.js";
import { whereIn } from "../services.js";
import type { Value } from "../values.js";
import { readOnly } from "./simple.js";

/** The request line's URI and version, read from the text as received. */
function requestLine(ctx: ScriptContext): { uri: string; version: string } {
  const raw = ctx.msg.raw;
  let end = raw.indexOf("\n");
  if (end < 0) end = raw.length;
  const line = raw.slice(0, end).replace(/\r$/, "");
  const a = line.indexOf(" ");
  const b = line.lastIndexOf(" ");
  return { uri: line.slice(a + 1, b), version: line.slice(b + 1) };
}

function originalUri(ctx: ScriptContext): SipUri | undefined {
  return parseUri(requestLine(ctx).uri);
}

/** The URI of a name-addr header (`$ai`, `$pu`, `$re`...): the first header of that name. */
function headerUri(name: string): PvImpl {
  return readOnly((ctx) => {
    const body = ctx.msg.header(name);
    if (body === undefined) return null;
    return parseNameAddr(body)?.uri ?? null;
  });
}

/** A header's body, `<null>` when the header is missing or empty. */
function headerBody(name: string): PvImpl {
  return readOnly((ctx) => {
    const b = ctx.msg.header(name);
    return b === undefined || b === "" ? null : b;
  });
}

/** The user of a URI or `<null>` (pv_get_xuri_attr()). */
function userOf(u: SipUri | undefined): Value {
  return u?.user ? u.user : null;
}

/** get_src_uri(): `sip:IP:PORT`, `;transport=udp` added for `$sut` only (UDP is the default). */
function srcUri(ctx: ScriptContext, withTransport: boolean): string {
  const ip = ctx.src.ip.includes(":") ? `[${ctx.src.ip}]` : ctx.src.ip;
  return `sip:${ip}:${ctx.src.port}${withTransport ? ";transport=udp" : ""}`;
}

/** A parameter of the first Diversion header (get_diversion_param()), `<null>` when absent. */
function diversionParam(name: string): PvImpl {
  return readOnly((ctx) => {
    const body = ctx.msg.header("diversion");
    if (body === undefined) return null;
    const close = body.indexOf(">");
    const params = close >= 0 ? body.slice(close + 1) : body.slice(Math.max(0, body.indexOf(";")));
    for (const part of params.split(";")) {
      const eq = part.indexOf("=");
      const key = (eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase();
      // parse_params() gives a quoted value without its quotes.
      if (key === name)
        return eq < 0
          ? ""
          : part
              .slice(eq + 1)
              .trim()
              .replace(/^"(.*)"$/s, "$1");
    }
    return null;
  });
}

export const moreMessagePvars: Readonly<Record<string, PvImpl>> = {
  dir: diversionParam("reason"),
  dip: diversionParam("privacy"),
  dic: diversionParam("counter"),
  // pv_get_statusi(): 0 for a request; kamsim receives on UDP, which has no connection id.
  rsi: readOnly(() => 0),
  conid: readOnly(() => null),
  rv: readOnly((ctx) => requestLine(ctx).version),
  ou: readOnly((ctx) => requestLine(ctx).uri),
  ouri: readOnly((ctx) => requestLine(ctx).uri),
  oU: readOnly((ctx) => userOf(originalUri(ctx))),
  oUl: readOnly((ctx) => originalUri(ctx)?.user?.length ?? 0),
  od: readOnly((ctx) => {
    const u = originalUri(ctx);
    return u && u.host !== "" ? u.host : null;
  }),
  op: readOnly((ctx) => {
    const u = originalUri(ctx);
    return u ? uriPort(u) : null;
  }),
  oP: readOnly((ctx) => {
    const u = originalUri(ctx);
    return u ? (u.transport ?? "UDP") : null;
  }),
  // parse_uri() makes a `;user=phone` sip URI a tel one (sips: tels), and `$rz` says so.
  rz: readOnly((ctx) => {
    const u = ctx.msg.uri;
    if (!u) return null;
    return u.phone ? (u.scheme === "sips" ? "tels" : "tel") : u.scheme;
  }),
  rP: readOnly((ctx) => {
    const u = ctx.msg.uri;
    return u ? (u.transport ?? "UDP") : null;
  }),
  rUl: readOnly((ctx) => ctx.msg.uri?.user?.length ?? 0),
  fUl: readOnly((ctx) => {
    const uri = ctx.msg.from?.uri;
    return uri === undefined ? null : (parseUri(uri)?.user?.length ?? 0);
  }),
  tUl: {
    compile: () => ({
      get: (ctx: ScriptContext) => {
        const uri = ctx.msg.to?.uri;
        return uri === undefined ? null : (parseUri(uri)?.user?.length ?? 0);
      },
    }),
  },
  ct: headerBody("contact"),
  cT: headerBody("content-type"),
  cl: readOnly((ctx) => {
    const b = ctx.msg.header("content-length");
    if (b === undefined) return null;
    const n = Number.parseInt(b, 10);
    return Number.isNaN(n) ? null : n;
  }),
  csb: readOnly((ctx) => ctx.msg.header("cseq") ?? null),
  // get_body() (core/parser/msg_parser.c) parses every header first; a bad one gives <null>.
  rb: readOnly((ctx) => {
    if (parseAllHeaders(ctx)) return ctx.msg.body;
    const text = "failed to parse to end of headers";
    ctx.sv.log.core(ctx.proc, L_ERR, "parser/msg_parser.c:1384", "get_body", text, whereIn(ctx));
    return null;
  }),
  bs: readOnly((ctx) => utf8Length(ctx.msg.body)),
  ai: headerUri("p-asserted-identity"),
  pu: headerUri("p-preferred-identity"),
  pU: readOnly((ctx) => {
    const body = ctx.msg.header("p-preferred-identity");
    const uri = body === undefined ? undefined : parseNameAddr(body)?.uri;
    return uri === undefined ? null : userOf(parseUri(uri));
  }),
  pd: readOnly((ctx) => {
    const body = ctx.msg.header("p-preferred-identity");
    const uri = body === undefined ? undefined : parseNameAddr(body)?.uri;
    const u = uri === undefined ? undefined : parseUri(uri);
    return u && u.host !== "" ? u.host : null;
  }),
  pn: readOnly((ctx) => {
    const body = ctx.msg.header("p-preferred-identity");
    return body === undefined ? null : (parseNameAddr(body)?.display ?? null);
  }),
  re: headerUri("remote-party-id"),
  rt: headerUri("refer-to"),
  di: headerUri("diversion"),
  rmid: readOnly((ctx) => methodId(ctx.msg.method)),
  mts: readOnly(() => "rq"),
  true: readOnly(() => 1),
  sid: readOnly(() => 0),
  prid: readOnly(() => 1),
  src_ip: readOnly((ctx) => ctx.src.ip),
  siz: readOnly((ctx) => (ctx.src.ip.includes(":") ? `[${ctx.src.ip}]` : ctx.src.ip)),
  su: readOnly((ctx) => srcUri(ctx, false)),
  sut: readOnly((ctx) => srcUri(ctx, true)),
  sas: readOnly((ctx) => `udp:${ctx.src.ip}:${ctx.src.port}`),
};
