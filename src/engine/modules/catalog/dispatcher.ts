/**
 * Kamailio 5.6 `dispatcher` module as the checker knows it: parameters, script functions and
 * pseudo-variables, from the module's export tables. Declared only, not simulated.
 */
import { ANY_ROUTE, defineModule, ONREPLY, RouteKind } from "../types.js";

export const dispatcherModule = defineModule({
  name: "dispatcher",
  simulated: false,
  doc: "Load balancing and failover over groups of destinations (from a file or database), with selection algorithms, keepalive probing and call-load tracking.",
  params: {
    list_file: {
      type: "string",
      default: "/etc/kamailio/dispatcher.list",
      doc: "File with the destination list (when no database is used).",
    },
    db_url: { type: "string", doc: "Database URL to load destinations from." },
    table_name: { type: "string", default: "dispatcher", doc: "Table holding destinations." },
    setid_col: { type: "string", default: "setid", doc: "Name of the database column holding the set id." },
    destination_col: {
      type: "string",
      default: "destination",
      doc: "Name of the database column holding the destination URI.",
    },
    flags_col: { type: "string", default: "flags", doc: "Name of the database column holding the destination flags." },
    priority_col: {
      type: "string",
      default: "priority",
      doc: "Name of the database column holding the destination priority.",
    },
    attrs_col: {
      type: "string",
      default: "attrs",
      doc: "Name of the database column holding the destination attributes.",
    },
    force_dst: { type: "int", default: 1, doc: "Overwrites $du even when it is already set." },
    flags: {
      type: "int",
      default: 0,
      doc: "Bit mask: 1 hashes only the username part of URIs, 2 keeps the other destinations for failover.",
    },
    use_default: { type: "int", default: 0, doc: "Keeps the last destination of a set as the last resort." },
    xavp_dst: { type: "string", default: "_dsdst_", doc: "XAVP holding the selected destinations." },
    xavp_dst_mode: { type: "int", default: 0, doc: "Bit mask of fields not added to the destination XAVP." },
    xavp_ctx: {
      type: "string",
      default: "_dsctx_",
      doc: "XAVP holding attributes of the selection context (e.g. the count of destinations).",
    },
    xavp_ctx_mode: { type: "int", default: 0, doc: "Bit mask of fields not added to the context XAVP." },
    hash_pvar: { type: "string", doc: "Format string hashed by the custom-hash algorithm (7)." },
    setid_pvname: { type: "string", doc: "Pseudo-variable receiving the set id matched by ds_is_from_list()." },
    attrs_pvname: {
      type: "string",
      doc: "Pseudo-variable receiving the attributes of the destination matched by ds_is_from_list().",
    },
    ds_probing_threshold: {
      type: "int",
      default: 1,
      doc: "Number of failed keepalives after which a destination is marked inactive.",
    },
    ds_inactive_threshold: {
      type: "int",
      default: 1,
      doc: "Number of successful keepalives after which an inactive destination is marked active.",
    },
    ds_ping_method: { type: "string", default: "OPTIONS", doc: "Method of keepalive requests." },
    ds_ping_from: { type: "string", default: "sip:dispatcher@localhost", doc: "From URI of keepalive requests." },
    ds_ping_interval: { type: "int", default: 0, doc: "Interval between keepalive requests, in seconds (0 disables)." },
    ds_ping_latency_stats: { type: "int", default: 0, doc: "Measures the latency of keepalive replies." },
    ds_latency_estimator_alpha: { type: "int", default: 900, doc: "Weight (per mille) of the latency moving average." },
    ds_ping_reply_codes: {
      type: "string",
      doc: 'Extra reply codes treated as a successful keepalive, e.g. "class=2;code=403".',
    },
    ds_probing_mode: {
      type: "int",
      default: 0,
      doc: "Which destinations are pinged: 0 only probing ones, 1 all, 2 only inactive, 3 all but disabled.",
    },
    ds_hash_size: {
      type: "int",
      default: 0,
      doc: "Size (power of two) of the call-load hash table (0 disables call-load tracking).",
    },
    ds_hash_expire: { type: "int", default: 7200, doc: "Lifetime of call-load entries without update, in seconds." },
    ds_hash_initexpire: {
      type: "int",
      default: 7200,
      doc: "Lifetime of a call-load entry before the call is answered, in seconds.",
    },
    ds_hash_check_interval: {
      type: "int",
      default: 30,
      doc: "Interval between scans of the call-load table, in seconds.",
    },
    outbound_proxy: { type: "string", doc: "Outbound proxy used for keepalive requests." },
    ds_default_socket: { type: "string", doc: "Local socket used for keepalive requests." },
    ds_default_sockname: { type: "string", doc: "Name of the local socket used for keepalive requests." },
    ds_timer_mode: {
      type: "int",
      default: 0,
      doc: "Runs keepalives in the main timer (0) or in the secondary timer (1).",
    },
    event_callback: { type: "string", doc: "KEMI function name called for dispatcher events." },
    ds_attrs_none: { type: "int", default: 0, doc: 'Adds "none=yes" as attributes for destinations without any.' },
    ds_db_extra_attrs: {
      type: "string",
      doc: 'Extra database columns appended to the attributes, as "name=column;...".',
    },
    ds_load_mode: { type: "int", default: 0, doc: "Fails on an invalid destination (1) instead of skipping it (0)." },
    reload_delta: { type: "int", default: 5, doc: "Minimum time between two reloads, in seconds." },
    ds_dns_mode: {
      type: "int",
      default: 1,
      doc: "When destination hostnames are resolved: 1 at load, 2 on use, 4 periodically (bit mask).",
    },
    ds_dns_interval: { type: "int", default: 600, doc: "Interval between periodic DNS refreshes, in seconds." },
    ds_dns_ttl: {
      type: "int",
      default: 0,
      doc: "TTL forced on DNS results of the module, in seconds (0 keeps the record's).",
    },
  },
  functions: {
    ds_select: {
      arity: [2, 3],
      routes: ANY_ROUTE,
      // modules/dispatcher/dispatcher.c: ds_select/3 (with a limit) is REQUEST|FAILURE only.
      routesByArity: { 3: RouteKind.REQUEST | RouteKind.FAILURE },
      argNames: ["set", "alg", "limit"],
      doc: "Selects destinations from the set with the algorithm and stores them in XAVPs without changing the request.",
      standIn: { returns: 1, means: "a destination was selected, though nothing is set" },
    },
    ds_select_dst: {
      arity: [2, 3],
      routes: RouteKind.REQUEST | RouteKind.FAILURE,
      argNames: ["set", "alg", "limit"],
      doc: "Selects a destination from the set with the algorithm and sets it as $du; the others are kept for failover.",
      standIn: { returns: 1, means: "a destination was selected, though $du is left unchanged" },
    },
    ds_select_domain: {
      arity: [2, 3],
      routes: RouteKind.REQUEST | RouteKind.FAILURE,
      argNames: ["set", "alg", "limit"],
      doc: "Like ds_select_dst() but rewrites the host and port of the R-URI instead of $du.",
      standIn: { returns: 1, means: "a destination was selected, though the R-URI is left unchanged" },
    },
    ds_select_routes: {
      arity: [2, 3],
      routes: RouteKind.REQUEST | RouteKind.FAILURE,
      argNames: ["rules", "mode", "limit"],
      doc: 'Selects destinations using several set=algorithm rules, e.g. "1=4;2=4".',
    },
    ds_next_dst: {
      arity: [0],
      routes: RouteKind.REQUEST | RouteKind.FAILURE,
      doc: "Takes the next destination from the selected list into $du (for failover in a failure route).",
      standIn: { returns: -1, means: "no further destination" },
    },
    ds_next_domain: {
      arity: [0],
      routes: RouteKind.REQUEST | RouteKind.FAILURE,
      doc: "Takes the next destination from the selected list into the R-URI host.",
      standIn: { returns: -1, means: "no further destination" },
    },
    ds_set_dst: {
      arity: [0],
      routes: RouteKind.REQUEST | RouteKind.FAILURE,
      doc: "Sets $du to the current destination of the selected list.",
    },
    ds_set_domain: {
      arity: [0],
      routes: RouteKind.REQUEST | RouteKind.FAILURE,
      doc: "Sets the R-URI host to the current destination of the selected list.",
    },
    ds_mark_dst: {
      arity: [0, 1],
      routes: RouteKind.REQUEST | RouteKind.FAILURE | ONREPLY,
      argNames: ["state"],
      doc: 'Marks the current destination as inactive, probing or active ("i", "p", "a"...).',
    },
    ds_is_from_list: {
      arity: [0, 1, 2, 3],
      routes: ANY_ROUTE,
      // modules/dispatcher/dispatcher.c: without arguments it is not allowed in onsend_route.
      routesByArity: { 0: RouteKind.REQUEST | RouteKind.FAILURE | ONREPLY | RouteKind.BRANCH },
      argNames: ["groupid", "mode", "uri"],
      doc: "True when the source address (or the URI) belongs to a destination of the group (any group when not given).",
      standIn: { returns: -1, means: "the source is not a dispatcher destination" },
    },
    ds_list_exist: {
      arity: [1],
      routes: ANY_ROUTE,
      argNames: ["groupid"],
      doc: "Older name of ds_list_exists().",
    },
    ds_list_exists: {
      arity: [1],
      routes: ANY_ROUTE,
      argNames: ["groupid"],
      doc: "True when the destination set with this id exists.",
    },
    ds_load_unset: {
      arity: [0],
      routes: ANY_ROUTE,
      doc: "Releases the call-load slot taken for the current call (for the call-load algorithm).",
    },
    ds_load_update: {
      arity: [0],
      routes: ANY_ROUTE,
      doc: "Updates the call-load tracking for the current call from in-dialog requests and replies.",
    },
    ds_is_active: {
      arity: [1, 2],
      routes: ANY_ROUTE,
      argNames: ["groupid", "uri"],
      doc: "True when the group (or the URI in it) has an active destination.",
    },
    ds_reload: {
      arity: [0],
      routes: ANY_ROUTE,
      doc: "Reloads the destination list from its file or database.",
    },
  },
  pvars: {
    dsv: {
      inner: "required",
      doc: "Data of the keepalive reply in the dispatcher event routes: $dsv(code), $dsv(reason), $dsv(flags).",
    },
  },
  events: ["dispatcher:dst-down", "dispatcher:dst-up"],
});
