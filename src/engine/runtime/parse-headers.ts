/**
 * parse_headers(msg, HDR_EOH_F, 0) (core/parser/msg_parser.c) from a script: what `$hdr`
 * (pv_get_hdr_helper(), modules/pv/pv_core.c), `$rb` (get_body()) and sl's reply
 * (build_res_buf_from_sip_req(), core/msg_translator.c) do before they look at the headers. On a
 * received datagram with a bad header the core did not read on receipt, it fails again each
 * time with the same lines (SipRequest.headersFailure()); the caller adds its own line.
 */
import type { ScriptContext } from "./context.js";
import { whereIn } from "./services.js";

/** True when every header parses; otherwise writes the parser's lines and returns false. */
export function parseAllHeaders(ctx: ScriptContext): boolean {
  const fail = ctx.msg.headersFailure?.();
  if (fail === undefined) return true;
  const w = whereIn(ctx);
  for (const l of fail) ctx.sv.log.core(ctx.proc, l.level, l.at, l.fn, l.text, w);
  return false;
}
