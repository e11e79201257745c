/**
 * pike's parameters with Kamailio's defaults (modules/pike/pike.c: `sampling_time_unit` 2 s,
 * `reqs_density_per_unit` 30, `remove_latency` 120 s, `pike_log_level` 0 = WARNING), read in
 * file order as `modparam` sets them: the last one wins.
 */
import { cInt } from "../../runtime/core-settings.js";
import type { PikeParams } from "./tree.js";

export interface PikeSettings extends PikeParams {
  /** Log level of the BLOCK/UNBLOCK lines. */
  logLevel: number;
}

export function readPikeParams(params: readonly { name: string; value: string | number }[]): PikeSettings {
  const p: PikeSettings = { samplingTimeUnit: 2, reqsDensityPerUnit: 30, removeLatency: 120, logLevel: 0 };
  for (const { name, value } of params) {
    const n = Number(value);
    if (name === "sampling_time_unit") p.samplingTimeUnit = n;
    else if (name === "reqs_density_per_unit") p.reqsDensityPerUnit = n;
    else if (name === "remove_latency") p.removeLatency = n;
    else if (name === "pike_log_level") p.logLevel = n;
  }
  return p;
}

/** The hits a window may count before blocking: ip_tree.h keeps `max_hits` in an unsigned short. */
export function pikeLimit(p: PikeParams): number {
  return p.reqsDensityPerUnit & 0xffff;
}

/** Kamailio's timer ticks per second (core/timer_ticks.h `TIMER_TICKS_HZ`). */
const TICKS_HZ = 16;

/**
 * Microseconds between two window rotations. pike.c registers its swap timer with
 * `register_timer(swap_routine, 0, pike_time_unit)`, whose interval is an unsigned int turned
 * into ticks by `S_TO_TICKS` (core/timer.c, core/timer_ticks.h) in 32 bits: a negative unit
 * wraps to years, and 0 puts the timer on the expired list, which the timer runs every tick.
 */
export function pikeRotationPeriod(samplingTimeUnit: number): number {
  const ticks = ((cInt(samplingTimeUnit) >>> 0) * TICKS_HZ) % 2 ** 32;
  return (Math.max(ticks, 1) * 1_000_000) / TICKS_HZ;
}
