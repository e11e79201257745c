/**
 * rtimer at run time (docs/kamailio/rtimer.md#scheduling): a mode-N timer forks N processes, each sleeping one interval,
 * running the timer's routes, then sleeping again from when they finished (no overlap, no
 * catch-up); a mode-0 timer runs on the core slow timer every interval. Processes come in
 * reverse order of timer definition, as Kamailio forks them.
 */

import type { Micros } from "../../base/time.js";
import type { PvImpl } from "../../runtime/env.js";
import type { Process, ProcessRequest } from "../../runtime/process.js";
import type { SimulationHost } from "../runtime-types.js";
import { defineRuntime } from "../runtime-types.js";
import { rtimerModule } from "./def.js";
import { type RtimerDef, RtimerTable } from "./params.js";

/** Runs one firing of a timer in a process: its routes one after the other, then `done(end)`. */
function fire(
  host: SimulationHost,
  def: RtimerDef,
  proc: Process,
  worker: number,
  at: Micros,
  done: (end: Micros) => void,
): void {
  const k = host.sv.kernel;
  if (k.wants.timer) k.emit({ kind: "timer", t: at, proc: proc.index, timer: def.name, phase: "fired" });
  proc.local.set("rtimer_worker", worker);
  const next = (i: number, t: Micros): void => {
    if (i === def.routes.length) {
      if (k.wants.timer)
        k.emit({ kind: "timer", t, proc: proc.index, timer: def.name, phase: "done", duration: t - at });
      done(t);
      return;
    }
    const cell = host.route(def.routes[i] as string);
    // An exec naming a route that does not exist runs nothing (docs/kamailio/rtimer.md#exec).
    if (!cell) next(i + 1, t);
    else host.runTimerRoute(proc, cell, t, (end) => next(i + 1, end));
  };
  next(0, at);
}

/** Mode ≥ 1: sleep one interval, run, repeat from the end of the run. */
function loop(host: SimulationHost, def: RtimerDef, proc: Process, worker: number, at: Micros): void {
  host.sv.kernel.schedule(at, () => {
    proc.busyUntil = Number.POSITIVE_INFINITY;
    fire(host, def, proc, worker, at, (end) => {
      proc.busyUntil = end;
      loop(host, def, proc, worker, end + def.intervalUs);
    });
  });
}

/** Kamailio's timer tick: 1/16 s. */
const TIMER_TICK_US = 62_500;

/** Mode 0: on the slow timer, every interval, counted from the tick at which the last run ended. */
function periodic(host: SimulationHost, def: RtimerDef, at: Micros): void {
  host.sv.kernel.schedule(at, () => {
    const proc = host.slowTimer;
    // The slow timer is busy with another mode-0 timer's run: this firing waits for it.
    if (proc.busyUntil > at) {
      if (proc.busyUntil !== Number.POSITIVE_INFINITY) periodic(host, def, proc.busyUntil);
      else host.sv.kernel.schedule(at + 1000, () => periodic(host, def, at + 1000));
      return;
    }
    proc.busyUntil = Number.POSITIVE_INFINITY;
    fire(host, def, proc, 0, at, (end) => {
      proc.busyUntil = end;
      // The core's timer re-arms the handler from the tick (1/16 s) at which it returned: a route
      // that takes time shifts the timer by whole ticks (measured on Kamailio 5.6.3).
      periodic(host, def, Math.floor(end / TIMER_TICK_US) * TIMER_TICK_US + def.intervalUs);
    });
  });
}

export const rtimerRuntime = defineRuntime(rtimerModule, {
  create(setup) {
    const table = new RtimerTable();
    for (const p of setup.params) table.modparam(p.name, p.value);
    const owned: { def: RtimerDef; proc?: Process; worker: number }[] = [];
    const processes: ProcessRequest[] = [];
    for (const def of [...table.timers].reverse()) {
      for (let i = 0; i < def.mode; i++) {
        const slot: { def: RtimerDef; proc?: Process; worker: number } = { def, worker: i };
        owned.push(slot);
        processes.push({
          name: `RTIMER EXEC child=${i} timer=${def.name}`,
          label: `rtimer ${def.name}${i === 0 ? "" : ` #${i}`}`,
          attach: (p) => (slot.proc = p),
        });
      }
    }
    const rtimer_worker: PvImpl = {
      compile: () => ({ get: (ctx) => (ctx.proc.local.get("rtimer_worker") as number | undefined) ?? 0 }),
    };
    return {
      functions: {},
      processes,
      pvars: { rtimer_worker },
      start(host) {
        for (const slot of owned) if (slot.proc) loop(host, slot.def, slot.proc, slot.worker, slot.def.intervalUs);
        for (const def of table.timers) if (def.mode === 0) periodic(host, def, def.intervalUs);
      },
    };
  },
});
