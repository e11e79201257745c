/** rtimer: run route blocks periodically in timer processes (docs/kamailio/rtimer.md). */
import { defineModule } from "../types.js";
import { createRtimerChecker } from "./check.js";

export const rtimerModule = defineModule({
  name: "rtimer",
  simulated: true,
  checks: createRtimerChecker,
  doc: "Runs route blocks at fixed intervals, in the core timer process (mode 0) or in processes of their own (mode N), so that slow periodic work stays out of the SIP workers.",
  params: {
    default_interval: { type: "int", default: 120, doc: "Interval in seconds for timers that give none." },
    timer: {
      type: "string",
      repeatable: true,
      // The attributes stm_t_param() reads (modules/rtimer/rtimer_mod.c); params.ts applies them.
      keys: ["name", "interval", "mode"],
      doc: "Defines a timer: `name=N;interval=I;mode=M`. Interval in seconds, or microseconds with a `u` suffix; mode 0 runs on the core timer, mode N starts N processes that each run the routes.",
    },
    exec: {
      type: "string",
      repeatable: true,
      // The attributes stm_e_param() reads (modules/rtimer/rtimer_mod.c).
      keys: ["timer", "route"],
      doc: "Attaches a route to a timer: `timer=N;route=R`. Several routes per timer run in reverse order of definition.",
    },
  },
  functions: {},
  pvars: {
    rtimer_worker: { inner: "none", doc: "Index of the rtimer process running the route (0..mode-1)." },
  },
});
