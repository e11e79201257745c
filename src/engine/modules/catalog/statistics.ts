/**
 * Kamailio 5.6 `statistics` module as the checker knows it: parameters, script functions and
 * pseudo-variables, from the module's export tables. Declared only, not simulated.
 */
import { ANY_ROUTE, defineModule, ONREPLY, RouteKind } from "../types.js";

export const statisticsModule = defineModule({
  name: "statistics",
  simulated: false,
  doc: "Script statistics: declares named counters and lets the script update and reset them; values are read over RPC.",
  params: {
    variable: {
      type: "string",
      repeatable: true,
      doc: 'Declares a statistic by name, "name" or "group:name/no_reset" style (may be given several times).',
    },
  },
  functions: {
    update_stat: {
      arity: [2],
      routes: ANY_ROUTE,
      argNames: ["variable", "value"],
      doc: "Adds the (possibly negative) value to the named statistic.",
    },
    reset_stat: {
      arity: [1],
      routes: RouteKind.REQUEST | RouteKind.FAILURE | ONREPLY | RouteKind.BRANCH | RouteKind.LOCAL,
      argNames: ["variable"],
      doc: "Resets the named statistic to zero.",
    },
  },
});
