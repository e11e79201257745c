/**
 * Kamailio 5.6 `permissions` module as the checker knows it: parameters, script functions and
 * pseudo-variables, from the module's export tables. Declared only, not simulated.
 */
import { ANY_ROUTE, defineModule, RouteKind } from "../types.js";

export const permissionsModule = defineModule({
  name: "permissions",
  simulated: false,
  doc: "Access control: routing and registration rules from allow/deny files, trusted peers and address groups from a database or file.",
  params: {
    default_allow_file: {
      type: "string",
      default: "permissions.allow",
      doc: "Allow rules file used by allow_routing() without parameters.",
    },
    default_deny_file: {
      type: "string",
      default: "permissions.deny",
      doc: "Deny rules file used by allow_routing() without parameters.",
    },
    check_all_branches: { type: "int", default: 1, doc: "Checks every branch of the request, not only the R-URI." },
    allow_suffix: { type: "string", default: ".allow", doc: "Suffix of allow files when a basename is given." },
    deny_suffix: { type: "string", default: ".deny", doc: "Suffix of deny files when a basename is given." },
    db_url: { type: "string", doc: "Database URL for the trusted and address tables." },
    db_mode: { type: "int", default: 0, doc: "0 query the database each time, 1 cache the tables in memory." },
    trusted_table: { type: "string", default: "trusted", doc: "Table of trusted peers." },
    source_col: {
      type: "string",
      default: "src_ip",
      doc: "Name of the database column holding the trusted source address.",
    },
    proto_col: { type: "string", default: "proto", doc: "Name of the database column holding the transport protocol." },
    from_col: {
      type: "string",
      default: "from_pattern",
      doc: "Name of the database column holding the From URI pattern.",
    },
    ruri_col: {
      type: "string",
      default: "ruri_pattern",
      doc: "Name of the database column holding the R-URI pattern.",
    },
    tag_col: { type: "string", default: "tag", doc: "Name of the database column holding the peer tag." },
    priority_col: {
      type: "string",
      default: "priority",
      doc: "Name of the database column holding the rule priority.",
    },
    peer_tag_avp: { type: "string", doc: "AVP set to the tag of the matching trusted peer." },
    peer_tag_mode: { type: "int", default: 0, doc: "Sets the tag of the first (0) or of all (1) matching peers." },
    address_table: { type: "string", default: "address", doc: "Table of addresses and subnets grouped by id." },
    address_file: { type: "string", doc: "File with address records to load instead of the database." },
    grp_col: { type: "string", default: "grp", doc: "Name of the database column holding the group id." },
    ip_addr_col: { type: "string", default: "ip_addr", doc: "Name of the database column holding the IP address." },
    mask_col: { type: "string", default: "mask", doc: "Name of the database column holding the network mask length." },
    port_col: { type: "string", default: "port", doc: "Name of the database column holding the port." },
    max_subnets: { type: "int", default: 512, doc: "Maximum number of subnet records kept in memory." },
    load_backends: {
      type: "int",
      default: 65535,
      doc: "Bit mask of backends to load: 1 address table, 2 trusted table, 4 allow file, 8 deny file.",
    },
    reload_delta: { type: "int", default: 5, doc: "Minimum time between two RPC reloads, in seconds." },
    trusted_cleanup_interval: {
      type: "int",
      default: 60,
      doc: "Interval for cleaning old trusted records after reloads, in seconds.",
    },
  },
  functions: {
    allow_routing: {
      arity: [0, 1, 2],
      routes: ANY_ROUTE,
      argNames: ["basename_or_allow_file", "deny_file"],
      doc: "Checks the From and R-URI against the default rule files, the <basename>.allow/.deny files or the two given files.",
    },
    allow_register: {
      arity: [1, 2],
      routes: RouteKind.REQUEST | RouteKind.FAILURE,
      argNames: ["basename_or_allow_file", "deny_file"],
      doc: "Checks the To and Contact URIs of a REGISTER against <basename> rule files or the two given files.",
    },
    allow_trusted: {
      arity: [0, 2, 3],
      routes: ANY_ROUTE,
      argNames: ["src_ip_pvar", "proto_pvar", "furi_pvar"],
      doc: "True when the source (or the given address, protocol and From URI) is a trusted peer.",
      standIn: { returns: -1, means: "the source is not trusted" },
    },
    allow_uri: {
      arity: [2],
      routes: RouteKind.REQUEST | RouteKind.FAILURE,
      argNames: ["basename", "pvar"],
      doc: "Checks the From URI and the URI in the pseudo-variable against <basename>.allow/.deny files.",
    },
    allow_address: {
      arity: [3],
      routes: ANY_ROUTE,
      argNames: ["group_id", "ip_addr_pvar", "port_pvar"],
      doc: "True when the address and port belong to the address group.",
      standIn: { returns: -1, means: "the address is not in the address table" },
    },
    allow_source_address: {
      arity: [0, 1],
      routes: ANY_ROUTE,
      argNames: ["group_id"],
      doc: "True when the source address and port belong to the address group (1 by default).",
      standIn: { returns: -1, means: "the source is not in the address table" },
    },
    allow_source_address_group: {
      arity: [0],
      routes: ANY_ROUTE,
      doc: "Returns the group id the source address belongs to, or -1.",
      standIn: { returns: -1, means: "the source is in no group" },
    },
    allow_address_group: {
      arity: [2],
      routes: ANY_ROUTE,
      argNames: ["addr", "port"],
      doc: "Returns the group id the given address and port belong to, or -1.",
      standIn: { returns: -1, means: "the address is in no group" },
    },
  },
});
