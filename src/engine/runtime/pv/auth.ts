/**
 * Digest credentials of the request (`$au $ad $aU $ar $adu $aa $adn $adc $adr $ado`,
 * pv_get_authattr() in modules/pv/pv_core.c, parsed as core/parser/digest/digest_parser.c does)
 * and the accounting user `$Au`/`$AU` (pv_get_acc_username()/pv_get_acc_user(): the checked
 * credentials' user, else the From URI's). The Proxy-Authorization header wins over Authorization; ACK and
 * CANCEL have none. A field the credentials lack is the empty string, except the URI (`<null>`).
 */
import { L_ERR } from "../../base/log-levels.js";
import { parseUri } from "../../sip/uri.js";
import type { ScriptContext } from "../context.js";
import type { PvImpl } from "../env.js";
import { whereIn } from "../services.js";
import type { Value } from "../values.js";
import { readOnly } from "./simple.js";

interface Digest {
  username: string;
  user: string;
  domain: string;
  fields: Map<string, string>;
}

/** parse_digest_cred(): `Digest` then `name=value` pairs, values quoted or tokens. */
export function parseDigest(body: string): Digest | undefined {
  const s = body.replace(/^[ \t\r\n]+/, "");
  if (s.length < 7 || s.slice(0, 6).toLowerCase() !== "digest" || !/[ \r\n\t,]/.test(s[6] as string)) return undefined;
  const fields = new Map<string, string>();
  const re = /\s*([A-Za-z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))\s*(?:,|$)/y;
  re.lastIndex = 7;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    fields.set((m[1] as string).toLowerCase(), m[2] ?? m[3] ?? "");
    if (re.lastIndex >= s.length) break;
  }
  const username = fields.get("username") ?? "";
  const at = username.indexOf("@");
  return {
    username,
    user: at < 0 ? username : username.slice(0, at),
    domain: at < 0 ? "" : username.slice(at + 1),
    fields,
  };
}

/** The credentials header pv_get_authattr() reads, or undefined. */
function credentialsHeader(ctx: ScriptContext): string | undefined {
  const m = ctx.msg.method;
  if (m === "ACK" || m === "CANCEL") return undefined;
  return ctx.msg.header("proxy-authorization") ?? ctx.msg.header("authorization");
}

function credentials(ctx: ScriptContext): Digest | null | undefined {
  const h = credentialsHeader(ctx);
  if (h === undefined) return undefined;
  const d = parseDigest(h);
  if (!d) {
    ctx.sv.log.module(
      ctx.proc,
      L_ERR,
      "pv",
      "pv_core.c:1601",
      "pv_get_authattr",
      "failed to parse credentials",
      whereIn(ctx),
    );
    return null;
  }
  return d;
}

function authAttr(pick: (d: Digest) => Value): PvImpl {
  return readOnly((ctx) => {
    const d = credentials(ctx);
    return d ? pick(d) : null;
  });
}

const field = (name: string) => (d: Digest) => d.fields.get(name) ?? "";

/** The From URI's user, for `$Au`/`$AU` without credentials. */
function fromUser(ctx: ScriptContext): Value {
  const uri = ctx.msg.from?.uri;
  if (!uri) return null;
  const u = parseUri(uri);
  return u ? (u.user ?? "") : null;
}

export const authPvars: Readonly<Record<string, PvImpl>> = {
  aU: authAttr((d) => d.username),
  au: authAttr((d) => d.user),
  ad: authAttr((d) => d.domain),
  ar: authAttr(field("realm")),
  adu: authAttr((d) => {
    const v = d.fields.get("uri");
    return v ? v : null;
  }),
  aa: authAttr(field("algorithm")),
  adn: authAttr(field("nonce")),
  adc: authAttr(field("cnonce")),
  adr: authAttr(field("response")),
  ado: authAttr(field("opaque")),
  // cred_user() counts only credentials an auth module has checked (get_authorized_cred()); kamsim
  // simulates none, so the accounting user always comes from the From URI.
  AU: readOnly(fromUser),
  Au: readOnly((ctx) => {
    const u = ctx.msg.from?.uri ? parseUri(ctx.msg.from.uri) : undefined;
    if (!u) return null;
    return `${u.user ?? ""}@${u.host}`;
  }),
};
