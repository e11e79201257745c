/**
 * Kamailio 5.6 `nat_traversal` module as the checker knows it: parameters, script functions and
 * pseudo-variables, from the module's export tables. Declared only, not simulated.
 */
import { ANY_ROUTE, defineModule, RouteKind } from "../types.js";

export const natTraversalModule = defineModule({
  name: "nat_traversal",
  simulated: false,
  // modules/nat_traversal/nat_traversal.c mod_init: sl_load_api() and load_tm_api().
  needs: ["sl", "tm"],
  doc: "NAT traversal for clients behind NAT: detection, Contact fixing and keepalive pings towards registered or subscribed clients.",
  params: {
    keepalive_interval: { type: "int", default: 60, doc: "Interval between keepalive messages, in seconds." },
    keepalive_method: { type: "string", doc: "Method of keepalive requests." },
    keepalive_from: { type: "string", doc: "From URI of keepalive requests." },
    keepalive_extra_headers: { type: "string", doc: "Extra headers added to keepalive requests." },
    keepalive_state_file: {
      type: "string",
      default: "keepalive_state",
      doc: "File where keepalive state is saved across restarts.",
    },
    contact_match: {
      type: "int",
      default: 0,
      doc: "How contacts in requests and replies are matched: 0 string comparison, 1 light URI comparison.",
    },
  },
  functions: {
    nat_keepalive: {
      arity: [0],
      routes: RouteKind.REQUEST,
      doc: "Starts sending keepalives to the client of this REGISTER, SUBSCRIBE or INVITE dialog.",
    },
    fix_contact: {
      arity: [0],
      routes: ANY_ROUTE,
      doc: "Replaces the Contact host and port with the source address of the message.",
    },
    client_nat_test: {
      arity: [1],
      routes: ANY_ROUTE,
      argNames: ["type"],
      doc: "True when the tests selected by the bit mask detect that the client is behind NAT.",
    },
  },
  pvars: {
    "keepalive.socket": { inner: "required", doc: "The local socket keepalives go out on for the given contact." },
    source_uri: { inner: "none", doc: "A SIP URI made from the source address and protocol of the message." },
  },
});
