/**
 * xhttp: HTTP requests on the SIP port's TCP connections, handled in event_route[xhttp:request].
 * kamsim receives SIP over UDP only, so that route never runs, as in Kamailio without HTTP
 * traffic; loading the module changes nothing a run shows. xhttp_reply() is not simulated and
 * warns at its call (docs/kamailio/rpc-modules.md).
 */
import { defineModule, RouteKind } from "../types.js";

export const xhttpModule = defineModule({
  name: "xhttp",
  simulated: true,
  doc: "Basic HTTP server on top of the SIP TCP listeners: requests are handled in event_route[xhttp:request] and answered with xhttp_reply().",
  params: {
    url_match: {
      type: "string",
      doc: "Regular expression; only requests whose URL matches are handled by the event route.",
    },
    url_skip: {
      type: "string",
      doc: "Regular expression; requests whose URL matches are not handled by the event route.",
    },
    event_callback: { type: "string", doc: "KEMI function name called for HTTP requests." },
  },
  functions: {
    xhttp_reply: {
      arity: [4],
      routes: RouteKind.REQUEST,
      argNames: ["code", "reason", "ctype", "body"],
      doc: "Sends an HTTP reply with the given status, reason, content type and body.",
      simulated: false,
    },
  },
  pvars: {
    hu: { inner: "none", doc: "URL of the HTTP request." },
  },
  events: ["xhttp:request"],
});
