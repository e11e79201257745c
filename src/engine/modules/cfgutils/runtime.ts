/**
 * cfgutils at run time (docs/kamailio/cfgutils.md): `sleep`/`usleep` block the process (they add their time to the run's
 * cost, so the worker stays busy), `rand_event` draws from the simulation's seeded RNG.
 */
import type { CallArg, FunctionImpl } from "../../runtime/env.js";
import { toInt } from "../../runtime/values.js";
import { defineRuntime } from "../runtime-types.js";
import { cfgutilsModule } from "./def.js";

function blocking(unit: number): FunctionImpl {
  return {
    blocking: true,
    compile(args) {
      const v = (args[0] as CallArg).value();
      return (ctx) => {
        const n = toInt(v(ctx));
        if (n > 0) ctx.cost += n * unit;
        return 1;
      };
    },
  };
}

export const cfgutilsRuntime = defineRuntime(cfgutilsModule, {
  create(setup) {
    let probability = 10;
    for (const p of setup.params) if (p.name === "initial_probability") probability = Number(p.value);
    const rand_event: FunctionImpl = {
      compile(args) {
        const given = args[0]?.value();
        return (ctx) => {
          const prob = given ? toInt(given(ctx)) : probability;
          return ctx.sv.rng.next() * 100 < prob ? 1 : -1;
        };
      },
    };
    return { functions: { sleep: blocking(1_000_000), usleep: blocking(1), rand_event } };
  },
});
