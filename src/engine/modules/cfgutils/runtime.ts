/**
 * cfgutils at run time (docs/kamailio/cfgutils.md): `sleep`/`usleep` block the process (they add their time to the run's
 * cost, so the worker stays busy), `rand_event` draws from the simulation's seeded RNG with the
 * probability `rand_set_prob`/`rand_reset_prob` set and `rand_get_prob` returns;
 * `check_route_exists`/`route_if_exists` look routes up by name.
 */

import { L_ERR } from "../../base/log-levels.js";
import type { ScriptContext } from "../../runtime/context.js";
import { BREAK_R_F, EXIT_R_F, RETURN_R_F } from "../../runtime/context.js";
import type { CallArg, FunctionImpl, PvImpl, RouteCell } from "../../runtime/env.js";
import { whereIn } from "../../runtime/services.js";
import { toInt } from "../../runtime/values.js";
import { igp, ivalue } from "../igp.js";
import { defineRuntime } from "../runtime-types.js";
import { coreHash } from "./core-hash.js";
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

/** check_route_exists(name): a `route[name]` block exists (route_lookup(&main_rt)). */
const check_route_exists: FunctionImpl = {
  compile(args, env) {
    const name = (args[0] as CallArg).str();
    return (ctx) => (env.route(name(ctx)) ? 1 : -1);
  },
};

/**
 * route_if_exists(name) (ki_route_if_exists()): runs the route in a fresh run context, so its
 * `return` value is the function's; an `exit` in it makes the function return 0, which ends the
 * calling script too; no such route is -1. A route that may block (sleep, http_client_query)
 * exists as a coroutine only: it is driven to its end here, inside the call, so the process
 * spends the same virtual time in it, but other processes' events that fall within that time
 * come after it rather than between its steps (docs/kamailio/cfgutils.md).
 */
function runToEnd(cell: RouteCell, ctx: ScriptContext): number | undefined {
  if (cell.run) return cell.run(ctx);
  if (!cell.gen) return undefined;
  const g = cell.gen(ctx);
  let step = g.next();
  while (!step.done) step = g.next();
  return step.value;
}

const route_if_exists: FunctionImpl = {
  compile(args, env) {
    const name = (args[0] as CallArg).str();
    return (ctx) => {
      const cell = env.route(name(ctx));
      const r = cell && runToEnd(cell, ctx);
      if (r === undefined) return -1;
      ctx.flags &= ~(RETURN_R_F | BREAK_R_F);
      return ctx.flags & EXIT_R_F ? 0 : r;
    };
  },
};

/**
 * core_hash(s1, s2, size) (w_core_hash()): the slot of s1 (continued by s2 when not empty) in a
 * table of 2^size slots (2 when size <= 0), plus 1 so it is never 0.
 */
const core_hash: FunctionImpl = {
  compile(args, env) {
    const s1 = (args[0] as CallArg).str();
    const s2 = (args[1] as CallArg).str();
    const size = igp(args[2] as CallArg, env);
    return (ctx) => {
      const n = ivalue(ctx, size(ctx));
      if (n === undefined) {
        ctx.sv.log.module(
          ctx.proc,
          L_ERR,
          "cfgutils",
          "cfgutils.c:988",
          "w_core_hash",
          "invalid size paramerer",
          whereIn(ctx),
        );
        return -1;
      }
      const slots = n <= 0 ? 2 : 2 ** Math.min(n, 31);
      const b = s2(ctx);
      return coreHash(s1(ctx), b === "" ? undefined : b, slots) + 1;
    };
  },
};

/** `$RANDOM`: kam_rand(), 0..RAND_MAX (2^31 - 1), here from the simulation's seeded generator. */
const RANDOM: PvImpl = {
  compile: () => ({ get: (ctx) => Math.floor(ctx.sv.rng.next() * 2147483648) }),
};

export const cfgutilsRuntime = defineRuntime(cfgutilsModule, {
  create(setup) {
    let probability = 10;
    for (const p of setup.params) if (p.name === "initial_probability") probability = Number(p.value);
    const initial = probability;
    const rand_event: FunctionImpl = {
      compile(args) {
        const given = args[0]?.value();
        return (ctx) => {
          const prob = given ? toInt(given(ctx)) : probability;
          // ki_rand_event(): 0 and 100 decide without drawing.
          if (prob <= 0) return -1;
          if (prob >= 100) return 1;
          return ctx.sv.rng.next() * 100 < prob ? 1 : -1;
        };
      },
    };
    // The probability is in shared memory (cfgutils.c `probability`): one for every process.
    const rand_set_prob: FunctionImpl = {
      compile(args, env, call) {
        const text = (args[0] as CallArg).literal ?? "";
        // fixup_prob(): str2int() (core/ut.h str2unval) keeps the digits read before a
        // non-digit, so "abc" is 0 and "12a" 12; over 100 the config is refused.
        const n = Number(/^\+?([0-9]*)/.exec(text)?.[1] || "0");
        if (n > 100) env.fixupError(`invalid probability <${n}>`, call.span);
        return () => {
          probability = n;
          return 1;
        };
      },
    };
    const rand_reset_prob: FunctionImpl = {
      compile: () => () => {
        probability = initial;
        return 1;
      },
    };
    // get_prob() returns the probability itself: 0 ends the script like exit.
    const rand_get_prob: FunctionImpl = { compile: () => () => probability };
    return {
      functions: {
        sleep: blocking(1_000_000),
        usleep: blocking(1),
        rand_event,
        rand_set_prob,
        rand_reset_prob,
        rand_get_prob,
        check_route_exists,
        route_if_exists,
        core_hash,
      },
      pvars: { RANDOM },
    };
  },
});
