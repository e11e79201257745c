/**
 * registrar: save() of REGISTER requests into usrloc with its reply, lookup() and friends,
 * $ulc (docs/kamailio/registrar.md). Simulated as Kamailio 5.6.3's modules/registrar does it.
 */
import { ANY_ROUTE, defineModule, ONREPLY, RouteKind } from "../types.js";
import { createRegistrarChecker } from "./check.js";

export const registrarModule = defineModule({
  name: "registrar",
  simulated: true,
  // modules/registrar/registrar.c mod_init: sl_load_api() and the usrloc API.
  needs: ["sl", "usrloc"],
  doc: "SIP registrar: processes REGISTER requests into usrloc and looks up registered contacts to route requests to users.",
  params: {
    default_expires: { type: "int", default: 3600, doc: "Expires value used when the REGISTER has none, in seconds." },
    default_expires_range: {
      type: "int",
      default: 0,
      doc: "Percentage by which the default expires may be randomly lowered.",
    },
    expires_range: {
      type: "int",
      default: 0,
      doc: "Percentage by which the requested expires may be randomly lowered.",
    },
    default_q: { type: "int", default: -1, doc: "q value assumed for contacts without one (-1 means unspecified)." },
    append_branches: {
      type: "int",
      default: 1,
      doc: "lookup() adds all contacts as branches (1) or only the best one (0).",
    },
    case_sensitive: { type: "int", default: 0, doc: "Compares AOR user parts case-sensitively." },
    realm_prefix: { type: "string", doc: 'Prefix removed from the domain (e.g. "sip.") before using it for the AOR.' },
    min_expires: {
      type: "int",
      default: 60,
      doc: "Minimum accepted expires value, in seconds (0 disables the check).",
    },
    max_expires: { type: "int", default: 0, doc: "Maximum accepted expires value, in seconds (0 disables the check)." },
    received_param: {
      type: "string",
      default: "received",
      doc: "Name of the contact parameter that carries the received address.",
    },
    received_avp: {
      type: "string",
      doc: "AVP holding the received address to store with the contact (set by nathelper fix_nated_register()).",
    },
    max_contacts: { type: "int", default: 0, doc: "Maximum number of contacts per AOR (0 means no limit)." },
    retry_after: {
      type: "int",
      default: 0,
      doc: "Value of the Retry-After header added to 503 replies (0 means none).",
    },
    sock_mode: {
      type: "int",
      default: 0,
      doc: "When 1, stores the advertised address of the receiving socket instead of its bind address.",
    },
    sock_flag: {
      type: "int",
      doc: "Message flag that makes save() use the socket given in the header named by sock_hdr_name.",
    },
    sock_hdr_name: {
      type: "string",
      doc: "Header holding the socket to store with the contact when sock_flag is set.",
    },
    method_filtering: {
      type: "int",
      default: 0,
      doc: "Filters contacts by the methods they support (from the Allow header).",
    },
    use_path: { type: "int", default: 0, doc: "Stores the Path header of REGISTER requests and uses it in lookup()." },
    path_mode: {
      type: "int",
      default: 2,
      doc: "What to do with Path in replies: 0 none, 1 add if supported, 2 always add.",
    },
    path_use_received: {
      type: "int",
      default: 0,
      doc: "Uses the received parameter of the first Path URI as the contact's received address.",
    },
    path_check_local: { type: "int", default: 0, doc: "Ignores the Path when its first hop is this proxy." },
    xavp_cfg: { type: "string", doc: "XAVP with per-request registrar settings (e.g. max_contacts)." },
    xavp_rcd: { type: "string", doc: "XAVP filled with attributes of the saved/looked-up contact (e.g. ruid)." },
    xavp_rcd_mask: {
      type: "int",
      default: 0,
      doc: "Bit mask of fields not stored in xavp_rcd: 1 ruid, 2 contact, 4 expires, 8 received, 16 path.",
    },
    gruu_enabled: { type: "int", default: 1, doc: "Enables GRUU support (RFC 5627)." },
    outbound_mode: { type: "int", default: 0, doc: "SIP outbound (RFC 5626) support: 0 off, 1 on, 2 required." },
    regid_mode: {
      type: "int",
      default: 0,
      doc: "Uses the reg-id contact parameter when saving even if the REGISTER does not indicate outbound support.",
    },
    flow_timer: {
      type: "int",
      default: 0,
      doc: "Flow-Timer value for outbound registrations, in seconds (0 disables).",
    },
    contact_max_size: { type: "int", default: 512, doc: "Maximum contact URI length; longer ones get a 400 reply." },
    event_callback: { type: "string", doc: "KEMI function name called for usrloc:contact-expired." },
    lookup_filter_mode: {
      type: "int",
      default: 0,
      doc: "Filters applied by lookup(); 1 returns only contacts whose branch flags match rlf_bflags in the xavp_cfg XAVP.",
    },
    min_expires_mode: {
      type: "int",
      default: 0,
      doc: "What to do when the expires value is below min_expires: 0 raise it, 1 reject with 423.",
    },
    use_expired_contacts: {
      type: "int",
      default: 0,
      doc: "Lets lookup() and friends use contacts that have expired but were not yet removed.",
    },
  },
  functions: {
    save: {
      arity: [1, 2, 3],
      routes: RouteKind.REQUEST | RouteKind.FAILURE | ONREPLY,
      argNames: ["domain", "flags", "uri"],
      doc: "Stores the contacts of a REGISTER into the location table and replies; flags tune the behaviour.",
    },
    lookup: {
      arity: [1, 2],
      routes: RouteKind.REQUEST | RouteKind.FAILURE,
      argNames: ["domain", "uri"],
      doc: "Replaces the R-URI with the registered contacts of the user (adding branches); returns negative when not found.",
    },
    lookup_to_dset: {
      arity: [1, 2],
      routes: RouteKind.REQUEST | RouteKind.FAILURE,
      argNames: ["domain", "uri"],
      doc: "Like lookup() but puts all contacts into the destination set, leaving the R-URI unchanged.",
    },
    registered: {
      arity: [1, 2, 3, 4],
      routes: ANY_ROUTE,
      argNames: ["domain", "uri", "match_option", "match_action"],
      doc: "True when the AOR (R-URI or given URI) has registered contacts.",
    },
    add_sock_hdr: {
      arity: [1],
      routes: RouteKind.REQUEST,
      argNames: ["hdr_name"],
      doc: "Adds a header holding the receiving socket, for use when saving on another server.",
    },
    unregister: {
      arity: [2, 3],
      routes: ANY_ROUTE,
      argNames: ["domain", "uri", "ruid"],
      doc: "Removes the contacts of an AOR, all or only the one with the given ruid.",
    },
    reg_fetch_contacts: {
      arity: [3],
      routes: RouteKind.REQUEST | RouteKind.FAILURE,
      argNames: ["domain", "uri", "profile"],
      doc: "Loads the contacts of an AOR into $ulc(profile=>...) for inspection.",
    },
    reg_free_contacts: {
      arity: [1],
      routes: RouteKind.REQUEST | RouteKind.FAILURE,
      argNames: ["profile"],
      doc: "Frees the contacts loaded with reg_fetch_contacts().",
    },
    lookup_branches: {
      arity: [1],
      routes: RouteKind.REQUEST | RouteKind.FAILURE,
      argNames: ["domain"],
      doc: "Runs lookup() for the R-URI of each branch, replacing branches with their contacts.",
    },
    reg_send_reply: {
      arity: [0],
      routes: RouteKind.REQUEST | RouteKind.FAILURE,
      doc: "Sends the reply prepared by save() when it was called with the no-reply flag.",
    },
  },
  pvars: {
    ulc: {
      inner: "required",
      writable: true,
      doc: "Contact attributes loaded by reg_fetch_contacts(), e.g. $ulc(profile=>addr)[0] or $ulc(profile=>count).",
    },
  },
  events: ["usrloc:contact-expired"],
  checks: createRegistrarChecker,
});
