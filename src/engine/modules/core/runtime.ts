/**
 * The core's script actions kamsim simulates (action.c): `log`, message flags, R-URI
 * rewriting (docs/kamailio/request-uri.md#rewriting-actions). Every other core action is known to the checker and runs as "not simulated".
 */

import { L_DBG, L_NOTICE, L_WARN } from "../../base/log-levels.js";
import type { ScriptContext } from "../../runtime/context.js";
import { logTelPort } from "../../runtime/core-log.js";
import type { CallArg, FunctionImpl } from "../../runtime/env.js";
import { FL_ADD_LOCAL_RPORT, FL_FORCE_RPORT, setMsgFlag } from "../../runtime/msg-flags.js";
import { extrasOf } from "../../runtime/pv/extras.js";
import { parseHostPort } from "../../runtime/pv/socket.js";
import { whereIn } from "../../runtime/services.js";
import { toInt } from "../../runtime/values.js";
import { formatUri, isTelUri, type SipUri } from "../../sip/uri.js";
import type { SimulatedCoreAction } from "./def.js";

/** `log([level,] "text")`: level 4 (DEBUG) by default, prefix `<script>: `. */
const log: FunctionImpl = {
  compile(args) {
    const text = (args[args.length - 1] as CallArg).literal ?? "";
    const level = args.length === 2 ? Number((args[0] as CallArg).literal ?? 0) : L_DBG + 1;
    const nl = text.endsWith("\n");
    const body = nl ? text.slice(0, -1) : text;
    return (ctx) => {
      ctx.sv.log.write(ctx.proc, level, `<script>: ${body}`, whereIn(ctx), nl);
      return 1;
    };
  },
};

/** Flags 0..31 (flag_in_range); outside that the action fails. */
function flagAction(op: "set" | "reset" | "is"): FunctionImpl {
  return {
    compile(args) {
      const flag = (args[0] as CallArg).value();
      return (ctx) => {
        const f = toInt(flag(ctx));
        if (f < 0 || f > 31) return -6;
        const bit = 1 << f;
        if (op === "set") ctx.msgFlags |= bit;
        else if (op === "reset") ctx.msgFlags &= ~bit;
        else return ctx.msgFlags & bit ? 1 : -1;
        return 1;
      };
    },
  };
}

/**
 * An action rewriting part of the R-URI (action.c's set*() actions); `edit` returns false where
 * Kamailio fails, and `hostSet` tells formatUri() the host was set (a tel URI then becomes sip).
 */
function rewrite(edit: (u: SipUri, arg: string, ctx: ScriptContext, at: At) => boolean, hostSet = false): FunctionImpl {
  return {
    compile(args, env, call) {
      const value = args[0] ? (args[0] as CallArg).str() : () => "";
      const at: At = { file: env.fileOf(call.span), line: env.pos(call.span).line };
      return (ctx) => {
        const parsed = ctx.msg.uri;
        if (!parsed) return -1;
        const u = { ...parsed };
        if (!edit(u, value(ctx), ctx, at)) return -1;
        ctx.msg.ruri = formatUri(u, hostSet);
        return 1;
      };
    },
  };
}

/** Where a call is, for `run action error at: FILE:LINE`. */
interface At {
  file: string;
  line: number;
}

/** SET_PORT_T: fails on a tel URI; an empty port removes it. */
function setPort(u: SipUri, v: string, ctx: ScriptContext, at: At): boolean {
  if (isTelUri(u)) {
    logTelPort(ctx, at.file, at.line);
    return false;
  }
  if (v === "") delete u.port;
  else u.port = v;
  return true;
}

/** STRIP_T / STRIP_TAIL_T: the user without its first (last) n characters; more than it has is
 * warned about (action.c) and deletes it. */
function stripped(user: string, n: number, ctx: ScriptContext, tail: boolean): string {
  if (n > user.length) {
    // action.c:903 splits its format string in two, which leaves two spaces.
    const [line, what] = tail ? ["903", "strip_tail asked;  "] : ["892", "strip asked; "];
    const text = `too long ${what}deleting username: ${n} of <${user}>`;
    ctx.sv.log.core(ctx.proc, L_WARN, `action.c:${line}`, "do_action", text, whereIn(ctx));
    return "";
  }
  return tail ? user.slice(0, user.length - n) : user.slice(n);
}

const seturi: FunctionImpl = {
  compile(args) {
    const value = (args[0] as CallArg).str();
    return (ctx) => {
      ctx.msg.ruri = value(ctx);
      return 1;
    };
  },
};

const error: FunctionImpl = {
  compile(args) {
    const [a, b] = args.map((x) => x.literal ?? "");
    return (ctx) => {
      ctx.sv.log.core(
        ctx.proc,
        L_NOTICE,
        "action.c:659",
        "do_action",
        `error("${a}", "${b}") not implemented yet`,
        whereIn(ctx),
      );
      return 1;
    };
  },
};

const ok: FunctionImpl = { compile: () => () => 1 };

/** An action that sets one of the message's own flags (runtime/msg-flags.ts) and continues. */
function msgFlag(flag: number): FunctionImpl {
  return {
    compile: () => (ctx) => {
      setMsgFlag(ctx, flag);
      return 1;
    },
  };
}

/**
 * force_send_socket([proto:]host[:port]): route.c fix_actions() resolves the address once at
 * start-up and refuses the config when no listen socket matches (`bad force_send_socket
 * argument: HOST:PORT (kamailio doesn't listen on it)`); action.c then only sets the message's
 * send socket, which `$fs` reads. kamsim listens on one UDP socket, so that is the only match.
 */
const force_send_socket: FunctionImpl = {
  compile(args, env, call) {
    const spec = (args[0] as CallArg).literal ?? "";
    const hp = parseHostPort(spec);
    const listen = env.listen;
    const host = "error" in hp ? "" : hp.host.replace(/^\[(.*)\]$/, "$1");
    const port = "error" in hp ? 0 : hp.port;
    const proto = "error" in hp ? "" : hp.proto;
    const matches =
      listen !== undefined &&
      host === listen.ip &&
      (port === 0 || port === listen.port) &&
      (proto === "" || proto === "udp");
    if (!matches) {
      env.fixupError(
        `bad force_send_socket argument: ${host || spec}:${port} (kamailio doesn't listen on it)`,
        call.span,
      );
    }
    return (ctx) => {
      extrasOf(ctx).forceSocket = true;
      return 1;
    };
  },
};

/** The behaviour of every core action kamsim simulates (def.ts lists them), by name. */
export const coreActionImpls: Readonly<Record<SimulatedCoreAction, FunctionImpl>> = {
  log,
  error,
  setflag: flagAction("set"),
  resetflag: flagAction("reset"),
  isflagset: flagAction("is"),
  seturi,
  rewriteuri: seturi,
  rewritehost: rewrite((u, v) => {
    u.host = v;
    return true;
  }, true),
  sethost: rewrite((u, v) => {
    u.host = v;
    return true;
  }, true),
  rewriteuser: rewrite((u, v) => {
    u.user = v;
    return true;
  }),
  setuser: rewrite((u, v) => {
    u.user = v;
    return true;
  }),
  rewriteport: rewrite(setPort),
  setport: rewrite(setPort),
  prefix: rewrite((u, v) => {
    u.user = v + (u.user ?? "");
    return true;
  }),
  strip: rewrite((u, v, ctx) => {
    u.user = stripped(u.user ?? "", Number(v), ctx, false);
    return true;
  }),
  strip_tail: rewrite((u, v, ctx) => {
    u.user = stripped(u.user ?? "", Number(v), ctx, true);
    return true;
  }),
  // action.c FORCE_RPORT_T / ADD_LOCAL_RPORT_T: flags of the message, read when its reply or
  // the forwarded request is built (msg_translator.c: rport= on the top Via, rport in our Via).
  force_rport: msgFlag(FL_FORCE_RPORT),
  add_rport: msgFlag(FL_FORCE_RPORT),
  add_local_rport: msgFlag(FL_ADD_LOCAL_RPORT),
  // action.c SET_FWD_NO_CONNECT_T, SET_RPL_NO_CONNECT_T, SET_FWD_CLOSE_T, SET_RPL_CLOSE_T: send
  // flags for TCP/TLS connections (SND_F_FORCE_CON_REUSE, SND_F_CON_CLOSE); kamsim sends over
  // UDP only, where they change nothing. Each returns 1 (continue).
  set_forward_no_connect: ok,
  set_reply_no_connect: ok,
  set_forward_close: ok,
  set_reply_close: ok,
  force_send_socket,
};
