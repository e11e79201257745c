/**
 * One acc log record, as acc_log_request() (modules/acc/acc.c) writes it: `<text>timestamp=<unix
 * seconds>` then `;name=value` for the core attributes (method from CSeq, From tag, To tag,
 * Call-ID, code, reason — core2strar()) and the `log_extra` ones, at `log_level` (NOTICE by
 * default) from the acc module (`acc [acc.c:287]: acc_log_request(): `).
 */
import type { ScriptContext } from "../../runtime/context.js";
import type { PvAccess } from "../../runtime/env.js";
import { nowIn, whereIn } from "../../runtime/services.js";
import { toStr } from "../../runtime/values.js";

/** ACC_REQUEST, ACC_MISSED, ACC_ANSWERED, ACC_ACKED of acc.h, and the acc event type of each. */
export const ACC_TEXT = {
  request: "ACC: request accounted: ",
  missed: "ACC: call missed: ",
  transaction: "ACC: transaction answered: ",
  failed: "ACC: transaction answered: ",
  acked: "ACC: request acknowledged: ",
} as const;

export type AccKind = keyof typeof ACC_TEXT;

/** What acc_env holds for one record besides the request: the To header's tag, code and reason. */
export interface AccEnv {
  /** The To tag written (the reply's To, or the request's, or tm's own for a local reply). */
  toTag: string;
  /** The code as text (`code_s`): empty when a comment had none. */
  code: string;
  reason: string;
}

/** Where a process keeps acc_env.to_tag, the To tag of the last missed call tm answered itself. */
export const LAST_TO_TAG = "acc.to_tag";

/** The module's settings a record needs. */
export interface AccLog {
  level: number;
  extras: readonly { name: string; pv: PvAccess }[];
}

/** Writes the record for the request `ctx` runs on, and the `acc` event. */
export function writeAccRecord(log: AccLog, ctx: ScriptContext, kind: AccKind, env: AccEnv): void {
  const msg = ctx.msg;
  const t = nowIn(ctx);
  const extra: Record<string, string> = {};
  const core: [string, string][] = [
    ["method", msg.cseq?.method ?? ""],
    ["from_tag", msg.from?.tag ?? ""],
    // core2strar(): an empty To tag falls back to acc_env.to_tag, a static of the process.
    ["to_tag", env.toTag !== "" ? env.toTag : ((ctx.proc.local.get(LAST_TO_TAG) as string | undefined) ?? "")],
    ["call_id", msg.callId ?? ""],
    ["code", env.code],
    ["reason", env.reason],
  ];
  let text = `${ACC_TEXT[kind]}timestamp=${unixSeconds(ctx, t)}`;
  for (const [k, v] of core) text += `;${k}=${v}`;
  for (const x of log.extras) {
    const v = x.pv.get(ctx);
    const s = v === null || v === undefined ? "" : toStr(v);
    extra[x.name] = s;
    text += `;${x.name}=${s}`;
  }
  ctx.sv.log.module(ctx.proc, log.level, "acc", "acc.c:287", "acc_log_request", text, whereIn(ctx));
  const k = ctx.sv.kernel;
  if (k.wants.acc) {
    const code = Number.parseInt(env.code, 10);
    k.emit({
      kind: "acc",
      t,
      type: kind,
      method: core[0]?.[1] ?? "",
      code: Number.isNaN(code) ? 0 : code,
      reason: env.reason,
      callId: msg.callId ?? "",
      fromTag: msg.from?.tag ?? "",
      toTag: core[2]?.[1] ?? "",
      extra,
      proc: ctx.proc.index,
    });
  }
}

/** gettimeofday()'s seconds in virtual time (services.ts clockPhase). */
function unixSeconds(ctx: ScriptContext, t: number): number {
  return ctx.sv.epoch + Math.floor((t + ctx.sv.clockPhase) / 1_000_000);
}
