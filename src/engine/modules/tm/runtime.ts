/**
 * tm at run time: the script functions of modules/tm/tm.c (w_t_relay, w_t_reply, t_check_trans,
 * the t_on_* hooks, the branch and timer checks), the reply hook the core calls for every reply
 * (reply_received()), the end-of-request work (t_unref()) and RPC tm.stats. The transaction
 * machinery is in tm.ts, fwd.ts and reply.ts (docs/kamailio/tm.md).
 */
import { L_CRIT, L_ERR, L_WARN } from "../../base/log-levels.js";
import { compileRegex } from "../../base/regex/index.js";
import type { ScriptContext } from "../../runtime/context.js";
import type { CallArg, FunctionImpl, ScriptFunction } from "../../runtime/env.js";
import { formatKamcmd } from "../../runtime/kamcmd.js";
import { nowIn, whereIn } from "../../runtime/services.js";
import type { HostPort } from "../../runtime/sip-net.js";
import { defineRuntime } from "../runtime-types.js";
import { requestOf } from "../sl/send.js";
import {
  type Cell,
  F_RB_REPLIED,
  F_RB_TIMEOUT,
  T_AUTO_INV_100,
  T_CANCELED,
  T_DISABLE_6xx,
  T_DISABLE_INTERNAL_REPLY,
} from "./cell.js";
import { tmModule } from "./def.js";
import { E_SCRIPT } from "./errors.js";
import { forwardNonack, relay, uriDestination } from "./fwd.js";
import { tmHash } from "./ids.js";
import { retransmitReply, tReply } from "./local-reply.js";
import { REQ_EXIST, REQ_FWDED, REQ_RLSD, REQ_RPLD, tmIfAny, tmOf } from "./msg-state.js";
import { newtran, releaseTransaction } from "./newtran.js";
import { registerTm } from "./registry.js";
import { finalResponse, replyReceived } from "./reply.js";
import { loadContacts, nextContacts } from "./t-serial.js";
import { Tm } from "./tm.js";

/** A function with no arguments. */
function fn0(run: ScriptFunction): FunctionImpl {
  return { compile: () => run };
}

/** The argument's text at run time. */
function strArg(args: readonly CallArg[], i: number): (ctx: ScriptContext) => string {
  const a = args[i];
  return a ? a.str() : () => "";
}

/** An int argument (fixup_var_int_*): its value, or NaN when it does not convert. */
function intArg(args: readonly CallArg[], i: number): (ctx: ScriptContext) => number {
  const a = args[i];
  if (a === undefined) return () => 0;
  const v = a.value();
  return (ctx: ScriptContext) => {
    const x = v(ctx);
    return typeof x === "number" ? x : Number.parseInt(String(x ?? ""), 10);
  };
}

/** T of the run, looked up for a request if not set yet (t_check(): the cell or undefined). */
function currentT(tm: Tm, ctx: ScriptContext): Cell | undefined {
  const s = tmOf(ctx);
  if (s.t !== undefined) return s.t;
  if (ctx.msg.reply !== undefined) return undefined;
  const req = requestOf(ctx);
  const via = req?.via;
  if (!req || !via || req.callId === undefined || req.cseq === undefined) return undefined;
  const t = tm.table.lookupRequest(tmHash(req.callId, req.cseq.num), req, via);
  if (t) {
    s.t = t;
    s.kr |= REQ_EXIST;
  }
  return t;
}

/** The hop named by t_relay("host", "port") (fixup_hostport2proxy; kamsim: an IP). */
function proxyOf(args: readonly CallArg[]): ((ctx: ScriptContext) => HostPort | undefined) | undefined {
  if (args.length < 2) return undefined;
  const host = strArg(args, 0);
  const port = strArg(args, 1);
  return (ctx) => uriDestination(`sip:${host(ctx)}:${port(ctx) || "5060"}`);
}

function makeRelay(tm: Tm): FunctionImpl {
  return {
    compile(args: readonly CallArg[]) {
      const proxy = proxyOf(args);
      return (ctx: ScriptContext) => {
        const p = proxy?.(ctx);
        if (proxy && p === undefined) return -1;
        const s = tmOf(ctx);
        // _w_t_relay_to(): only the request and failure routes relay (reached through route()
        // from elsewhere: "unsupported route type", 0).
        if (s.kind === "branch" || s.kind === "onreply" || !ctx.real) {
          const text = `unsupported route type: ${s.kind === "onreply" ? 4 : s.kind === "branch" ? 8 : 1}`;
          ctx.sv.log.module(ctx.proc, L_CRIT, "tm", "tm.c:1766", "_w_t_relay_to", text, whereIn(ctx));
          return 0;
        }
        // In a failure route only new branches are added.
        if (s.kind === "failure" || s.kind === "branch_failure") {
          const t = s.t;
          if (t === undefined) return -1;
          const r = forwardNonack(tm, ctx, t, p);
          if (r <= 0) {
            s.tmError = r;
            return -1;
          }
          return 1;
        }
        return relay(tm, ctx, p);
      };
    },
  };
}

function makeReply(tm: Tm, create: boolean): FunctionImpl {
  return {
    compile(args: readonly CallArg[]) {
      const code = strArg(args, 0);
      const reason = strArg(args, 1);
      return (ctx: ScriptContext) => {
        const c = Number.parseInt(code(ctx), 10);
        const r = reason(ctx);
        if (ctx.msg.method === "ACK" && ctx.msg.reply === undefined) return -1;
        // ki_t_send_reply(): t_newtran() first; a retransmission goes on to t_reply() all the same.
        if (create && tmOf(ctx).t === undefined) newtran(tm, ctx);
        const t = currentT(tm, ctx);
        if (t === undefined) {
          const text = "cannot send a t_reply to a message for which no T-state has been established";
          ctx.sv.log.module(ctx.proc, L_ERR, "tm", "tm.c:1475", "ki_t_reply", text, whereIn(ctx));
          return -1;
        }
        return tReply(tm, t, Number.isNaN(c) ? 500 : c, r, ctx);
      };
    },
  };
}

/** t_on_failure/t_on_reply/t_on_branch/t_on_branch_failure: on T if it exists, else for the next one. */
function makeHook(key: "onFailure" | "onReply" | "onBranch" | "onBranchFailure"): FunctionImpl {
  return {
    compile(args: readonly CallArg[]) {
      const name = args[0]?.literal ?? "";
      return (ctx: ScriptContext) => {
        const s = tmOf(ctx);
        if (s.t !== undefined && s.kind !== "branch") s.t[key] = name;
        else if (s.t !== undefined && key === "onReply") {
          // In a branch_route it is the branch's own hook (t_on_reply for that uac).
          s.t[key] = name;
        } else s[key] = name;
        return 1;
      };
    },
  };
}

export const tmRuntime = defineRuntime(tmModule, {
  create(setup) {
    const tm = new Tm(setup.sv, setup.params);
    registerTm(setup.sv, tm);
    tm.onFinalResponse = (ref, now, proc) => finalResponse(tm, ref, now, proc);
    const withT =
      (body: (t: Cell, ctx: ScriptContext) => number, none = -1): ScriptFunction =>
      (ctx) => {
        const t = tmOf(ctx).t ?? currentT(tm, ctx);
        return t === undefined ? none : body(t, ctx);
      };
    const relayFn = makeRelay(tm);
    const functions = {
      t_relay: relayFn,
      t_relay_to_udp: relayFn,
      t_newtran: fn0((ctx) => {
        const r = newtran(tm, ctx);
        if (r === E_SCRIPT) {
          ctx.sv.log.module(
            ctx.proc,
            L_ERR,
            "tm",
            "tm.c:1647",
            "w_t_newtran",
            "transaction already in process",
            whereIn(ctx),
          );
          return -1;
        }
        return r;
      }),
      t_reply: makeReply(tm, false),
      t_send_reply: makeReply(tm, true),
      t_retransmit_reply: fn0(withT((t, ctx) => retransmitReply(tm, t, nowIn(ctx), ctx))),
      t_release: fn0(
        withT((t, ctx) => {
          releaseTransaction(tm, ctx, t);
          return 1;
        }),
      ),
      t_lookup_request: fn0((ctx) => (currentT(tm, ctx) ? 1 : -1)),
      t_lookup_cancel: fn0((ctx) => {
        const req = requestOf(ctx);
        const via = req?.via;
        if (!req || !via || req.callId === undefined || req.cseq === undefined) return -1;
        return tm.table.lookupOriginal(tmHash(req.callId, req.cseq.num), req, via) ? 1 : -1;
      }),
      t_check_trans: fn0((ctx) => checkTrans(tm, ctx)),
      t_relay_cancel: fn0((ctx) => {
        if (ctx.msg.method !== "CANCEL") return 1;
        const req = requestOf(ctx);
        const via = req?.via;
        if (!req || !via || req.callId === undefined || req.cseq === undefined) return 1;
        if (!tm.table.lookupOriginal(tmHash(req.callId, req.cseq.num), req, via)) return 1;
        relay(tm, ctx);
        return 0;
      }),
      t_forward_nonack: forwardFn(tm),
      t_forward_nonack_udp: forwardFn(tm),
      t_forward_nonack_uri: forwardFn(tm),
      t_on_failure: makeHook("onFailure"),
      t_on_reply: makeHook("onReply"),
      t_on_branch: makeHook("onBranch"),
      t_on_branch_failure: makeHook("onBranchFailure"),
      t_is_set: {
        compile(args: readonly CallArg[]) {
          const target = args[0]?.literal ?? "";
          return (ctx: ScriptContext) => {
            const s = tmOf(ctx);
            const src = s.t ?? s;
            const v =
              target === "branch_route"
                ? src.onBranch
                : target === "failure_route"
                  ? src.onFailure
                  : target === "onreply_route"
                    ? src.onReply
                    : undefined;
            return v !== undefined ? 1 : -1;
          };
        },
      },
      t_is_canceled: fn0(withT((t) => ((t.flags & T_CANCELED) !== 0 ? 1 : -1))),
      t_check_status: {
        compile(args: readonly CallArg[]) {
          const pattern = strArg(args, 0);
          return (ctx: ScriptContext) => {
            const s = tmOf(ctx);
            let status: string | undefined;
            if (s.kind === "failure" || s.kind === "branch_failure") status = String(s.replyCode);
            else if (ctx.msg.reply !== undefined) status = ctx.msg.reply.status;
            else if (s.t !== undefined) status = String(s.t.uas.status);
            if (status === undefined) return -1;
            const re = compileRegex(pattern(ctx), { icase: true, nosub: true });
            if (!re.ok) return -1;
            return re.re.test(status) ? 1 : -1;
          };
        },
      },
      // In a failure route the picked branch; in tm:branch-failure the failed one.
      t_branch_timeout: fn0((ctx) => {
        const s = tmOf(ctx);
        const u = s.t?.uacs[s.branch];
        return u !== undefined && (u.request.flags & F_RB_TIMEOUT) !== 0 ? 1 : -1;
      }),
      t_branch_replied: fn0((ctx) => {
        const s = tmOf(ctx);
        const u = s.t?.uacs[s.branch];
        return u !== undefined && (u.request.flags & F_RB_REPLIED) !== 0 ? 1 : -1;
      }),
      t_any_timeout: fn0(withT((t) => (t.uacs.some((u) => (u.request.flags & F_RB_TIMEOUT) !== 0) ? 1 : -1))),
      t_any_replied: fn0(withT((t) => (t.uacs.some((u) => (u.request.flags & F_RB_REPLIED) !== 0) ? 1 : -1))),
      t_grep_status: {
        compile(args: readonly CallArg[]) {
          const code = intArg(args, 0);
          return withT((t: Cell, ctx: ScriptContext) => {
            const c = code(ctx);
            return t.uacs.some((u) => u.lastReceived === c) ? 1 : -1;
          });
        },
      },
      t_set_fr: {
        compile(args: readonly CallArg[]) {
          const inv = intArg(args, 0);
          const nonInv = args.length > 1 ? intArg(args, 1) : undefined;
          return (ctx: ScriptContext) => {
            // Not a positive number: the default (t_set_fr() keeps 0 as "default").
            const pos = (x: number) => (Number.isFinite(x) && x > 0 ? x : 0);
            const fi = pos(inv(ctx));
            const f = nonInv ? pos(nonInv(ctx)) : 0;
            const s = tmOf(ctx);
            const t = s.t;
            if (t === undefined) {
              s.frInv = fi;
              if (nonInv) s.fr = f;
              return 1;
            }
            // t_set_fr() with T: change_fr() — running branches' limits move too.
            tm.changeFr(t, fi, f);
            return 1;
          };
        },
      },
      t_reset_fr: fn0((ctx) => {
        const s = tmOf(ctx);
        s.fr = 0;
        s.frInv = 0;
        if (s.t) {
          s.t.frTimeout = tm.cfg.frTimer;
          s.t.frInvTimeout = tm.cfg.frInvTimer;
        }
        return 1;
      }),
      t_drop_replies: fn0(
        withT((t) => {
          t.dropReplies = true;
          return 1;
        }),
      ),
      t_get_status_code: fn0(withT((t) => t.uas.status || -1)),
      t_load_contacts: {
        compile: (args: readonly CallArg[]): ScriptFunction => {
          const mode = args.length > 0 ? intArg(args, 0) : undefined;
          return (ctx) => {
            const m = mode ? mode(ctx) : 0;
            // get_int_fparam() failing (a variable that holds no int): -1, as t_load_contacts().
            if (!Number.isInteger(m)) return -1;
            if (m !== 0 && m !== 1) {
              const text = `invalid load_contact mode: ${m}, please use 0 (standard) or 1 (proportional)`;
              ctx.sv.log.module(ctx.proc, L_ERR, "tm", "t_serial.c:528", "t_load_contacts", text, whereIn(ctx));
              return -1;
            }
            return loadContacts(ctx, tm.cfg, m);
          };
        },
      },
      t_next_contacts: fn0((ctx) => nextContacts(ctx, tm.cfg)),
      t_set_auto_inv_100: flagFn(T_AUTO_INV_100, (s, on) => {
        s.autoInv100 = on;
      }),
      t_set_disable_6xx: flagFn(T_DISABLE_6xx),
      t_set_disable_internal_reply: flagFn(T_DISABLE_INTERNAL_REPLY),
    };
    return {
      functions,
      rpc: {
        "tm.stats": () => {
          const st = tm.stats;
          const current = st.created - st.freed;
          const data = {
            current,
            waiting: st.waiting,
            total: st.created,
            total_local: 0,
            rpl_received: st.rplReceived,
            rpl_generated: st.rplGenerated,
            rpl_sent: st.rplSent,
            "6xx": st.byClass["6xx"],
            "5xx": st.byClass["5xx"],
            "4xx": st.byClass["4xx"],
            "3xx": st.byClass["3xx"],
            "2xx": st.byClass["2xx"],
            created: st.created,
            freed: st.freed,
            delayed_free: st.delayedFree,
          };
          return { ok: true, text: formatKamcmd([data]), data };
        },
      },
      start(host) {
        tm.host = host;
      },
      onReply: (ctx) => replyReceived(tm, ctx),
      postScript: (ctx) => {
        // t_unref(): a transaction the request route made but neither relayed, replied nor
        // released is released, with Kamailio's warning.
        const s = tmIfAny(ctx);
        if (s === undefined || s.t === undefined || s.kind !== "request" || ctx.msg.reply !== undefined) return;
        const kr = s.kr;
        if (kr === 0 || (ctx.msg.method === "ACK" && (kr & REQ_RLSD) === 0)) {
          ctx.sv.log.module(
            ctx.proc,
            L_WARN,
            "tm",
            "t_lookup.c:1523",
            "t_unref",
            "script writer didn't release transaction",
            {
              t: nowIn(ctx),
              req: ctx.req,
            },
          );
          releaseTransaction(tm, ctx, s.t);
        }
        void REQ_FWDED;
        void REQ_RPLD;
      },
      snapshot: () => ({ transactions: tm.table.size, stats: { ...tm.stats, byClass: { ...tm.stats.byClass } } }),
    };
  },
});

/** t_check_trans() of tm.c: 1 for a CANCEL whose INVITE exists, 0 (end of script) for a retransmission. */
function checkTrans(tm: Tm, ctx: ScriptContext): number {
  const s = tmOf(ctx);
  if (s.kind === "failure" || s.kind === "branch" || s.kind === "onreply" || s.kind === "branch_failure") return 1;
  if (ctx.msg.reply !== undefined) return -1;
  const req = requestOf(ctx);
  const via = req?.via;
  if (!req || !via || req.callId === undefined || req.cseq === undefined) return -1;
  const hash = tmHash(req.callId, req.cseq.num);
  if (ctx.msg.method === "CANCEL") return tm.table.lookupOriginal(hash, req, via) ? 1 : -1;
  const t = tm.table.lookupRequest(hash, req, via);
  if (t === undefined) return -1;
  s.t = t;
  s.kr |= REQ_EXIST;
  if (ctx.msg.method === "ACK") {
    tm.callbacks.run("ACK_NEG_IN", t, { req: ctx.msg, t: nowIn(ctx), proc: ctx.proc.index });
    releaseTransaction(tm, ctx, t);
  } else retransmitReply(tm, t, nowIn(ctx), ctx);
  return 0;
}

function forwardFn(tm: Tm): FunctionImpl {
  return {
    compile(args: readonly CallArg[]) {
      const proxy = proxyOf(args);
      return (ctx: ScriptContext) => {
        const t = tmOf(ctx).t;
        if (t === undefined) {
          ctx.sv.log.module(
            ctx.proc,
            L_ERR,
            "tm",
            "tm.c:1375",
            "_w_t_forward_nonack",
            "can't forward when no transaction was set up",
            whereIn(ctx),
          );
          return -1;
        }
        return forwardNonack(tm, ctx, t, proxy?.(ctx));
      };
    },
  };
}

/** t_set_auto_inv_100 / t_set_disable_6xx / t_set_disable_internal_reply: a cell flag, or pending. */
function flagFn(flag: number, pending?: (s: ReturnType<typeof tmOf>, on: boolean) => void): FunctionImpl {
  return {
    compile(args: readonly CallArg[]) {
      const v = intArg(args, 0);
      return (ctx: ScriptContext) => {
        const on = v(ctx) !== 0;
        const s = tmOf(ctx);
        if (s.t) s.t.flags = on ? s.t.flags | flag : s.t.flags & ~flag;
        else pending?.(s, on);
        return 1;
      };
    },
  };
}
