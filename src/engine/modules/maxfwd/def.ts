/** maxfwd: Max-Forwards header processing, the loop guard of SIP. */
import { defineModule, RouteKind } from "../types.js";

const RFB = RouteKind.REQUEST | RouteKind.FAILURE | RouteKind.BRANCH;

export const maxfwdModule = defineModule({
  name: "maxfwd",
  simulated: true,
  doc: "Decrements the Max-Forwards header of requests (adding it when missing) and reports when it has run out, so that routing loops end.",
  params: {
    max_limit: {
      type: "int",
      default: 70,
      doc: "Highest value let through: a larger received Max-Forwards is lowered to this limit before being decremented. Also settable at run time through the cfg framework (0..255).",
    },
  },
  functions: {
    mf_process_maxfwd_header: {
      arity: [1],
      routes: RouteKind.REQUEST,
      args: ["int"],
      argNames: ["max_value"],
      returns:
        "2 header was missing and was added with max_value; 1 decremented; -1 the value is 0 (reply 483 Too Many Hops); -2 error or max_value outside 0..255",
      doc: "Decrements Max-Forwards, or adds the header with max_value when the request has none. The change is applied when the request is forwarded.",
    },
    maxfwd_process: {
      arity: [1],
      routes: RouteKind.REQUEST,
      args: ["int"],
      argNames: ["max_value"],
      doc: "Alias of mf_process_maxfwd_header().",
      simulated: false,
    },
    process_maxfwd: {
      arity: [1],
      routes: RouteKind.REQUEST,
      args: ["int"],
      argNames: ["max_value"],
      doc: "Alias of mf_process_maxfwd_header().",
      simulated: false,
    },
    is_maxfwd_lt: {
      arity: [1],
      routes: RFB,
      args: ["int"],
      argNames: ["limit"],
      returns: "1 the value is below limit; -1 it is not; -2 no Max-Forwards header; -3 parse error",
      doc: "True when the received Max-Forwards value is lower than limit (0..255).",
      simulated: false,
    },
    maxfwd_at_least: {
      arity: [1],
      routes: RFB,
      args: ["int"],
      argNames: ["limit"],
      doc: "Alias of is_maxfwd_lt() (despite its name it also tests for a value below limit).",
      simulated: false,
    },
    mf_lowlimit: {
      arity: [1],
      routes: RFB,
      args: ["int"],
      argNames: ["limit"],
      doc: "Alias of is_maxfwd_lt().",
      simulated: false,
    },
  },
});
