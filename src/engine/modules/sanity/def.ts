/**
 * sanity: checks of received SIP messages (docs/kamailio/sanity.md), replying to malformed
 * requests as modules/sanity/sanity.c does. Declaration from sanity_mod.c's export tables.
 */
import { defineModule, ONREPLY, RouteKind } from "../types.js";

export const sanityModule = defineModule({
  name: "sanity",
  simulated: true,
  // modules/sanity/sanity_mod.c mod_init: sl_load_api().
  needs: ["sl"],
  doc: "Sanity checks of incoming SIP messages (request line, URIs, headers, lengths), replying with an error to malformed requests.",
  params: {
    default_checks: {
      type: "int",
      default: 3047,
      doc: "Bit mask of the checks done by sanity_check() without parameters: 1 R-URI version, 2 R-URI scheme, 4 required headers, 8 Via version, 16 Via protocol, 32 CSeq method, 64 CSeq number, 128 Content-Length, 256 Expires, 512 Proxy-Require, 1024 parse URIs, 2048 digest credentials, 4096 duplicate tags, 8192 authorization, 16384 first Via.",
    },
    uri_checks: {
      type: "int",
      default: 7,
      doc: "Bit mask of the URIs the parse-URIs check (1024) parses: 1 R-URI, 2 From, 4 To, 8 Contact.",
    },
    proxy_require: {
      type: "string",
      default: "",
      doc: "Comma-separated list of extensions accepted in Proxy-Require; any other one is answered 420.",
    },
    autodrop: {
      type: "int",
      default: 1,
      doc: "When set, a failed check returns 0 from sanity_check(), which stops the script; otherwise -1.",
    },
    noreply: {
      type: "int",
      default: 0,
      doc: "When set, no reply is sent on failure; sanity_reply() sends it later.",
    },
  },
  functions: {
    sanity_check: {
      arity: [0, 1, 2],
      routes: RouteKind.REQUEST | ONREPLY,
      args: ["int", "int"],
      argNames: ["msg_checks", "uri_checks"],
      returns:
        "1 every check passed; 0 a check failed with autodrop=1 (the script stops); -1 a check failed (autodrop=0) or a parameter is out of range",
      doc: "Runs the sanity checks (the default ones or those selected by the bit masks), in bit order, stopping at the first failure; a failing request is answered with the check's reply (400, 420, 505...) unless noreply is set.",
    },
    sanity_reply: {
      arity: [0],
      routes: RouteKind.REQUEST | ONREPLY,
      returns: "1 (also when there is nothing to send); -1 the reply could not be sent",
      doc: "With noreply set: sends the reply the last failed sanity_check() of this message prepared (500 Server Sanity Failure when none).",
    },
  },
});
