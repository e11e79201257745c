/**
 * xlog at run time (spec §6): the level is checked before the format is evaluated (a filtered
 * line has no side effects), the `prefix` parameter goes before the text, `xlogl` adds the
 * config line, and a format without a final newline glues the next line onto this one.
 */

import { parsePvAt } from "../../lang/pv-spec.js";
import type { ScriptContext } from "../../runtime/context.js";
import type { CallArg, CompileEnv, FunctionImpl, ScriptFunction } from "../../runtime/env.js";
import { compileFormat, type StringFn } from "../../runtime/format.js";
import { whereIn } from "../../runtime/services.js";
import { L_ALERT, L_BUG, L_CRIT2, L_DBG, L_ERR, L_INFO, L_NOTICE, L_WARN } from "../../sim/log.js";
import type { ModuleInstance, ModuleRuntime, ModuleSetup } from "../runtime-types.js";

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

const FIXED: Readonly<Record<string, number>> = {
  xdbg: L_DBG,
  xinfo: L_INFO,
  xnotice: L_NOTICE,
  xwarn: L_WARN,
  xerr: L_ERR,
  xbug: L_BUG,
  xcrit: L_CRIT2,
  xalert: L_ALERT,
};

interface XlogSettings {
  prefix: string;
  longFormat: boolean;
  /** The core `debug` level (fixed for a run). */
  debug: number;
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
      const fmt: StringFn = compileFormat(fmtArg.literal ?? "", env, fmtArg.node.span);
      const fixed = args.length === 1 ? L_ERR : literalLevel(args[args.length - 2] as CallArg);
      if (fixed !== undefined && s.debug < fixed) return () => 1;
      const level: LevelFn = fixed !== undefined ? () => fixed : pvLevel(args[args.length - 2] as CallArg, env);
      return (ctx) => {
        const lev = level(ctx);
        if (lev === undefined) return -1;
        if (!ctx.sv.log.enabled(lev)) return 1;
        emit(ctx, lev, fmt(ctx), s, line, file);
        return 1;
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
      const fmt = compileFormat(a.literal ?? "", env, a.node.span);
      if (s.debug < level) return () => 1;
      return (ctx) => {
        if (!ctx.sv.log.enabled(level)) return 1;
        emit(ctx, level, fmt(ctx), s, line, file);
        return 1;
      };
    },
  };
}

export const xlogRuntime: ModuleRuntime = {
  name: "xlog",
  create(setup: ModuleSetup): ModuleInstance {
    const s: XlogSettings = { prefix: "<script>: ", longFormat: false, debug: setup.core.debug };
    for (const p of setup.params) {
      if (p.name === "prefix") s.prefix = String(p.value);
      if (p.name === "long_format") s.longFormat = Number(p.value) === 1;
    }
    const functions: Record<string, FunctionImpl> = {
      xlog: xlogImpl(s, false),
      xlogl: xlogImpl(s, true),
      // xlogm logs only for methods not in methods_filter; its default (-1) filters everything.
      xlogm: { compile: () => () => 1 },
      xdbgl: fixedImpl(s, L_DBG, true),
    };
    for (const [name, level] of Object.entries(FIXED)) functions[name] = fixedImpl(s, level, false);
    return { functions };
  },
};
