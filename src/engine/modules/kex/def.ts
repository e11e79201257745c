/**
 * Kamailio 5.6 `kex` module (modules/kex/kex_mod.c exports): the flag functions, the destination
 * URI helpers, pv_printf and is_myself are simulated (runtime.ts, docs/kamailio/kex.md);
 * setdebug/resetdebug and `$sruid` are declared from the export tables only.
 */
import { ANY_ROUTE, defineModule } from "../types.js";

export const kexModule = defineModule({
  name: "kex",
  simulated: true,
  doc: "Kamailio core extensions: branch and script flags, destination URI helpers, debug level control and printf-style assignment.",
  params: {},
  functions: {
    setsflag: {
      arity: [1],
      routes: ANY_ROUTE,
      argNames: ["flag"],
      doc: "Sets a script flag (flags kept for the whole script run, not attached to the message).",
    },
    resetsflag: {
      arity: [1],
      routes: ANY_ROUTE,
      argNames: ["flag"],
      doc: "Clears a script flag.",
    },
    issflagset: {
      arity: [1],
      routes: ANY_ROUTE,
      argNames: ["flag"],
      doc: "True when the given script flag is set.",
    },
    setbflag: {
      arity: [1, 2],
      routes: ANY_ROUTE,
      argNames: ["flag", "branch"],
      doc: "Sets a branch flag, on branch 0 (the R-URI branch) or on the given branch index.",
    },
    resetbflag: {
      arity: [1, 2],
      routes: ANY_ROUTE,
      argNames: ["flag", "branch"],
      doc: "Clears a branch flag, on branch 0 or on the given branch index.",
    },
    isbflagset: {
      arity: [1, 2],
      routes: ANY_ROUTE,
      argNames: ["flag", "branch"],
      doc: "True when the branch flag is set, on branch 0 or on the given branch index.",
    },
    setdsturi: {
      arity: [1],
      routes: ANY_ROUTE,
      argNames: ["uri"],
      doc: "Sets the destination URI (outbound proxy, $du) of the request.",
    },
    resetdsturi: {
      arity: [0],
      routes: ANY_ROUTE,
      doc: "Clears the destination URI ($du).",
    },
    isdsturiset: {
      arity: [0],
      routes: ANY_ROUTE,
      doc: "True when a destination URI ($du) is set.",
    },
    pv_printf: {
      arity: [2],
      routes: ANY_ROUTE,
      argNames: ["var", "format"],
      doc: "Evaluates the format string and assigns the result to the given pseudo-variable.",
    },
    avp_printf: {
      arity: [2],
      routes: ANY_ROUTE,
      argNames: ["var", "format"],
      doc: "Older name of pv_printf().",
    },
    is_myself: {
      arity: [1],
      routes: ANY_ROUTE,
      argNames: ["uri"],
      doc: "True when the host and port of the URI are local (a listen address or an alias).",
    },
    setdebug: {
      arity: [1],
      simulated: false,
      routes: ANY_ROUTE,
      argNames: ["level"],
      doc: "Sets the log level of the current process only.",
    },
    resetdebug: {
      arity: [0],
      simulated: false,
      routes: ANY_ROUTE,
      doc: "Restores the current process's log level to the global debug value.",
    },
  },
  pvars: {
    sruid: { inner: "none", doc: "A new unique id string, generated on each read." },
  },
});
