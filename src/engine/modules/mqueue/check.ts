/**
 * mqueue's checks: queue definitions are parsed as Kamailio parses them at `modparam` time,
 * and a queue named by a literal in `mq_*` or `$mqk/$mqv/$mq_size` must be defined — Kamailio
 * only finds that out at run time ("mqueue not found"), so it is a warning here.
 */

import type { Span } from "../../base/source.js";
import type { Expr } from "../../lang/ast.js";
import type { PvSpec } from "../../lang/pv-spec.js";
import type { ModuleCheckContext, ModuleChecker } from "../types.js";
import { MqueueTable } from "./params.js";

export function createMqueueChecker(): ModuleChecker {
  const table = new MqueueTable();
  const mentioned: { name: string; span: Span; pv: boolean }[] = [];
  return {
    modparam(param, value, span, ctx) {
      const err = table.modparam(param, value);
      if (err) ctx.error("bad_modparam", `${err}: Can't set module parameter`, span);
    },
    call(_name: string, args: readonly Expr[]) {
      const q = args[0];
      if (q?.kind === "StringLit" && !q.value.includes("$")) mentioned.push({ name: q.value, span: q.span, pv: false });
    },
    pvar(spec: PvSpec, span: Span) {
      if (spec.inner !== undefined && !spec.inner.includes("$")) mentioned.push({ name: spec.inner, span, pv: true });
    },
    finish(ctx: ModuleCheckContext) {
      if (table.queues.length === 0) ctx.warning("no_mqueue", "mod_init(): no mqueue defined", ctx.loadSpan);
      for (const m of mentioned) {
        if (table.has(m.name)) continue;
        const where = m.pv ? "pv_get_mqk()" : "mq_item_add()";
        ctx.warning("unknown_mqueue", `${where}: mqueue not found: ${m.name}`, m.span);
      }
    },
  };
}
