/**
 * Kamailio 5.6 `nathelper` module as the checker knows it: parameters, script functions and
 * pseudo-variables, from the module's export tables. Declared only, not simulated.
 */
import { ANY_ROUTE, defineModule, ONREPLY, RouteKind } from "../types.js";

export const nathelperModule = defineModule({
  name: "nathelper",
  simulated: false,
  doc: "NAT traversal helpers: detection of clients behind NAT, Contact and SDP rewriting, contact aliases and NAT keepalive pings.",
  params: {
    natping_interval: {
      type: "int",
      default: 0,
      doc: "Interval between NAT keepalive pings to registered contacts, in seconds (0 disables).",
    },
    ping_nated_only: { type: "int", default: 0, doc: "Pings only contacts flagged as behind NAT." },
    nortpproxy_str: {
      type: "string",
      default: "a=nortpproxy:yes",
      doc: "SDP line marking a body as already handled by a media relay.",
    },
    received_avp: { type: "string", doc: "AVP where fix_nated_register() stores the received address for registrar." },
    force_socket: { type: "string", doc: "Local socket used to send NAT pings over UDP." },
    sipping_from: {
      type: "string",
      doc: "From URI for SIP OPTIONS keepalives; when set, pings are SIP requests instead of bare UDP packets.",
    },
    sipping_method: { type: "string", default: "OPTIONS", doc: "Method used for SIP keepalives." },
    sipping_bflag: { type: "int", doc: "Branch flag marking contacts that get SIP keepalives." },
    natping_disable_bflag: { type: "int", doc: "Branch flag marking contacts that must not be pinged." },
    natping_processes: { type: "int", default: 1, doc: "Number of processes sending NAT pings." },
    natping_socket: { type: "string", doc: "Source address to spoof for NAT pings (IPv4 only)." },
    keepalive_timeout: {
      type: "int",
      default: 0,
      doc: "Time after which a contact that does not answer SIP keepalives is removed, in seconds (0 disables).",
    },
    udpping_from_path: { type: "int", default: 0, doc: "Sends UDP pings over a raw socket from the Path address." },
    append_sdp_oldmediaip: {
      type: "int",
      default: 1,
      doc: "Adds the original media address as an a=oldmediaip line when rewriting SDP.",
    },
    filter_server_id: { type: "int", default: 0, doc: "Pings only contacts saved with this instance's server_id." },
    nat_addr_mode: {
      type: "int",
      default: 1,
      doc: "Makes nat_uac_test() also treat other reserved ranges as private.",
    },
    alias_name: { type: "string", default: "", doc: "Name of the Contact URI parameter used for aliases." },
  },
  functions: {
    fix_nated_contact: {
      arity: [0],
      routes: RouteKind.REQUEST | ONREPLY | RouteKind.BRANCH | RouteKind.LOCAL,
      doc: "Rewrites the Contact URI host and port with the source address of the message.",
      standIn: { returns: 1, means: "Contact left unchanged" },
    },
    add_contact_alias: {
      arity: [0, 3],
      routes: RouteKind.REQUEST | RouteKind.FAILURE | ONREPLY | RouteKind.BRANCH | RouteKind.LOCAL,
      // modules/nathelper/nathelper.c: the two counts differ in FAILURE and LOCAL.
      routesByArity: {
        0: RouteKind.REQUEST | ONREPLY | RouteKind.BRANCH | RouteKind.LOCAL,
        3: RouteKind.REQUEST | ONREPLY | RouteKind.BRANCH | RouteKind.FAILURE,
      },
      argNames: ["ip_addr", "port", "proto"],
      doc: "Adds an alias parameter with the source (or given) address to the Contact URI.",
      standIn: { returns: 1, means: "Contact left unchanged" },
    },
    set_contact_alias: {
      arity: [0, 1],
      routes: RouteKind.REQUEST | ONREPLY | RouteKind.BRANCH | RouteKind.LOCAL,
      argNames: ["trim"],
      doc: "Adds the source address as alias parameter to the Contact URI in a way that survives further changes.",
      standIn: { returns: 1, means: "Contact left unchanged" },
    },
    handle_ruri_alias: {
      arity: [0, 1],
      routes: RouteKind.REQUEST | RouteKind.BRANCH | RouteKind.LOCAL,
      argNames: ["mode"],
      doc: "When the R-URI has an alias parameter, moves it into $du and removes it from the R-URI.",
      standIn: { returns: 1, means: "R-URI left unchanged" },
    },
    fix_nated_sdp: {
      arity: [1, 2],
      routes: RouteKind.REQUEST | RouteKind.FAILURE | ONREPLY | RouteKind.BRANCH | RouteKind.LOCAL,
      argNames: ["flags", "ip_address"],
      doc: "Rewrites addresses in the SDP body with the source (or given) address, as selected by the flags.",
    },
    nat_uac_test: {
      arity: [1],
      routes: RouteKind.REQUEST | RouteKind.FAILURE | ONREPLY | RouteKind.BRANCH | RouteKind.LOCAL,
      argNames: ["flags"],
      doc: "True when the tests selected by the bit mask detect a client behind NAT.",
      standIn: { returns: -1, means: "no NAT detected" },
    },
    fix_nated_register: {
      arity: [0],
      routes: RouteKind.REQUEST,
      doc: "Stores the source address of a REGISTER so that save() records it as the received address.",
      standIn: { returns: 1, means: "as if the received address were stored" },
    },
    add_rcv_param: {
      arity: [0, 1],
      routes: RouteKind.REQUEST,
      argNames: ["flag"],
      doc: "Adds a received parameter with the source address to the Contact header (flag 1 puts it into the URI).",
    },
    is_rfc1918: {
      arity: [1],
      routes: ANY_ROUTE,
      argNames: ["ip_address"],
      doc: "True when the address belongs to a private (RFC 1918) range.",
    },
    set_alias_to_pv: {
      arity: [1],
      routes: ANY_ROUTE,
      argNames: ["target_avp"],
      doc: "Puts the address from the Contact alias parameter into the given pseudo-variable as a URI.",
    },
  },
  pvars: {
    rr_count: { inner: "none", doc: "Number of Record-Route URIs in the message." },
    rr_top_count: {
      inner: "none",
      doc: "2 when the topmost Record-Route header is a double one, 1 for a single one, 0 when there is none.",
    },
  },
});
