/**
 * What compiled transformations share: the compile environment (PV parameters, the config line
 * Kamailio prints), their error lines, run-time parameter values, and the per-process state
 * pv_trans.c keeps in static variables.
 */

import { L_ERR } from "../../base/log-levels.js";
import type { PvSpec } from "../../lang/pv-spec.js";
import type { ScriptContext } from "../context.js";
import { whereIn } from "../services.js";
import type { Value } from "../values.js";
import { bytesOf, toBytes } from "./bytes.js";
import type { TrParam } from "./parse.js";

/**
 * One transformation, applied to a value that is not `<null>` (every class fails on `<null>`,
 * and the chain stops there). Strings in and out are byte strings (bytes.ts): a chain passes
 * bytes from one transformation to the next, as Kamailio does, and runChain() turns the last
 * one back into text. Returns undefined when Kamailio's tr_eval_*() fails: the whole reference
 * then has no value (xlog prints nothing for it).
 */
export type Transform = (v: number | string, ctx: ScriptContext) => number | string | undefined;

/** What compiling a transformation needs from the program being built. */
export interface TransformEnv {
  /** The getter of a PV written as a parameter (`$var(n)` in `{s.substr,$var(n),1}`). */
  pv(spec: PvSpec): (ctx: ScriptContext) => Value | undefined;
  /**
   * The line printed in `(cfg line: N)`: the line Kamailio records for the action running
   * (CompileEnv.actionLine, see cfg-pos.ts actionLine()).
   */
  line: number;
}

/** Reads PV parameters as failing getters and prints line 0: enough to tell what is simulated. */
export const CHECK_ENV: TransformEnv = { pv: () => () => undefined, line: 0 };

/** An ERROR line of the pv module: `pv [pv_trans.c:LINE]: FN(): text`. */
export function trError(ctx: ScriptContext, line: number, fn: string, text: string): void {
  ctx.sv.log.module(ctx.proc, L_ERR, "pv", `pv_trans.c:${line}`, fn, text, whereIn(ctx));
}

/** An ERROR line of the core (`<core> [core/FILE:LINE]: FN(): text`), for its parsers and strutils. */
export function coreError(ctx: ScriptContext, at: string, fn: string, text: string): void {
  ctx.sv.log.core(ctx.proc, L_ERR, at, fn, text, whereIn(ctx));
}

/** A run-time reader of one parameter. */
export type ParamFn<T> = (ctx: ScriptContext) => T | undefined;

/**
 * An int parameter: a literal, or a PV whose value is an int (`!(v.flags&PV_VAL_INT)` fails:
 * a string such as "2" does not do).
 */
export function intParam(p: TrParam, env: TransformEnv): ParamFn<number> {
  if (p.kind === "int") {
    const n = p.n;
    return () => n;
  }
  if (p.kind === "str") return () => undefined;
  const get = env.pv(p.spec);
  return (ctx) => {
    const v = get(ctx);
    return typeof v === "number" ? v : undefined;
  };
}

/**
 * A string parameter, as a byte string: a literal, or a PV with a non-empty value
 * (`!(v.flags&PV_VAL_STR) || v.rs.len<=0` fails; an int has its printed form).
 */
export function strParam(p: TrParam, env: TransformEnv): ParamFn<string> {
  if (p.kind === "str") {
    const s = toBytes(p.s);
    return () => s;
  }
  if (p.kind === "int") return () => undefined;
  const get = env.pv(p.spec);
  return (ctx) => {
    const v = get(ctx);
    if (v === null || v === undefined) return undefined;
    const s = typeof v === "string" ? toBytes(v) : bytesOf(v);
    return s === "" ? undefined : s;
  };
}

/** pv_trans.c's static caches that change what a script sees, one set per Kamailio process. */
export interface TrProcessState {
  /** tr_eval_paramlist()'s last list: a failed parse stays failed for the same text. */
  params?: { text: string; sep: string; list: ParamItem[] | undefined };
  /** tr_eval_nameaddr()'s last name-addr, kept even when parse_nameaddr() failed half way. */
  nameaddr?: { text: string; parts: NameAddrParts };
}

/** One parsed parameter: its name and its body (undefined for a bare name such as `lr`). */
export interface ParamItem {
  name: string;
  body?: string;
}

/** The three things a name-addr transformation prints (name_addr_t). */
export interface NameAddrParts {
  name: string;
  uri: string;
  len: number;
}

const KEY = "pv:transformations";

/** This process's pv_trans.c state. */
export function processState(ctx: ScriptContext): TrProcessState {
  let s = ctx.proc.local.get(KEY) as TrProcessState | undefined;
  if (!s) {
    s = {};
    ctx.proc.local.set(KEY, s);
  }
  return s;
}
