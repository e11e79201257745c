/**
 * Kamailio 5.6 `rr` module (modules/rr/rr_mod.c exports): Record-Route insertion and loose
 * routing, simulated (runtime.ts, docs/kamailio/rr.md). kamsim listens on one UDP socket, so the
 * parameters about other sockets and transports (double Record-Route when the sockets differ,
 * `force_send_socket`, `sockname_mode`) act as they do on such a Kamailio.
 */
import { ANY_ROUTE, defineModule, RouteKind } from "../types.js";
import { createRrChecker } from "./check.js";

export const rrModule = defineModule({
  name: "rr",
  simulated: true,
  checks: createRrChecker,
  doc: "Record-Route and Route header handling: loose routing of in-dialog requests and Record-Route insertion with parameters.",
  params: {
    append_fromtag: {
      type: "int",
      default: 1,
      doc: "Adds the From tag to Record-Route, needed by is_direction() and some uac functions.",
    },
    enable_double_rr: {
      type: "int",
      default: 1,
      doc: "Adds two Record-Route headers when the incoming and outgoing sockets differ (2: always).",
    },
    enable_full_lr: { type: "int", default: 0, doc: "Writes the lr parameter as lr=on for broken devices." },
    add_username: { type: "int", default: 0, doc: "Puts the R-URI username into the Record-Route URI." },
    enable_socket_mismatch_warning: {
      type: "int",
      default: 1,
      doc: "Warns when the Route points to a different socket than the one the request arrived on.",
    },
    custom_user_avp: { type: "string", doc: "AVP whose value is used as the user part of the Record-Route URI." },
    force_send_socket: {
      type: "int",
      default: 0,
      doc: "Forces the sending socket from the second Route header when double RR was used.",
    },
    ignore_sips: { type: "int", default: 0, doc: "Adds sip: URIs in Record-Route even when the R-URI is sips:." },
    sockname_mode: {
      type: "int",
      default: 0,
      doc: "Puts the socket name into Record-Route and uses it when routing back.",
    },
  },
  functions: {
    loose_route: {
      arity: [0],
      routes: RouteKind.REQUEST,
      returns:
        "1 routed by the Route set ($du or the R-URI set); -1 no Route header, not routed or an error; -3 (false) a preloaded Route set was only this proxy",
      doc: "Processes the Route headers of a request: removes this proxy's own Route, sets $du from the next one (or the R-URI, for a strict router); true when routing was done.",
    },
    loose_route_preloaded: {
      arity: [0],
      routes: RouteKind.REQUEST,
      returns: "1 when loose_route() would return -3 (a preloaded Route set of this proxy only), else -1",
      doc: "Like loose_route(), but true only when the Route headers are preloaded in an initial request.",
    },
    loose_route_mode: {
      arity: [1],
      routes: RouteKind.REQUEST,
      args: ["int"],
      argNames: ["vmode"],
      doc: "Like loose_route(); with 1 it only does loose routing, skipping the strict-routing check of an R-URI that is this proxy.",
    },
    record_route: {
      arity: [0, 1],
      routes: RouteKind.REQUEST | RouteKind.FAILURE | RouteKind.BRANCH,
      args: ["format"],
      argNames: ["sparams"],
      returns: "1 added (as a pending change); -1 already added for this request, or an error",
      doc: "Adds a Record-Route header, optionally with extra URI parameters.",
    },
    record_route_preset: {
      arity: [1, 2],
      routes: RouteKind.REQUEST | RouteKind.FAILURE | RouteKind.BRANCH,
      args: ["format", "format"],
      argNames: ["address", "address2"],
      doc: "Adds a Record-Route header with the given address (and a second one for double RR).",
    },
    record_route_advertised_address: {
      arity: [1],
      routes: RouteKind.REQUEST | RouteKind.FAILURE | RouteKind.BRANCH,
      args: ["format"],
      argNames: ["address"],
      doc: "Adds a Record-Route header using the given advertised address.",
    },
    add_rr_param: {
      arity: [1],
      routes: RouteKind.REQUEST | RouteKind.FAILURE | RouteKind.BRANCH,
      args: ["format"],
      argNames: ["param"],
      doc: "Adds a parameter to the Record-Route header that will be inserted.",
    },
    check_route_param: {
      arity: [1],
      routes: RouteKind.REQUEST,
      args: ["regex"],
      argNames: ["re"],
      doc: "True when the parameters of the Route URI used for routing match the regular expression.",
    },
    is_direction: {
      arity: [1],
      routes: RouteKind.REQUEST,
      args: ["literal"],
      argNames: ["dir"],
      doc: 'True when the in-dialog request goes in the given direction: "downstream" or "upstream" (needs append_fromtag).',
    },
    remove_record_route: {
      arity: [0],
      routes: RouteKind.REQUEST | RouteKind.FAILURE,
      doc: "Removes the Record-Route headers added by this proxy.",
    },
    rr_next_hop_route: {
      arity: [0],
      routes: ANY_ROUTE,
      doc: "After loose_route(), true when a Route header remains for the next hop.",
    },
  },
  pvars: {
    route_uri: { inner: "none", doc: "URI of the first Route header." },
    fti: { inner: "none", doc: "The From tag of the initial request (the one that started the dialog)." },
    tti: { inner: "none", doc: "The To tag of the initial request's final reply." },
    rdir: {
      inner: "required",
      doc: "Direction of the in-dialog request: $rdir(id) gives 1 downstream / 2 upstream, $rdir(name) gives the word.",
    },
  },
});
