/**
 * check_digest_only() of modules/sanity/sanity.c: every Authorization, then every
 * Proxy-Authorization header must hold digest credentials (core/parser/digest: parse_credentials(),
 * check_dig_cred()) with a username, nonce and response that are not empty. Credentials of
 * another scheme make the check "not applicable" at the first such header.
 *
 * The parameter reader is kamsim's: `name=token` or `name="quoted"` pairs separated by commas,
 * as dig_parser.c accepts them; its rarer refusals (odd characters inside a token) are not
 * reproduced.
 */
import { L_WARN } from "../../base/log-levels.js";
import { whereIn } from "../../runtime/services.js";
import type { CheckEnv } from "./checks.js";

const PASSED = 1;
const FAILED = 0;
const NOT_APPLICABLE = -2;

/** The digest parameters by lower-case name, `not-digest` for another scheme, undefined when unreadable. */
export function parseDigest(body: string): Map<string, string> | "not-digest" | undefined {
  const m = /^[ \t]*digest[ \t\r\n]+/i.exec(body);
  if (!m) return "not-digest";
  const params = new Map<string, string>();
  const re = /[ \t\r\n]*([A-Za-z0-9_-]+)[ \t]*=[ \t]*(?:"((?:[^"\\]|\\.)*)"|([^ \t\r\n,"]*))[ \t\r\n]*(,|$)/y;
  re.lastIndex = m[0].length;
  while (re.lastIndex < body.length) {
    const p = re.exec(body);
    if (!p) return undefined;
    params.set((p[1] as string).toLowerCase(), p[2] ?? p[3] ?? "");
    if (p[4] === "") break;
  }
  return params.size === 0 ? undefined : params;
}

/** check_dig_cred(): the parameters a digest response needs (cnonce and nc with qop auth). */
function credentialsComplete(p: Map<string, string>): boolean {
  if (!["username", "realm", "nonce", "uri", "response"].every((k) => p.has(k))) return false;
  const qop = p.get("qop")?.toLowerCase();
  return !(qop === "auth" || qop === "auth-int") || (p.has("cnonce") && p.has("nc"));
}

const AUTH_LINES = { header: 880, cred: 891, user: 899, nonce: 907, response: 915 } as const;

/** check_digest_only(): PASSED, FAILED (after a 400) or NOT_APPLICABLE. */
export function checkCredentials(e: CheckEnv): number {
  const headers = [...e.ctx.msg.headers("authorization"), ...e.ctx.msg.headers("proxy-authorization")];
  for (const body of headers) {
    const p = parseDigest(body);
    if (p === "not-digest") return NOT_APPLICABLE;
    let reason: string | undefined;
    let line: number = AUTH_LINES.header;
    if (p === undefined) reason = "Bad Auth Header";
    else if (!credentialsComplete(p)) [reason, line] = ["Bad Auth Credentials", AUTH_LINES.cred];
    else if (p.get("username") === "") [reason, line] = ["Auth Empty User", AUTH_LINES.user];
    else if (p.get("nonce") === "") [reason, line] = ["Auth Empty Nonce", AUTH_LINES.nonce];
    else if (p.get("response") === "") [reason, line] = ["Auth Empty Response", AUTH_LINES.response];
    if (reason === undefined) continue;
    if (e.reply(e.ctx, 400, reason) < 0) {
      const text = "failed to send 400 reply";
      e.ctx.sv.log.module(e.ctx.proc, L_WARN, "sanity", `sanity.c:${line}`, "check_digest_only", text, whereIn(e.ctx));
    }
    return FAILED;
  }
  return PASSED;
}
