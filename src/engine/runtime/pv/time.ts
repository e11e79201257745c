/**
 * Time pseudo-variables in virtual time: Unix time = the simulation's epoch plus the virtual
 * clock. `$Ts`/`$Tf` are cached per message on first use (live `$TS`/`$TF` are not). Broken-down
 * and text forms use UTC, so output is the same on every machine.
 */

import type { ScriptContext } from "../context.js";
import type { PvImpl } from "../env.js";
import { nowIn } from "../services.js";
import { readOnly, withName } from "./simple.js";

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Unix seconds now; the wall clock's seconds tick `clockPhase` µs before each virtual second. */
function unixNow(ctx: ScriptContext): number {
  return ctx.sv.epoch + Math.floor((nowIn(ctx) + ctx.sv.clockPhase) / 1_000_000);
}

function cached(ctx: ScriptContext): number {
  ctx.cachedTime ??= unixNow(ctx);
  return ctx.cachedTime;
}

/** C's ctime() text without the newline: `Thu Nov 26 04:58:25 2026` (UTC here). */
function ctimeText(unix: number): string {
  const d = new Date(unix * 1000);
  const pad = (n: number) => String(n).padStart(2, "0");
  const day = String(d.getUTCDate()).padStart(2, " ");
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${day} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

function brokenDown(unix: number, part: string): number | null {
  const d = new Date(unix * 1000);
  switch (part) {
    case "sec":
      return d.getUTCSeconds();
    case "min":
      return d.getUTCMinutes();
    case "hour":
      return d.getUTCHours();
    case "mday":
      return d.getUTCDate();
    case "mon":
      return d.getUTCMonth() + 1;
    case "year":
      return d.getUTCFullYear();
    case "wday":
      return d.getUTCDay() + 1;
    case "yday":
      return (
        Math.floor(
          (Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - Date.UTC(d.getUTCFullYear(), 0, 1)) /
            86_400_000,
        ) + 1
      );
    case "isdst":
      return 0;
    default:
      return null;
  }
}

export const timePvars: Readonly<Record<string, PvImpl>> = {
  Ts: readOnly(cached),
  TS: readOnly(unixNow),
  Tf: readOnly((ctx) => ctimeText(cached(ctx))),
  TF: readOnly((ctx) => ctimeText(unixNow(ctx))),
  Tb: readOnly((ctx) => ctx.sv.epoch),
  time: withName((part) => ({ get: (ctx: ScriptContext) => brokenDown(cached(ctx), part) })),
  utime: withName((part) => ({ get: (ctx: ScriptContext) => brokenDown(cached(ctx), part) })),
  TV: withName((part) => ({
    get: (ctx: ScriptContext) => {
      const t = nowIn(ctx) + ctx.sv.clockPhase;
      const sec = ctx.sv.epoch + Math.floor(t / 1_000_000);
      const usec = t % 1_000_000;
      if (part === "s") return sec;
      if (part === "u") return usec;
      if (part === "Sn" || part === "Sm") return `${sec}.${String(usec).padStart(6, "0")}`;
      if (part === "sn") return sec;
      if (part === "un") return usec;
      return null;
    },
  })),
};
