/**
 * xlog at run time (docs/kamailio/xlog.md): the level is checked before the format is evaluated (a filtered
 * line has no side effects), the `prefix` parameter goes before the text, `xlogl` adds the
 * config line, and a format without a final newline glues the next line onto this one.
 */

import { L_ALERT, L_BUG, L_CRIT2, L_DBG, L_ERR, L_INFO, L_NOTICE, L_WARN } from "../../base/log-levels.js";
import { parsePvAt } from "../../lang/pv-spec.js";
import type { ScriptContext } from "../../runtime/context.js";
import { logPrintfOverflow } from "../../runtime/core-log.js";
import type { CallArg, CompileEnv, FunctionImpl, ScriptFunction } from "../../runtime/env.js";
import { compileBoundedFormat, type FormatOverflow } from "../../runtime/format.js";
import { whereIn } from "../../runtime/services.js";
import type { ModuleSetup } from "../runtime-types.js";
import { defineRuntime } from "../runtime-types.js";
import { xlogModule } from "./def.js";

/** Level by the third character of `L_XXX` (xlog.c xdbg_fixup_helper). */
const BY_LETTER: Readonly<Record<string, number>> = {
  A: L_ALERT,
  B: L_BUG,
  C: L_CRIT2,
  E: L_ERR,
  W: L_WARN,
  N: L_NOTICE,
  I: L_INFO,
  D: L_DBG,
};

interface XlogSettings {
  prefix: string;
  longFormat: boolean;
  /** The core `debug` level (fixed for a run). */
  debug: number;
  /** `buf_size`: the formatted text must fit in it, with its terminating NUL. */
  bufSize: number;
}

type PrintFn = (ctx: ScriptContext) => string | FormatOverflow;

/** The message format, printed as xlog prints it into its buffer of `buf_size` bytes. */
function messageFormat(arg: CallArg, env: CompileEnv, s: XlogSettings): PrintFn {
  return compileBoundedFormat(arg.literal ?? "", env, arg.node.span, s.bufSize);
}

/** Prints the message, or logs the overflow and returns -1 as xlog_helper does. */
function print(ctx: ScriptContext, level: number, fmt: PrintFn, s: XlogSettings, line?: number, file?: string): number {
  const text = fmt(ctx);
  if (typeof text !== "string") {
    logPrintfOverflow(ctx, text, s.bufSize);
    return -1;
  }
  emit(ctx, level, text, s, line, file);
  return 1;
}

type LevelFn = (ctx: ScriptContext) => number | undefined;

/** The level written as a literal (`"L_INFO"`), or undefined when it is a PV (`"$var(l)"`). */
function literalLevel(arg: CallArg): number | undefined {
  const text = arg.literal ?? "";
  return text.startsWith("$") ? undefined : (BY_LETTER[text[2] ?? ""] ?? L_ERR);
}

/** A PV level (`"$var(l)"`): it must hold an int, else xlog logs an error and returns -1 (xlog.c:322). */
function pvLevel(arg: CallArg, env: CompileEnv): LevelFn {
  const r = parsePvAt(arg.literal ?? "", 0);
  const pv = "spec" in r ? env.pv(r.spec, arg.node.span) : undefined;
  return (ctx) => {
    const v = pv?.get(ctx) ?? null;
    if (typeof v === "number") return v;
    // PV_VAL_STR (4) or PV_VAL_NULL (1): what xlog prints for a non-int level.
    const flags = v === null ? 1 : 4;
    ctx.sv.log.module(
      ctx.proc,
      L_ERR,
      "xlog",
      "xlog.c:322",
      "xlog_2_helper",
      `invalid log level value [${flags}]`,
      whereIn(ctx),
    );
    return undefined;
  };
}

function emit(ctx: ScriptContext, level: number, text: string, s: XlogSettings, line?: number, file?: string): void {
  const nl = text.endsWith("\n");
  const body = nl ? text.slice(0, -1) : text;
  const where = line === undefined ? "" : s.longFormat ? `${file}:${line}:` : `${line}:`;
  ctx.sv.log.write(ctx.proc, level, s.prefix + where + body, whereIn(ctx), nl);
}

/**
 * A level known at compile time that `debug` filters out makes the call a constant 1: kamsim has
 * no runtime `debug` change (cfg.set is not simulated), so the check can be done once.
 */
function xlogImpl(s: XlogSettings, withLine: boolean): FunctionImpl {
  return {
    compile(args, env, call): ScriptFunction {
      const line = withLine ? env.pos(call.span).line : undefined;
      const file = env.fileOf(call.span);
      const fmtArg = args[args.length - 1] as CallArg;
      const fmt = messageFormat(fmtArg, env, s);
      const fixed = args.length === 1 ? L_ERR : literalLevel(args[args.length - 2] as CallArg);
      if (fixed !== undefined && s.debug < fixed) return () => 1;
      const level: LevelFn = fixed !== undefined ? () => fixed : pvLevel(args[args.length - 2] as CallArg, env);
      return (ctx) => {
        const lev = level(ctx);
        if (lev === undefined) return -1;
        if (!ctx.sv.log.enabled(lev)) return 1;
        return print(ctx, lev, fmt, s, line, file);
      };
    },
  };
}

function fixedImpl(s: XlogSettings, level: number, withLine: boolean): FunctionImpl {
  return {
    compile(args, env, call): ScriptFunction {
      const line = withLine ? env.pos(call.span).line : undefined;
      const file = env.fileOf(call.span);
      const a = args[0] as CallArg;
      const fmt = messageFormat(a, env, s);
      if (s.debug < level) return () => 1;
      return (ctx) => {
        if (!ctx.sv.log.enabled(level)) return 1;
        return print(ctx, level, fmt, s, line, file);
      };
    },
  };
}

export const xlogRuntime = defineRuntime(xlogModule, {
  create(setup: ModuleSetup) {
    const s: XlogSettings = { prefix: "<script>: ", longFormat: false, debug: setup.core.debug, bufSize: 4096 };
    for (const p of setup.params) {
      if (p.name === "prefix") s.prefix = String(p.value);
      if (p.name === "long_format") s.longFormat = Number(p.value) === 1;
      if (p.name === "buf_size") s.bufSize = Number(p.value);
    }
    return {
      functions: {
        xlog: xlogImpl(s, false),
        xlogl: xlogImpl(s, true),
        // xlogm logs only for methods not in methods_filter; its default (-1) filters everything.
        xlogm: { compile: () => () => 1 },
        xdbgl: fixedImpl(s, L_DBG, true),
        xdbg: fixedImpl(s, L_DBG, false),
        xinfo: fixedImpl(s, L_INFO, false),
        xnotice: fixedImpl(s, L_NOTICE, false),
        xwarn: fixedImpl(s, L_WARN, false),
        xerr: fixedImpl(s, L_ERR, false),
        xbug: fixedImpl(s, L_BUG, false),
        xcrit: fixedImpl(s, L_CRIT2, false),
        xalert: fixedImpl(s, L_ALERT, false),
      },
    };
  },
});
