/**
 * acc at run time (docs/kamailio/acc.md): acc_log_request() (modules/acc/acc_logic.c
 * w_acc_log_request()) writes a record for the request it runs on; the flag-driven records of
 * transactions are written from tm's callbacks (tm-hooks.ts).
 */
import { L_NOTICE } from "../../base/log-levels.js";
import type { CallArg, CompileEnv, FunctionImpl } from "../../runtime/env.js";
import { defineRuntime } from "../runtime-types.js";
import { accModule } from "./def.js";
import { parseAccExtra } from "./extra.js";
import { type AccLog, writeAccRecord } from "./record.js";
import { hookTm } from "./tm-hooks.js";

/** The module parameters kamsim reads (acc_mod.c's defaults). */
export interface AccSettings {
  logFlag: number;
  logMissedFlag: number;
  failedFlag: number;
  level: number;
  logExtra: string;
  earlyMedia: boolean;
  reportAck: boolean;
  reportCancels: boolean;
  /** failed_filter: codes never accounted as failed transactions. */
  failedFilter: number[];
}

function settingsOf(params: readonly { name: string; value: string | number }[]): AccSettings {
  const s: AccSettings = {
    logFlag: -1,
    logMissedFlag: -1,
    failedFlag: -1,
    level: L_NOTICE,
    logExtra: "",
    earlyMedia: false,
    reportAck: false,
    reportCancels: false,
    failedFilter: [],
  };
  for (const p of params) {
    const n = Number(p.value) | 0;
    if (p.name === "log_flag") s.logFlag = n;
    else if (p.name === "log_missed_flag") s.logMissedFlag = n;
    else if (p.name === "failed_transaction_flag") s.failedFlag = n;
    else if (p.name === "log_level") s.level = n;
    else if (p.name === "log_extra") s.logExtra = String(p.value);
    else if (p.name === "early_media") s.earlyMedia = n !== 0;
    else if (p.name === "report_ack") s.reportAck = n !== 0;
    else if (p.name === "report_cancels") s.reportCancels = n !== 0;
    else if (p.name === "failed_filter")
      s.failedFilter = String(p.value)
        .split(",")
        .map((c) => Number(c) | 0);
  }
  return s;
}

/**
 * acc_parse_code(): a comment starting with three digits gives the code, the reason being what
 * follows after blanks; otherwise the code is empty and the whole comment is the reason.
 */
export function parseComment(text: string): { code: string; reason: string } {
  if (/^[0-9]{3}/.test(text)) return { code: text.slice(0, 3), reason: text.slice(3).replace(/^[ \t\n\r\f\v]+/, "") };
  return { code: "", reason: text };
}

export const accRuntime = defineRuntime(accModule, {
  create(setup) {
    const s = settingsOf(setup.params);
    let log: AccLog | undefined;
    /** log_extra's PVs compiled once, from whichever environment comes first. */
    const logOf = (env: CompileEnv): AccLog => {
      if (log) return log;
      const parsed = parseAccExtra(s.logExtra);
      const extras = Array.isArray(parsed)
        ? parsed.map((x) => ({ name: x.name, pv: env.pv(x.spec, { file: 0, start: 0, end: 0 }) }))
        : [];
      log = { level: s.level, extras };
      return log;
    };
    const acc_log_request: FunctionImpl = {
      compile(args, env) {
        const comment = (args[0] as CallArg).str();
        const l = logOf(env);
        return (ctx) => {
          const c = parseComment(comment(ctx));
          writeAccRecord(l, ctx, "request", { toTag: ctx.msg.to?.tag ?? "", ...c });
          return 1;
        };
      },
    };
    return {
      functions: { acc_log_request },
      start(host) {
        hookTm(host, s, logOf(host.env));
      },
    };
  },
});
