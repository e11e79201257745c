/**
 * The uri class, `{uri.*}`, as tr_parse_uri() reads it and tr_eval_uri() applies it
 * (src/modules/pv/pv_trans.c, 5.6.3). The value must be a non-empty string; one parse_uri()
 * fails on logs `invalid uri [...]` (every time: a failed parse is not cached) and the
 * transformation fails. A part the URI lacks is "", never `<null>`.
 */

import { parseRawUri, type RawUri } from "../../sip/parse-uri.js";
import type { ScriptContext } from "../context.js";
import { bytesOf, fromBytes } from "./bytes.js";
import { findParam, parseParamList } from "./param-list.js";
import { stringParam, type TrCursor } from "./parse.js";
import { coreError, strParam, type Transform, type TransformEnv, trError } from "./support.js";

// pv_trans.c keeps the last URI parsed (_tr_uri); a parse is a pure function of the text.
let lastText: string | undefined;
let lastUri: RawUri | undefined;

/** The parsed URI of a value, or undefined (after logging, as tr_eval_uri() does) when it fails. */
function parsedUri(v: number | string, ctx: ScriptContext): { uri: RawUri; text: string } | undefined {
  const text = bytesOf(v);
  if (text === "") return undefined;
  if (text === lastText && lastUri) return { uri: lastUri, text };
  // A `;` ending a URI longer than 4 bytes is left out of the parse.
  const uri = parseRawUri(text.length > 4 && text.endsWith(";") ? text.slice(0, -1) : text);
  if (!uri) {
    trError(ctx, 1597, "tr_eval_uri", `invalid uri [${fromBytes(text)}]`);
    return undefined;
  }
  lastText = text;
  lastUri = uri;
  return { uri, text };
}

/** The parts printed as they are, "" for a missing one. */
const PARTS: Record<string, (u: RawUri) => string | undefined> = {
  user: (u) => u.user,
  host: (u) => u.host,
  domain: (u) => u.host,
  passwd: (u) => u.passwd,
  params: (u) => u.sipParams,
  headers: (u) => u.headers,
  transport: (u) => u.transport,
  ttl: (u) => u.ttl,
  uparam: (u) => u.userParam,
  maddr: (u) => u.maddr,
  method: (u) => u.method,
  lr: (u) => u.lr,
  r2: (u) => u.r2,
};

/**
 * `uri.port`: Kamailio's value is the port as written with its number as int (PV_TYPE_INT). An
 * int here when the text is the number's own; "" without a port (Kamailio's int is then 0, what
 * an assignment stores, while xlog prints ""); the text itself when written otherwise (`05060`).
 */
function portValue(u: RawUri): number | string {
  const text = u.port ?? "";
  if (text === "") return "";
  return text === String(u.portNo) ? u.portNo : text;
}

/** Compiles `uri.NAME...` (the cursor after the name), or undefined when kamsim does not apply it. */
export function compileUri(name: string, c: TrCursor, env: TransformEnv): Transform | undefined {
  const part = PARTS[name];
  if (part)
    return c.end()
      ? (v, ctx) => {
          const r = parsedUri(v, ctx);
          return r && (part(r.uri) ?? "");
        }
      : undefined;
  if (name === "port")
    return c.end()
      ? (v, ctx) => {
          const r = parsedUri(v, ctx);
          return r && portValue(r.uri);
        }
      : undefined;
  if (name === "scheme")
    return c.end()
      ? (v, ctx) => {
          const r = parsedUri(v, ctx);
          // Up to the first `:` of the value (the parse found one).
          return r?.text.slice(0, r.text.indexOf(":"));
        }
      : undefined;
  if (name === "param") {
    if (!c.comma()) return undefined;
    const p = stringParam(c);
    if (!p || !c.end()) return undefined;
    const get = strParam(p, env);
    return (v, ctx) => {
      const r = parsedUri(v, ctx);
      if (!r) return undefined;
      const params = r.uri.sipParams ?? "";
      if (params === "") return "";
      // The parameters are parsed (parse_params()) before the name is read; a failed parse is
      // not kept, so it is logged again next time.
      const parsed = parseParamList(params, ";");
      if ("errors" in parsed) {
        for (const e of parsed.errors) coreError(ctx, e.at, e.fn, fromBytes(e.text));
        return undefined;
      }
      const key = get(ctx);
      if (key === undefined) {
        trError(ctx, 1720, "tr_eval_uri", "param cannot get p1");
        return undefined;
      }
      return findParam(parsed.list, key)?.body ?? "";
    };
  }
  // suri, saor, duri and tosocket are not simulated.
  return undefined;
}
