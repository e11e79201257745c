/**
 * What the core does with a reply after its onreply_route (receive_msg(), core/receive.c): a
 * negative return is an error (a warning, no forwarding), 0 or `drop` stops the reply;
 * otherwise forward_reply() (core/forward.c do_forward_reply()): modules' response callbacks
 * first (tm takes the replies of its transactions), else the reply is forwarded statelessly:
 * its first Via removed, sent to the second Via (update_sock_struct_from_via(),
 * forward-reply.ts). Without a second Via it is dropped (a debug line only).
 */
import { L_NOTICE, L_WARN } from "../base/log-levels.js";
import type { ModuleInstance } from "../modules/runtime-types.js";
import { DROP_R_F, type ScriptContext } from "../runtime/context.js";
import type { Services } from "../runtime/services.js";
import { statelessForward } from "./forward-reply.js";
import type { Network } from "./network.js";

/** What the core's reply path needs from the simulation. */
export interface ReplyPath {
  sv: Services;
  net: Network;
  /** The module instances with a response callback (onReply), in load order. */
  replyHooks: readonly ModuleInstance[];
}

/** The end of the core onreply_route (`ran`: the config has one) with its return value. */
export function afterReplyRoute(p: ReplyPath, ctx: ScriptContext, ran: boolean, ret: number): void {
  if (ran) {
    if (ret < 0) {
      p.sv.log.core(ctx.proc, L_WARN, "receive.c:598", "receive_msg", "error while trying onreply script", {
        t: ctx.start + ctx.cost,
        req: ctx.req,
        prefix: ctx.logPrefix,
      });
      return;
    }
    if (ret === 0 || ctx.flags & DROP_R_F) return;
  }
  forwardReply(p, ctx);
}

/** forward_reply(): a module's callback takes the reply, or it is forwarded statelessly. */
function forwardReply(p: ReplyPath, ctx: ScriptContext): void {
  for (const inst of p.replyHooks) if (inst.onReply?.(ctx)) return;
  const fwd = statelessForward(ctx.msg);
  if (fwd === undefined) return;
  if ("unresolved" in fwd) {
    const text = `resolve_host(${fwd.unresolved}) failure`;
    p.sv.log.core(ctx.proc, L_NOTICE, "forward.c:721", "update_sock_struct_from_via", text, {
      t: ctx.start + ctx.cost,
      req: ctx.req,
      prefix: ctx.logPrefix,
    });
    return;
  }
  p.net.send(fwd.to, fwd.text, ctx.start + ctx.cost, { req: ctx.req, proc: ctx.proc.index });
}
