/**
 * sanity's reply (modules/sanity/sanity.c sanity_reply(), ki_sanity_reply()): a failing check
 * answers a request through sl — never a reply or an ACK, never a message marked FL_MSG_NOREPLY —
 * or, with `noreply` set, keeps the code and reason for sanity_reply() to send later.
 */
import { L_INFO } from "../../base/log-levels.js";
import type { ScriptContext } from "../../runtime/context.js";
import { FL_MSG_NOREPLY, hasMsgFlag } from "../../runtime/msg-flags.js";
import { whereIn } from "../../runtime/services.js";
import type { SipMessage } from "../../sip/sip-message.js";
import { addReplyLump } from "../lumps.js";
import { slSendReply } from "../sl/send.js";

/** Sends (or keeps) a check's reply: 0 done, -1 sl could not send it. */
export interface SanityReply {
  (ctx: ScriptContext, code: number, reason: string): number;
  /** add_lump_rpl(): a header line for the reply (the 420's `Unsupported:`). */
  lump(ctx: ScriptContext, line: string): void;
}

/** The reply kept for sanity_reply() (ksr_sanity_info_t): for one message only. */
interface KeptReply {
  code: number;
  /** At most 127 characters, as the C buffer keeps it. */
  reason: string;
  msg: SipMessage;
}

/** sanity's reply and sanity_reply() over one instance's kept reply. */
export function createSanityReply(noreply: boolean): {
  reply: SanityReply;
  sanityReply(ctx: ScriptContext): number;
  reset(): void;
} {
  let kept: KeptReply | undefined;
  const skip = (ctx: ScriptContext) => ctx.msg.reply !== undefined || ctx.msg.method === "ACK";
  const reply = ((ctx: ScriptContext, code: number, reason: string): number => {
    if (skip(ctx)) return 0;
    if (noreply) {
      kept = { code, reason: reason.slice(0, 127), msg: ctx.msg };
      return 0;
    }
    if (hasMsgFlag(ctx, FL_MSG_NOREPLY)) return 0;
    return slSendReply(ctx, code, reason) < 0 ? -1 : 0;
  }) as SanityReply;
  reply.lump = (ctx, line) => addReplyLump(ctx.msg, line);
  return {
    reply,
    reset: () => {
      kept = undefined;
    },
    sanityReply(ctx) {
      if (skip(ctx) || !noreply || hasMsgFlag(ctx, FL_MSG_NOREPLY)) return 1;
      if (kept === undefined || kept.msg !== ctx.msg) {
        const text = "no sanity reply info set - sending 500";
        ctx.sv.log.module(ctx.proc, L_INFO, "sanity", "sanity.c:82", "ki_sanity_reply", text, whereIn(ctx));
        return slSendReply(ctx, 500, "Server Sanity Failure") < 0 ? -1 : 1;
      }
      return slSendReply(ctx, kept.code, kept.reason) < 0 ? -1 : 1;
    },
  };
}

/**
 * str2valid_uint(): at most 10 decimal digits, compared digit by digit with "4294967296" — so
 * that value itself passes (it wraps to 0 in C) and anything above it fails. Undefined if invalid.
 */
export function strToValidUint(text: string): number | undefined {
  if (text.length > 10) return undefined;
  const max = "4294967296";
  let equal = text.length === 10;
  let result = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
    if (equal) {
      const m = max.charCodeAt(i);
      if (c < m) equal = false;
      else if (c > m) return undefined;
    }
    result = (result * 10 + (c - 48)) >>> 0;
  }
  return result;
}
