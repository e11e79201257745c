/**
 * pv's tests of a variable's value (modules/pv/pv.c is_int(), pv_typeof(), pv_not_empty()),
 * each given the variable by name (`"$var(x)"`). kamsim's values carry their type: an int is
 * Kamailio's PV_TYPE_INT value (whose PV_VAL_INT is_int() tests), a string a PV_VAL_STR one,
 * `null` PV_VAL_NULL; a getter that fails (pv_get_spec_value() != 0) makes each test false.
 */
import type { FunctionImpl, PvAccess } from "../../runtime/env.js";
import type { Value } from "../../runtime/values.js";

type Named = (i: number, args: Parameters<FunctionImpl["compile"]>) => PvAccess | undefined;

function test(named: Named, check: (v: Value, type: string) => boolean): FunctionImpl {
  return {
    compile(...compileArgs) {
      const pv = named(0, compileArgs);
      const type = compileArgs[0][1]?.literal ?? "";
      return (ctx) => {
        const v = pv?.get(ctx);
        if (v === undefined) return -1;
        return check(v, type) ? 1 : -1;
      };
    },
  };
}

/** is_int, typeof and not_empty over the module's way of naming a variable. */
export function typeTests(named: Named): Record<"is_int" | "typeof" | "not_empty", FunctionImpl> {
  return {
    is_int: test(named, (v) => typeof v === "number"),
    // Only the type's first letter counts: i, n, s (either case); any other type is false.
    typeof: test(named, (v, t) => {
      const c = t[0]?.toLowerCase();
      if (c === "i") return typeof v === "number";
      if (c === "n") return v === null;
      if (c === "s") return typeof v === "string";
      return false;
    }),
    not_empty: test(named, (v) => typeof v === "string" && v.length > 0),
  };
}
