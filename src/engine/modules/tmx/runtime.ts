/**
 * tmx at run time (modules/tmx/tmx_mod.c, t_var.c, tmx_pretran.c, 5.6.3): t_precheck_trans(),
 * the route-type checks, and the $T* pseudo-variables read from tm's state of the run.
 */

import { L_ERR } from "../../base/log-levels.js";
import type { PvSpec } from "../../lang/pv-spec.js";
import { parsePvAt } from "../../lang/pv-spec.js";
import type { ScriptContext } from "../../runtime/context.js";
import { branchCount } from "../../runtime/dset.js";
import type { FunctionImpl, PvAccess, PvImpl } from "../../runtime/env.js";
import { whereIn } from "../../runtime/services.js";
import type { Value } from "../../runtime/values.js";
import type { SipMessage } from "../../sip/sip-message.js";
import { defineRuntime } from "../runtime-types.js";
import { requestOf } from "../sl/send.js";
import { errorText } from "../tm/build.js";
import { FAKED_REPLY } from "../tm/cell.js";
import { tmOf } from "../tm/msg-state.js";
import { tmxModule } from "./def.js";

function fn0(run: (ctx: ScriptContext) => number): FunctionImpl {
  return { compile: () => run };
}

/** A read-only PV from a getter. */
function ro(get: (ctx: ScriptContext) => Value | undefined): PvImpl {
  return { compile: (): PvAccess => ({ get }) };
}

/**
 * $T_req(pv) / $T_rpl(pv) / $T_inv(pv): the inner PV evaluated on another message of the
 * transaction (pv_get_t_var_req()...: a context whose message is that one); <null> without it.
 */
function onOther(pick: (ctx: ScriptContext) => SipMessage | undefined): PvImpl {
  return {
    compile(spec, env) {
      const text = spec.inner ?? "";
      const parsed = parsePvAt(text, 0, true);
      if ("error" in parsed) return { get: () => null };
      const inner = env.pv(parsed.spec, { file: 0, start: 0, end: 0 });
      return {
        get(ctx) {
          const msg = pick(ctx);
          if (msg === undefined) return null;
          const saved = ctx.msg;
          ctx.msg = msg;
          try {
            return inner.get(ctx);
          } finally {
            ctx.msg = saved;
          }
        },
      };
    },
  };
}

/** pretran's key (tmx_pretran.c): Call-ID, CSeq number, method (ACK as INVITE), top Via branch. */
function pretranKey(ctx: ScriptContext): string | undefined {
  const req = requestOf(ctx);
  const via = req?.via;
  if (req === undefined || via === undefined) return undefined;
  const branch = via.params.find((p) => p.name.toLowerCase() === "branch")?.value ?? "";
  return `${req.callId}\u0000${req.cseq?.num}\u0000${req.method}\u0000${branch}\u0000${via.host}`;
}

export const tmxRuntime = defineRuntime(tmxModule, {
  create() {
    // tmx_pretran.c: each SIP worker holds the key of the request it is handling now; another
    // worker holding the same key means this one is a retransmission arriving meanwhile.
    const handling = new Map<number, string>();
    const functions = {
      t_precheck_trans: fn0((ctx) => {
        if (ctx.msg.method === "ACK" || ctx.msg.method === "CANCEL") return -1;
        const key = pretranKey(ctx);
        if (key === undefined) return -1;
        for (const [proc, k] of handling) if (proc !== ctx.proc.index && k === key) return 1;
        handling.set(ctx.proc.index, key);
        return -1;
      }),
      t_is_failure_route: fn0((ctx) => (tmOf(ctx).kind === "failure" ? 1 : -1)),
      t_is_branch_route: fn0((ctx) => (tmOf(ctx).kind === "branch" ? 1 : -1)),
      t_is_reply_route: fn0((ctx) => (ctx.msg.reply !== undefined ? 1 : -1)),
      t_is_request_route: fn0((ctx) => (tmOf(ctx).kind === "request" && ctx.msg.reply === undefined ? 1 : -1)),
      t_flush_flags: fn0((ctx) => {
        const t = tmOf(ctx).t;
        if (t === undefined) return -1;
        t.msgFlags = ctx.msgFlags;
        return 1;
      }),
    };
    const replyOf = (ctx: ScriptContext): SipMessage | undefined => {
      const s = tmOf(ctx);
      if (s.reply !== undefined && s.reply !== FAKED_REPLY) return s.reply;
      if (ctx.msg.reply !== undefined) return ctx.msg;
      const t = s.t;
      if (t === undefined || t.relayedReplyBranch < 0) return undefined;
      const r = t.uacs[t.relayedReplyBranch]?.reply;
      return r === FAKED_REPLY ? undefined : r;
    };
    const pvars = {
      // pv_get_tm_branch_idx() (t_var.c): a reply's branch; in a branch route its index; in the
      // request route the number of appended branches; in a failure route the transaction's
      // branches plus those appended since.
      T_branch_idx: ro((ctx) => {
        const s = tmOf(ctx);
        if (ctx.msg.reply !== undefined || s.kind === "branch" || s.kind === "branch_failure") return s.branch;
        if (s.kind === "failure") return s.t ? s.t.uacs.length + branchCount(ctx) : null;
        return branchCount(ctx);
      }),
      T_reply_ruid: ro(() => null),
      // pv_get_tm_reply_code(): the failure route's winning code; in a reply route the reply's;
      // elsewhere the status sent upstream.
      T_reply_code: ro((ctx) => {
        const s = tmOf(ctx);
        if (s.kind === "failure" || s.kind === "branch_failure") return s.replyCode;
        if (ctx.msg.reply !== undefined) return Number(ctx.msg.reply.status);
        return s.t?.uas.status ?? 0;
      }),
      // pv_get_tm_reply_reason() (t_var.c): no T → ""; a reply's reason; in a failure route the
      // picked reply's (error_text() for one tm made); elsewhere an error and no value.
      T_reply_reason: ro((ctx) => {
        const s = tmOf(ctx);
        if (s.t === undefined) return "";
        if (ctx.msg.reply !== undefined) return ctx.msg.reply.reason;
        if (s.kind === "failure") {
          if (s.reply === FAKED_REPLY || s.reply === undefined) return errorText(s.replyCode);
          return s.reply.reply?.reason ?? "";
        }
        const type = s.kind === "branch_failure" ? 256 : s.kind === "branch" ? 8 : 1;
        ctx.sv.log.module(
          ctx.proc,
          L_ERR,
          "tmx",
          "t_var.c:612",
          "pv_get_tm_reply_reason",
          `unsupported route_type ${type}`,
          whereIn(ctx),
        );
        return undefined;
      }),
      T_reply_last: ro((ctx) => {
        const s = tmOf(ctx);
        const t = s.t;
        if (t === undefined) return null;
        const b = s.branch >= 0 ? s.branch : t.uacs.length - 1;
        return t.uacs[b]?.lastReceived ?? null;
      }),
      T_req: onOther((ctx) => tmOf(ctx).t?.request),
      T_rpl: onOther(replyOf),
      T_inv: onOther(() => undefined),
      T: {
        compile(spec: PvSpec): PvAccess {
          const name = spec.inner ?? "";
          return {
            get(ctx) {
              const s = tmOf(ctx);
              const t = s.t;
              switch (name) {
                case "id_index":
                  return t ? t.hashIndex : null;
                case "id_label":
                  return t ? t.label : null;
                case "id_index_n":
                  return t ? t.hashIndex : 0;
                case "id_label_n":
                  return t ? t.label : 0;
                case "reply_code":
                  return s.kind === "failure" ? s.replyCode : (t?.uas.status ?? null);
                case "reply_reason":
                  return t?.uas.reason || null;
                case "reply_type":
                  return s.reply === FAKED_REPLY ? 1 : 0;
                case "branch_index":
                  return Math.max(s.branch, 0);
                case "ruid":
                  return null;
                default:
                  return null;
              }
            },
          };
        },
      },
      T_branch: {
        compile(spec: PvSpec): PvAccess {
          const name = spec.inner ?? "";
          return {
            get(ctx) {
              const s = tmOf(ctx);
              const u = s.t?.uacs[s.branch];
              if (u === undefined) return null;
              switch (name) {
                case "flags":
                  return u.branchFlags;
                case "uri":
                  return u.uri;
                default:
                  return null;
              }
            },
          };
        },
      },
    };
    return {
      functions,
      pvars,
      postScript: (ctx) => {
        // tmx_pretran_unlink(): the worker is done with its request.
        handling.delete(ctx.proc.index);
      },
    };
  },
});
