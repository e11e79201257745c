/**
 * Runs the script's routes for the simulation: at once for a route that cannot block; as a
 * coroutine for one that can (runtime/suspend.ts), each blocking call suspending it until
 * virtual time reaches the call's end while the rest of the simulation goes on. A run over the
 * step budget is stopped with kamsim's message, and after MAX_BUDGET_STOPS such stops the whole
 * simulation (kamsim's work limit; Kamailio itself would spin for ever,
 * docs/kamailio/control-flow.md#max-while-loops).
 */
import { L_CRIT2 } from "../base/log-levels.js";
import type { ScriptContext } from "../runtime/context.js";
import type { RouteCell } from "../runtime/env.js";
import type { Services } from "../runtime/services.js";
import { StepBudgetExceeded } from "../runtime/stmt.js";
import type { Kernel } from "./kernel.js";

/**
 * Script runs the step budget may stop before the whole simulation stops (kamsim's work limit:
 * 100 million actions at the default budget).
 */
const MAX_BUDGET_STOPS = 10;

export class RouteRunner {
  /** Script runs the step budget stopped so far (MAX_BUDGET_STOPS). */
  private budgetStops = 0;

  constructor(
    private readonly sv: Services,
    private readonly kernel: Kernel,
  ) {}

  /**
   * Runs a route to its end and calls `done`: at once for a route that cannot block; for one
   * that can, each blocking call suspends it until virtual time reaches the call's end, while
   * the rest of the simulation goes on. A run over the step budget is stopped with a message.
   */
  run(cell: RouteCell | undefined, ctx: ScriptContext, done: () => void = () => {}): void {
    this.runWith(cell, ctx, () => done());
  }

  /** `run`, passing the route's return value to `done` (1 for no route, or one stopped by the step budget). */
  runWith(cell: RouteCell | undefined, ctx: ScriptContext, done: (ret: number) => void): void {
    if (cell?.run) {
      const run = cell.run;
      let ret = 1;
      this.guard(ctx, () => {
        ret = run(ctx);
      });
      return done(ret);
    }
    if (!cell?.gen) return done(1);
    const it = cell.gen(ctx);
    const step = () => {
      let finished = true;
      let ret = 1;
      this.guard(ctx, () => {
        const r = it.next();
        finished = r.done === true;
        if (r.done === true) ret = r.value;
      });
      if (finished) done(ret);
      else this.kernel.schedule(ctx.start + ctx.cost, step);
    };
    step();
  }

  /** Runs part of a script; a run over the step budget is stopped with kamsim's message. */
  private guard(ctx: ScriptContext, body: () => void): void {
    try {
      body();
    } catch (err) {
      this.stopped(err, ctx);
    }
  }

  /** A run that went over the step budget gets kamsim's own message; other errors are bugs, rethrown. */
  stopped(err: unknown, ctx: ScriptContext): void {
    if (!(err instanceof StepBudgetExceeded)) throw err;
    const text = `kamsim: script stopped after ${this.sv.stepBudget} actions in ${ctx.route} (step budget)`;
    const at = { t: ctx.start + ctx.cost, route: ctx.route, req: ctx.req };
    this.sv.log.write(ctx.proc, L_CRIT2, text, at);
    // The run's total work is bounded too: a script that always runs away (max_while_loops=0
    // or a huge one around while(1)) took ~0.4 s a request and minutes for a traffic file.
    if (++this.budgetStops < MAX_BUDGET_STOPS) return;
    const total = MAX_BUDGET_STOPS * this.sv.stepBudget;
    this.sv.log.write(
      ctx.proc,
      L_CRIT2,
      `kamsim: the simulation stops here: its scripts ran into the step budget ${MAX_BUDGET_STOPS} times (${total} actions); nothing more is simulated (kamsim's work limit)`,
      at,
    );
    this.kernel.halt();
  }
}
