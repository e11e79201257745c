/**
 * Kamailio 5.6 `path` module as the checker knows it: parameters, script functions and
 * pseudo-variables, from the module's export tables. Declared only, not simulated.
 */
import { defineModule, RouteKind } from "../types.js";

export const pathModule = defineModule({
  name: "path",
  simulated: false,
  doc: "Path header support (RFC 3327) for proxies in front of a registrar.",
  params: {
    use_received: {
      type: "int",
      default: 0,
      doc: "Uses the received parameter of the first Route URI as destination of in-dialog requests.",
    },
    received_format: {
      type: "int",
      default: 0,
      doc: "Format of the received parameter: 0 an escaped SIP URI, 1 the ip~port~proto form used by nathelper aliases.",
    },
    enable_r2: {
      type: "int",
      default: 0,
      doc: "Adds two Path headers when the incoming and outgoing interfaces differ.",
    },
    sockname_mode: { type: "int", default: 0, doc: "Puts the socket name into the Path URI." },
    received_name: { type: "string", default: "received", doc: "Name of the received parameter in the Path URI." },
  },
  functions: {
    add_path: {
      arity: [0, 1, 2],
      routes: RouteKind.REQUEST,
      argNames: ["user", "parameters"],
      doc: "Adds a Path header with this proxy's address, optionally with a user part and URI parameters.",
    },
    add_path_received: {
      arity: [0, 1, 2],
      routes: RouteKind.REQUEST,
      argNames: ["user", "parameters"],
      doc: "Like add_path(), adding the source address as a received parameter.",
    },
  },
});
