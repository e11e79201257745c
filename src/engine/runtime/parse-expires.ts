/**
 * parse_expires() (core/parser/parse_expires.c) on an Expires header with an empty body: the
 * parser's two error lines, as both registrar (sip_msg.c, for save()) and sanity
 * (sanity.c check_expires_value) see them before adding their own.
 */
import { L_ERR } from "../base/log-levels.js";
import type { ScriptContext } from "./context.js";
import { whereIn } from "./services.js";

export function logEmptyExpires(ctx: ScriptContext): void {
  const w = whereIn(ctx);
  ctx.sv.log.core(ctx.proc, L_ERR, "parser/parse_expires.c:53", "expires_parser", "Empty body", w);
  ctx.sv.log.core(ctx.proc, L_ERR, "parser/parse_expires.c:120", "parse_expires", "Error while parsing", w);
}
