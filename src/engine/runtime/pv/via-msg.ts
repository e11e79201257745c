/**
 * `$via0(attr)`, `$via1(attr)`, `$viaZ(attr)` (the first, second and last via of the request,
 * pv_get_via_attr() in modules/pv/pv_core.c) and `$msg(attr)` (pv_get_msg_attrs()): parts of
 * the message as received; `$_s(format)`, a format string evaluated where it is read.
 */

import type { Span } from "../../base/source.js";
import { utf8Length } from "../../sip/utf8.js";
import { parseVias, type ViaBody } from "../../sip/via.js";
import type { ScriptContext } from "../context.js";
import type { PvImpl } from "../env.js";
import { compileFormat } from "../format.js";
import type { Value } from "../values.js";
import { withName } from "./simple.js";

/** PROTO_* numbers for `$via0(protoid)`. */
const PROTO_IDS: Readonly<Record<string, number>> = { UDP: 1, TCP: 2, TLS: 3, SCTP: 4, WS: 5, WSS: 6 };

/** Every via of every Via header, in order; undefined when one is malformed. */
function allVias(ctx: ScriptContext): ViaBody[] | undefined {
  const out: ViaBody[] = [];
  for (const body of ctx.msg.headers("via")) {
    const vias = parseVias(body);
    if (!vias) return undefined;
    out.push(...vias);
  }
  return out;
}

function param(v: ViaBody, name: string): Value {
  const p = v.params.find((x) => x.name.toLowerCase() === name);
  return p?.value ? p.value : null;
}

function viaAttr(v: ViaBody | undefined, attr: string): Value {
  if (!v) return null;
  switch (attr) {
    case "host":
      return v.host !== "" ? v.host : null;
    case "port":
      return v.port ?? 5060;
    case "proto":
      return v.transport;
    case "protoid":
      return PROTO_IDS[v.transport.toUpperCase()] ?? 0;
    case "branch":
      return v.branch ? v.branch : null;
    case "rport":
    case "received":
    case "i":
      return param(v, attr);
    default:
      return null;
  }
}

function viaPv(pick: (vias: ViaBody[]) => ViaBody | undefined): PvImpl {
  return withName((attr) => ({
    total: true,
    get: (ctx: ScriptContext) => {
      const vias = allVias(ctx);
      return vias ? viaAttr(pick(vias), attr) : null;
    },
  }));
}

/** Where the headers end: offset of the blank line's first character. */
function headersEnd(raw: string): number {
  const crlf = raw.indexOf("\r\n\r\n");
  const lf = raw.indexOf("\n\n");
  if (crlf < 0) return lf < 0 ? raw.length : lf + 1;
  return lf < 0 || crlf < lf ? crlf + 2 : lf + 1;
}

/** The first line's length, its line end included (first_line.len). */
function firstLineEnd(raw: string): number {
  const nl = raw.indexOf("\n");
  return nl < 0 ? raw.length : nl + 1;
}

const msg: PvImpl = withName((attr) => ({
  total: true,
  get: (ctx: ScriptContext): Value => {
    const raw = ctx.msg.raw;
    switch (attr) {
      case "len":
        return ctx.msg.length;
      case "buf":
        return raw;
      case "body":
        return ctx.msg.body;
      case "body_len":
        return utf8Length(ctx.msg.body);
      case "hdrs":
        return raw.slice(firstLineEnd(raw), headersEnd(raw)).trim();
      case "hdrs_len":
        return utf8Length(raw.slice(firstLineEnd(raw), headersEnd(raw)).trim());
      case "fline":
        return raw.slice(0, firstLineEnd(raw)).trim();
      case "fpart":
        return raw.slice(0, headersEnd(raw)).trim();
      case "lpart":
        return raw.slice(firstLineEnd(raw));
      case "hdrc":
        return countHeaders(raw);
      default:
        return null;
    }
  },
}));

/** Header fields (continuation lines belong to their field). */
function countHeaders(raw: string): number {
  const lines = raw.slice(firstLineEnd(raw), headersEnd(raw)).split("\n");
  let n = 0;
  for (const l of lines) if (l !== "" && l !== "\r" && l[0] !== " " && l[0] !== "\t") n++;
  return n;
}

/** `$_s(format)`: the inner text evaluated as a format string (pv_get__s()). */
const underscoreS: PvImpl = withName((text, _spec, env) => {
  const fmt = compileFormat(text, env, NO_SPAN);
  return { total: true, get: (ctx: ScriptContext) => fmt(ctx) };
});
const NO_SPAN: Span = { file: 0, start: 0, end: 0 };

export const viaMsgPvars: Readonly<Record<string, PvImpl>> = {
  _s: underscoreS,
  via0: viaPv((v) => v[0]),
  via1: viaPv((v) => v[1]),
  viaZ: viaPv((v) => v[v.length - 1]),
  msg,
};
