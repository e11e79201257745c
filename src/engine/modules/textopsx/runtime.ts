/**
 * textopsx at run time (docs/kamailio/textopsx.md): `msg_apply_changes()` rebuilds the request
 * from its pending changes and parses it again (sip_msg_apply_changes() in
 * src/core/msg_translator.c), `remove_body()` records the body's removal, `fnmatch()` matches a
 * shell-style pattern (src/modules/textopsx/textopsx.c).
 */
import { L_ERR } from "../../base/log-levels.js";
import { compileRegex } from "../../base/regex/index.js";
import type { ScriptContext } from "../../runtime/context.js";
import type { CallArg, FunctionImpl } from "../../runtime/env.js";
import { FL_RR_ADDED, hasMsgFlag } from "../../runtime/msg-flags.js";
import { whereIn } from "../../runtime/services.js";
import { frameRequest } from "../../sip/framing.js";
import { splitHeaders } from "../../sip/headers.js";
import { SipRequest } from "../../sip/message.js";
import { buildRequestText, delLump, msgView } from "../lumps.js";
import { defineRuntime } from "../runtime-types.js";
import { textopsxModule } from "./def.js";
import { fnmatch as globMatch } from "./fnmatch.js";
import { hfIteratorFunctions, hfIteratorPv } from "./hf-iterators.js";

function coreErr(ctx: ScriptContext, at: string, fn: string, text: string): void {
  ctx.sv.log.core(ctx.proc, L_ERR, at, fn, text, whereIn(ctx));
}

/**
 * Kamailio replaces the message's buffer and parses it again; here the run's message becomes a
 * new request parsed from the rebuilt text. Its R-URI is the request line's (the assigned one
 * was written there), so `$ou` changes too, as in Kamailio (msg->new_uri is cleared).
 */
const msg_apply_changes: FunctionImpl = {
  compile() {
    return (ctx) => {
      // get_route_type() != REQUEST_ROUTE: event routes (`module:event` names) refuse it.
      if (ctx.route.includes(":")) {
        coreErr(
          ctx,
          "msg_translator.c:3351",
          "sip_msg_apply_changes",
          "invalid usage - not in request route or a reply",
        );
        return -1;
      }
      // record_route()'s lumps hold a conditional second header that needs the send socket.
      if (hasMsgFlag(ctx, FL_RR_ADDED)) {
        coreErr(
          ctx,
          "msg_translator.c:3362",
          "sip_msg_apply_changes",
          "cannot apply msg changes after adding record-route header - it breaks conditional 2nd header",
        );
        return -1;
      }
      const text = buildRequestText(ctx.msg);
      if (text === undefined) {
        coreErr(ctx, "msg_translator.c:3371", "sip_msg_apply_changes", "couldn't update msg buffer content");
        return -1;
      }
      // parse_msg() reads the headers up to the first Via; sip_msg_update_buffer() then up to
      // From, To, Call-ID and CSeq. A bad line after those is found only by later reads, as in
      // Kamailio; one before them ends the script (0).
      const next = SipRequest.parse(text);
      const f = frameRequest(text);
      if ("error" in next || "error" in f) {
        coreErr(ctx, "msg_translator.c:3326", "sip_msg_update_buffer", `parsing new sip message failed [[${text}]]`);
        return 0;
      }
      const split = splitHeaders(text, f.headerStart, f.headerEnd);
      const known = new Set(("error" in split ? split.before : split).map((h) => h.key));
      if (!known.has("via")) {
        coreErr(ctx, "msg_translator.c:3326", "sip_msg_update_buffer", `parsing new sip message failed [[${text}]]`);
        return 0;
      }
      if (!(known.has("from") && known.has("to") && known.has("call-id") && known.has("cseq"))) {
        coreErr(
          ctx,
          "msg_translator.c:3332",
          "sip_msg_update_buffer",
          `parsing main headers of new sip message failed [[${text}]]`,
        );
        return 0;
      }
      ctx.msg = next;
      return 1;
    };
  },
};

/** ki_remove_body(): the body, if any, goes when the message is built; 1 either way. */
const remove_body: FunctionImpl = {
  compile() {
    return (ctx) => {
      const v = msgView(ctx.msg);
      if (v === undefined || v.bodyStart >= v.raw.length) return 1;
      delLump(ctx.msg, v.bodyStart, v.raw.length - v.bodyStart);
      return 1;
    };
  },
};

/**
 * fnmatch(value, pattern[, flags]): 1 when it matches. The `i` flag is read only `#ifdef
 * FNM_CASEFOLD`, which textopsx.c's includes do not define (no _GNU_SOURCE): on Kamailio 5.6.3
 * the match is always case-sensitive (checked on the binary: `fnmatch("Hello", "hello", "i")`
 * is -1).
 */
const fnmatch: FunctionImpl = {
  compile(args) {
    const value = (args[0] as CallArg).str();
    const pattern = (args[1] as CallArg).str();
    const flags = args[2]?.str();
    return (ctx) => {
      flags?.(ctx);
      return globMatch(pattern(ctx), value(ctx)) ? 1 : -1;
    };
  },
};

/**
 * keep_hf([re]) (keep_hf_helper): removes every header but the mandatory ones (From, To,
 * Call-ID, CSeq, Via, Contact, Content-Length, Content-Type, Route, Record-Route, Max-Forwards)
 * and those whose name matches the regex (textops' flags); it always returns −1, as Kamailio's
 * does.
 */
const MANDATORY = new Set([
  "from",
  "to",
  "call-id",
  "cseq",
  "via",
  "contact",
  "content-length",
  "content-type",
  "route",
  "record-route",
  "max-forwards",
]);

const keep_hf: FunctionImpl = {
  compile(args, env) {
    const arg = args[0];
    let re: ReturnType<typeof compileRegex> | undefined;
    if (arg) {
      re = compileRegex(arg.literal ?? "", { icase: true, newline: true });
      if (!re.ok) env.fixupError(`fixup_regexp_null(): bad re ${arg.literal ?? ""}`, arg.node.span);
    }
    return (ctx) => {
      const v = msgView(ctx.msg);
      if (v?.fields === undefined) {
        ctx.sv.log.module(
          ctx.proc,
          L_ERR,
          "textopsx",
          "textopsx.c:457",
          "keep_hf_helper",
          "Error while parsing message",
          whereIn(ctx),
        );
        return -1;
      }
      for (const f of v.fields) {
        if (MANDATORY.has(f.key)) continue;
        if (re?.ok && re.re.test(f.name)) continue;
        delLump(ctx.msg, f.start, f.end - f.start);
      }
      return -1;
    };
  },
};

export const textopsxRuntime = defineRuntime(textopsxModule, {
  create() {
    return {
      functions: { msg_apply_changes, remove_body, fnmatch, keep_hf, ...hfIteratorFunctions },
      pvars: { hfitname: hfIteratorPv("name"), hfitbody: hfIteratorPv("body") },
    };
  },
});
