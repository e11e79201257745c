/**
 * Kamailio 5.6 `debugger` module as the checker knows it: parameters, script functions and
 * pseudo-variables, from the module's export tables. Declared only, not simulated.
 */
import { ANY_ROUTE, defineModule, ONREPLY, RouteKind } from "../types.js";

export const debuggerModule = defineModule({
  name: "debugger",
  simulated: false,
  doc: "Script debugging aids: tracing of executed config actions, breakpoints driven over RPC, per-module log levels and message or variable dumps.",
  params: {
    cfgtrace: { type: "int", default: 0, doc: "Logs each config action as it is executed." },
    cfgtrace_format: {
      type: "int",
      default: 0,
      doc: "Format of the trace messages; 1 leaves out the config file path.",
    },
    breakpoint: { type: "int", default: 0, doc: "Enables breakpoints at each config action (driven over RPC)." },
    log_level: { type: "int", default: -1, doc: "Log level of the trace messages." },
    log_facility: { type: "string", doc: "Syslog facility of the trace messages." },
    log_prefix: { type: "string", default: "*** cfgtrace:", doc: "Prefix added to the trace messages." },
    log_level_name: { type: "string", doc: "Level name printed in trace messages instead of the default one." },
    log_assign: { type: "int", default: 0, doc: "Also logs the values of assignments." },
    step_usleep: {
      type: "int",
      default: 100000,
      doc: "Pause between checks for new commands while stopped at a breakpoint, in microseconds.",
    },
    step_loops: {
      type: "int",
      default: 200,
      doc: "How many step_usleep pauses the RPC process waits for a worker's answer.",
    },
    mod_hash_size: {
      type: "int",
      default: 0,
      doc: "Size (power of two) of the table of per-module log levels; must be set to use them.",
    },
    mod_level_mode: { type: "int", default: 0, doc: "Enables per-module log levels." },
    mod_level: {
      type: "string",
      repeatable: true,
      doc: 'Sets a module\'s log level, as "module=level" (may be given several times).',
    },
    mod_facility_mode: { type: "int", default: 0, doc: "Enables per-module log facilities." },
    mod_facility: {
      type: "string",
      repeatable: true,
      doc: 'Sets a module\'s log facility, as "module=FACILITY" (may be given several times).',
    },
    reset_msgid: { type: "int", default: 0, doc: "Allows resetting the message id counter ($mi) over RPC." },
    cfgpkgcheck: {
      type: "int",
      default: 0,
      doc: "Checks the private memory before each config action (to catch overflows).",
    },
    cfgtest: { type: "int", default: 0, doc: "Enables the cfgt module's unit-test recording at startup." },
  },
  functions: {
    dbg_breakpoint: {
      arity: [1],
      routes: ANY_ROUTE,
      argNames: ["mode"],
      doc: "Marks a breakpoint point in the script; the mode enables (1) or disables (0) it.",
    },
    dbg_pv_dump: {
      arity: [0, 1, 2],
      routes: ANY_ROUTE,
      argNames: ["mask", "level"],
      doc: "Logs the values of the pseudo-variables selected by the mask, at the given log level.",
    },
    dbg_sip_msg: {
      arity: [0, 1, 2],
      routes: RouteKind.REQUEST | ONREPLY,
      argNames: ["log_level", "facility"],
      doc: "Logs the current SIP message as it would be sent, with pending changes applied.",
    },
  },
});
