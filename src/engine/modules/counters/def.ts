/**
 * counters: script counters read over RPC. Loading it changes nothing a run shows; cnt_inc(),
 * cnt_add() and cnt_reset() always return 1 in Kamailio, so their stand-ins do not steer a config,
 * but they still warn at their call (their counters are not kept, and an undeclared counter is
 * not refused at start as cnt_fixup1() refuses it) (docs/kamailio/rpc-modules.md).
 */
import { defineModule, ONREPLY, RouteKind } from "../types.js";

export const countersModule = defineModule({
  name: "counters",
  simulated: true,
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
      simulated: false,
    },
    cnt_add: {
      arity: [2],
      routes: RouteKind.REQUEST | RouteKind.FAILURE | ONREPLY | RouteKind.ONSEND,
      argNames: ["name", "number"],
      doc: "Adds the number to the counter.",
      simulated: false,
    },
    cnt_reset: {
      arity: [1],
      routes: RouteKind.REQUEST | RouteKind.FAILURE | ONREPLY | RouteKind.ONSEND,
      argNames: ["name"],
      doc: "Resets the counter to zero.",
      simulated: false,
    },
  },
});
