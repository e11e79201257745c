/**
 * Kamailio 5.6 `exec` module as the checker knows it: parameters, script functions and
 * pseudo-variables, from the module's export tables. Declared only, not simulated.
 */
import { ANY_ROUTE, defineModule, RouteKind } from "../types.js";

export const execModule = defineModule({
  name: "exec",
  simulated: false,
  doc: "Running external commands from the script, optionally passing the message and using the output.",
  params: {
    time_to_kill: {
      type: "int",
      default: 0,
      doc: "Time after which a command still running is killed, in seconds (0 never).",
    },
    setvars: { type: "int", default: 1, doc: "Sets environment variables with message data for the command." },
    bash_safety: {
      type: "int",
      default: 1,
      doc: "Refuses commands that could exploit the bash environment-variable vulnerability.",
    },
  },
  functions: {
    exec_dset: {
      arity: [1],
      routes: RouteKind.REQUEST | RouteKind.FAILURE,
      argNames: ["command"],
      doc: "Runs the command with the R-URI as argument and uses its output lines as new R-URI and branches.",
    },
    exec_msg: {
      arity: [1],
      routes: RouteKind.REQUEST | RouteKind.FAILURE | RouteKind.LOCAL,
      argNames: ["command"],
      doc: "Runs the command with the message on its standard input.",
    },
    exec_avp: {
      arity: [1, 2],
      routes: RouteKind.REQUEST | RouteKind.FAILURE | RouteKind.LOCAL,
      argNames: ["command", "avplist"],
      doc: "Runs the command and stores its output lines into AVPs.",
    },
    exec_cmd: {
      arity: [1],
      routes: ANY_ROUTE,
      argNames: ["command"],
      doc: "Runs the command without passing the message, setting environment variables or using its output.",
    },
  },
});
