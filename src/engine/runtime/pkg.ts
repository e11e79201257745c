/**
 * Kamailio's private memory (docs/kamailio/memory.md#private-memory): each process allocates what
 * it builds from its own pool of `-M` megabytes (8 by default, config.h PKG_MEM_POOL_SIZE), with
 * the same q_malloc as shared memory. kamsim counts what a script can grow without bound in one
 * process: the strings `+` builds (core/rvalue.c) and the strings `$var` keeps (pv_svar.c). A
 * concatenation that does not fit fails as Kamailio's does — its lines, the assignment fails, the
 * script goes on — where the host's string limit used to end the run with a crash.
 */
import { L_ERR } from "../base/log-levels.js";
import type { ProcessState, ScriptContext } from "./context.js";
import { ExprFail } from "./ops.js";
import { whereIn } from "./services.js";
import { ShmPool, shmCost, utf8Length } from "./shm.js";

/** The default pool, `-M 8`. */
export const PKG_MEM_SIZE = 8 * 1024 * 1024;
/**
 * What a SIP worker of Debian's 5.6.3 holds of its pool while it runs a request: used+overhead
 * 695,608 bytes in qm_status() (cfgutils' pkg_status()) for a small config (pv, xlog, sl,
 * cfgutils, one OPTIONS). It grows a little with the config and the message; the failures
 * kamsim models (a string doubling) do not depend on it to the kilobyte.
 */
export const PKG_USED_BEFORE = 695_608;

/** Strings shorter than this (UTF-16 units) are not counted in a `$var` (see storeVar). */
const SMALL_STRING = 4096;

/** sizeof(struct rvalue) - sizeof(buf) on x86-64 (core/rvalue.h: 848 - 1). */
const RV_HEAD = 847;
/** core/rvalue.c RV_STR_EXTRA: what rval_new_str() adds to each string it copies. */
const RV_STR_EXTRA = 80;

/** What one process holds of its private memory. */
export interface PkgState {
  pool: ShmPool;
  /** Per `$var` slot: the cost of its string buffer (0: it holds an int) and the string's bytes. */
  bufCost: number[];
  bufLen: number[];
}

export function pkgOf(proc: ProcessState): PkgState {
  let p = proc.pkg;
  if (p === undefined) {
    p = { pool: new ShmPool(PKG_MEM_SIZE, PKG_USED_BEFORE), bufCost: [], bufLen: [] };
    proc.pkg = p;
  }
  return p;
}

const round8 = (n: number) => Math.ceil(n / 8) * 8;

/** rval_new_empty(extra) (core/rvalue.c): pkg_malloc(ROUND_LONG(sizeof(*rv) - sizeof(buf) + extra)). */
function rvCost(extra: number): number {
  return shmCost(round8(RV_HEAD + extra));
}

/** The room such an rvalue has for its string (rv->bsize = size - sizeof(*rv) - sizeof(buf)). */
function rvRoom(extra: number): number {
  return round8(RV_HEAD + extra) - RV_HEAD - 2;
}

/** A string operation that found no private memory: its lines are logged by the assignment. */
export class PkgFail extends ExprFail {
  constructor(readonly result: boolean) {
    super("could not allocate private memory from pkg pool");
  }

  /** rval_new_empty()'s PKG_MEM_ERROR, then rval_str_add2()'s own line when the result did not fit. */
  log(ctx: ScriptContext): void {
    const w = whereIn(ctx);
    ctx.sv.log.core(ctx.proc, L_ERR, "rvalue.c:253", "rval_new_empty", this.reason, w);
    if (this.result) ctx.sv.log.core(ctx.proc, L_ERR, "rvalue.c:1739", "rval_str_add2", "rv eval out of memory", w);
  }
}

/** What a process that holds no counted string has of its pool. */
const PKG_FREE_AT_START = PKG_MEM_SIZE - PKG_USED_BEFORE;

/**
 * Whether a concatenation of `units` UTF-16 units surely fits, without counting: at most 3 bytes
 * a unit, the largest need is six times the operands plus the rvalues' heads. A process holding
 * no counted string has its whole pool, and its state is not made for a check that cannot fail
 * (the common case, on every `+` of every request).
 */
export function concatCannotFail(ctx: ScriptContext, units: number): boolean {
  const held = ctx.proc.pkg;
  return 18 * units + 8192 < (held === undefined ? PKG_FREE_AT_START : held.pool.size - held.pool.used);
}

/**
 * Whether `a + b` (strings; `copyA`/`copyB`: the operand is a PV, an int or a call's value,
 * which rval_convert() copies into a new rvalue of its length + 81 bytes, while a literal or an
 * inner `+`'s result is used as it is) fits in this process's private memory, as
 * rval_str_add2() (core/rvalue.c) allocates it: the copies, then the result — in a copy whose
 * room is enough, else a new rvalue of len(a) + len(a + b) + 81 bytes. Throws PkgFail if not.
 * The results of inner `+`s still held are not counted (a chain `a + b + c` may fail later here).
 */
export function checkConcat(ctx: ScriptContext, a: string, b: string, copyA: boolean, copyB: boolean): void {
  if (concatCannotFail(ctx, a.length + b.length)) return;
  const pool = pkgOf(ctx.proc).pool;
  const free = pool.size - pool.used;
  const la = utf8Length(a);
  const lb = utf8Length(b);
  const ca = copyA ? rvCost(la + 1 + RV_STR_EXTRA) : 0;
  const cb = copyB ? rvCost(lb + 1 + RV_STR_EXTRA) : 0;
  if (ca > free || ca + cb > free) throw new PkgFail(false);
  const len = la + lb + 1;
  if (copyA && rvRoom(la + 1 + RV_STR_EXTRA) >= len) return;
  if (copyB && rvRoom(lb + 1 + RV_STR_EXTRA) >= len) return;
  // rval_new(RV_STR, &rv1->v, len + RV_STR_EXTRA) → rval_new_str(): extra + len(a) + 1.
  if (ca + cb + rvCost(len + RV_STR_EXTRA + la + 1) > free) throw new PkgFail(true);
}

/**
 * Stores `v` in `$var` slot `slot` as set_var_value() (pv_svar.c) does: a string no longer than
 * the one held is copied in place; a longer one frees the buffer, then takes a new one of its
 * length + 1. When that does not fit, the variable becomes the int 0 and the store fails, with
 * pv's two lines (the assignment adds the core's). An int frees the buffer.
 */
export function storeVar(ctx: ScriptContext, slot: number, v: number | string, name: string): boolean {
  const p = ctx.proc.pkg;
  if (typeof v === "number") {
    ctx.proc.vars[slot] = v;
    if (p !== undefined && (p.bufCost[slot] ?? 0) > 0) {
      p.pool.free(p.bufCost[slot] as number);
      p.bufCost[slot] = 0;
    }
    return true;
  }
  // A short string is not counted (a few kilobytes a variable at most, against 8 MB): it goes
  // into the buffer held, if any, as set_var_value() copies a shorter string in place. Counting
  // its bytes would flatten every string a script builds (a copy per assignment).
  if (v.length < SMALL_STRING) {
    ctx.proc.vars[slot] = v;
    if (p !== undefined && (p.bufCost[slot] ?? 0) > 0) p.bufLen[slot] = v.length;
    return true;
  }
  const pkg = p ?? pkgOf(ctx.proc);
  const held = pkg.bufCost[slot] ?? 0;
  const n = utf8Length(v);
  if (held > 0 && n <= (pkg.bufLen[slot] as number)) {
    ctx.proc.vars[slot] = v;
    pkg.bufLen[slot] = n;
    return true;
  }
  if (held > 0) pkg.pool.free(held);
  const cost = shmCost(n + 1);
  if (!pkg.pool.alloc(cost)) {
    pkg.bufCost[slot] = 0;
    ctx.proc.vars[slot] = 0;
    const w = whereIn(ctx);
    const [at, text] = held > 0 ? ["pv_svar.c:122", "out of pkg mem"] : ["pv_svar.c:132", "out of pkg mem!"];
    ctx.sv.log.module(ctx.proc, L_ERR, "pv", at, "set_var_value", text, w);
    ctx.sv.log.module(
      ctx.proc,
      L_ERR,
      "pv",
      "pv_core.c:2969",
      "pv_set_scriptvar",
      `error - cannot set svar [${name}] `,
      w,
    );
    return false;
  }
  pkg.bufCost[slot] = cost;
  pkg.bufLen[slot] = n;
  ctx.proc.vars[slot] = v;
  return true;
}
