/**
 * Kamailio 5.6 `sanity` module as the checker knows it: parameters, script functions and
 * pseudo-variables, from the module's export tables. Declared only, not simulated.
 */
import { defineModule, ONREPLY, RouteKind } from "../types.js";

export const sanityModule = defineModule({
  name: "sanity",
  simulated: false,
  // modules/sanity/sanity_mod.c mod_init: sl_load_api().
  needs: ["sl"],
  doc: "Sanity checks of incoming SIP messages (request line, URIs, headers, lengths), replying with an error to malformed requests.",
  params: {
    default_checks: {
      type: "int",
      default: 3047,
      doc: "Bit mask of the checks done by sanity_check() without parameters.",
    },
    uri_checks: { type: "int", default: 7, doc: "Bit mask of the URIs checked by the URI checks." },
    proxy_require: {
      type: "string",
      default: "",
      doc: "Comma-separated list of extensions accepted in Proxy-Require.",
    },
    autodrop: {
      type: "int",
      default: 1,
      doc: "When set, a failed check stops the script (the message is dropped) after replying.",
    },
    noreply: { type: "int", default: 0, doc: "When set, no reply is sent on failure; use sanity_reply() to send it." },
  },
  functions: {
    sanity_check: {
      arity: [0, 1, 2],
      routes: RouteKind.REQUEST | ONREPLY,
      argNames: ["msg_checks", "uri_checks"],
      doc: "Runs the sanity checks (the default ones or those selected by the bit masks); false when the message fails.",
    },
    sanity_reply: {
      arity: [0],
      routes: RouteKind.REQUEST | ONREPLY,
      doc: "Sends the error reply prepared by a failed sanity_check() when noreply is set.",
    },
  },
});
