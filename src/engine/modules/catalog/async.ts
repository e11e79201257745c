/**
 * Kamailio 5.6 `async` module as the checker knows it: parameters, script functions and
 * pseudo-variables, from the module's export tables. Declared only, not simulated.
 */
import { ANY_ROUTE, defineModule, RouteKind } from "../types.js";

export const asyncModule = defineModule({
  name: "async",
  simulated: false,
  // modules/async/async_mod.c mod_init: load_tm_api(), "cannot load the TM-functions".
  needs: ["tm"],
  doc: "Asynchronous processing: suspends the transaction and continues in a route block after a delay or in a dedicated worker process.",
  params: {
    workers: { type: "int", default: 1, doc: "Number of timer worker processes for async routes." },
    ms_timer: {
      type: "int",
      default: 0,
      doc: "Resolution of the millisecond timer, in milliseconds (0 disables the ms functions).",
    },
    return: {
      type: "int",
      default: 0,
      doc: "Return code of the async functions when they succeed (0 stops the script).",
    },
  },
  functions: {
    async_route: {
      arity: [2],
      routes: RouteKind.REQUEST | RouteKind.FAILURE,
      argNames: ["routename", "seconds"],
      doc: "Suspends the transaction and runs the route block after the given number of seconds.",
    },
    async_ms_route: {
      arity: [2],
      routes: RouteKind.REQUEST | RouteKind.FAILURE,
      argNames: ["routename", "milliseconds"],
      doc: "Suspends the transaction and runs the route block after the given milliseconds.",
    },
    async_sleep: {
      arity: [1],
      routes: RouteKind.REQUEST | RouteKind.FAILURE,
      argNames: ["seconds"],
      doc: "Suspends the transaction and continues the script after the given seconds (the rest of the route runs later).",
    },
    async_ms_sleep: {
      arity: [1],
      routes: RouteKind.REQUEST | RouteKind.FAILURE,
      argNames: ["milliseconds"],
      doc: "Suspends the transaction and continues the script after the given milliseconds.",
    },
    async_task_route: {
      arity: [1],
      routes: RouteKind.REQUEST | RouteKind.FAILURE,
      argNames: ["routename"],
      doc: "Suspends the transaction and runs the route block in an async worker process.",
    },
    async_task_group_route: {
      arity: [2],
      routes: RouteKind.REQUEST | RouteKind.FAILURE,
      argNames: ["routename", "groupname"],
      doc: "Like async_task_route() using the named async worker group.",
    },
    async_task_data: {
      arity: [2],
      routes: ANY_ROUTE,
      argNames: ["routename", "data"],
      doc: "Runs the route block in an async worker with the given data ($async(data)), without a transaction.",
    },
    async_task_group_data: {
      arity: [3],
      routes: ANY_ROUTE,
      argNames: ["routename", "groupname", "data"],
      doc: "Like async_task_data() using the named async worker group.",
    },
  },
  pvars: {
    async: { inner: "required", doc: "Data attached to the async task: $async(data), $async(gname)." },
  },
});
