/**
 * pike's parameters with Kamailio's defaults (modules/pike/pike.c: `sampling_time_unit` 2 s,
 * `reqs_density_per_unit` 30, `remove_latency` 120 s, `pike_log_level` 0 = WARNING), read in
 * file order as `modparam` sets them: the last one wins.
 */
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
