/**
 * Kamailio 5.6 `topoh` module as the checker knows it: parameters, script functions and
 * pseudo-variables, from the module's export tables. Declared only, not simulated.
 */
import { defineModule } from "../types.js";

export const topohModule = defineModule({
  name: "topoh",
  simulated: false,
  doc: "Topology hiding by encoding: masks Via, Record-Route, Contact and Call-ID of passing messages so the network layout is not revealed.",
  params: {
    mask_key: { type: "string", default: "aL9.n8~Hm]Z", doc: "Secret key used to encode the hidden values." },
    mask_ip: { type: "string", default: "127.0.0.8", doc: "IP address placed in masked URIs." },
    mask_callid: { type: "int", default: 0, doc: "Also encodes the Call-ID." },
    uparam_name: { type: "string", default: "line", doc: "URI parameter name carrying encoded data." },
    uparam_prefix: { type: "string", default: "sr-", doc: "Prefix of encoded URI parameter values." },
    vparam_name: { type: "string", default: "branch", doc: "Via parameter name carrying encoded data." },
    vparam_prefix: { type: "string", default: "z9hG4bKsr-", doc: "Prefix of encoded Via parameter values." },
    callid_prefix: { type: "string", default: "!!:", doc: "Prefix of encoded Call-IDs." },
    sanity_checks: { type: "int", default: 0, doc: "Runs sanity checks on received requests before decoding." },
    uri_prefix_checks: { type: "int", default: 0, doc: "Decodes only URIs that carry the expected prefix." },
    event_callback: { type: "string", doc: "KEMI function name called for topoh events." },
    event_mode: { type: "int", doc: "Bit mask of event routes run: 1 topoh:msg-outgoing, 2 topoh:msg-sending." },
  },
  functions: {},
  events: ["topoh:msg-outgoing", "topoh:msg-sending"],
});
