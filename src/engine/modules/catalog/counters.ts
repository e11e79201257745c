/**
 * Kamailio 5.6 `counters` module as the checker knows it: parameters, script functions and
 * pseudo-variables, from the module's export tables. Declared only, not simulated.
 */
import { defineModule, ONREPLY, RouteKind } from "../types.js";

export const countersModule = defineModule({
  name: "counters",
  simulated: false,
  doc: "Script counters: declares named counters and lets the script increment, add to and reset them; values are read over RPC.",
  params: {
    script_cnt_grp_name: {
      type: "string",
      default: "script",
      doc: "Group name for counters declared with script_counter.",
    },
    script_counter: {
      type: "string",
      repeatable: true,
      doc: 'Declares a counter as "name [description]" (may be given several times).',
    },
  },
  functions: {
    cnt_inc: {
      arity: [1],
      routes: RouteKind.REQUEST | RouteKind.FAILURE | ONREPLY | RouteKind.ONSEND,
      argNames: ["name"],
      doc: "Increments the counter (group.name or name in the script group) by one.",
    },
    cnt_add: {
      arity: [2],
      routes: RouteKind.REQUEST | RouteKind.FAILURE | ONREPLY | RouteKind.ONSEND,
      argNames: ["name", "number"],
      doc: "Adds the number to the counter.",
    },
    cnt_reset: {
      arity: [1],
      routes: RouteKind.REQUEST | RouteKind.FAILURE | ONREPLY | RouteKind.ONSEND,
      argNames: ["name"],
      doc: "Resets the counter to zero.",
    },
  },
});
