/**
 * Kamailio 5.6 `presence` module as the checker knows it: parameters, script functions and
 * pseudo-variables, from the module's export tables. Declared only, not simulated.
 */
import { ANY_ROUTE, defineModule, RouteKind } from "../types.js";

export const presenceModule = defineModule({
  name: "presence",
  simulated: false,
  doc: "Presence server core (SIMPLE): handles PUBLISH and SUBSCRIBE, stores presentities and watchers and sends NOTIFYs; event packages come from other modules.",
  params: {
    db_url: { type: "string", doc: "Database URL for presence tables." },
    presentity_table: { type: "string", default: "presentity", doc: "Table storing published presence state." },
    active_watchers_table: { type: "string", default: "active_watchers", doc: "Table of active subscriptions." },
    watchers_table: { type: "string", default: "watchers", doc: "Table of watchers and their authorization status." },
    clean_period: {
      type: "int",
      default: 100,
      doc: "Interval between cleanups of expired subscriptions and publications, in seconds.",
    },
    db_update_period: {
      type: "int",
      default: 100,
      doc: "Interval between writes of subscription changes to the database, in seconds.",
    },
    waitn_time: {
      type: "int",
      default: 5,
      doc: "Maximum time NOTIFYs are held back after a change, in seconds (with notifier processes).",
    },
    notifier_poll_rate: {
      type: "int",
      default: 10,
      doc: "How many times per second notifier processes look for pending work.",
    },
    notifier_processes: {
      type: "int",
      default: 1,
      doc: "Number of dedicated processes sending NOTIFYs (database-only subscription mode).",
    },
    force_delete: { type: "int", default: 0, doc: "Deletes expired presentities without notifying watchers." },
    startup_mode: {
      type: "int",
      default: 1,
      doc: "Startup compatibility mode for presentity handling (0 restores older behaviour).",
    },
    expires_offset: {
      type: "int",
      default: 0,
      doc: "Seconds subtracted from the expires in PUBLISH replies, so clients refresh early.",
    },
    max_expires: { type: "int", default: 3600, doc: "Maximum accepted expires for PUBLISH and SUBSCRIBE, in seconds." },
    min_expires: { type: "int", doc: "Minimum accepted expires, in seconds (0 disables the check)." },
    min_expires_action: {
      type: "int",
      default: 1,
      doc: "What to do with a too short expires: 1 reply 423 Interval Too Brief, 2 raise it to min_expires.",
    },
    server_address: { type: "string", doc: "Contact address used in NOTIFYs and replies sent by the presence server." },
    subs_htable_size: { type: "int", default: 9, doc: "Size of the subscription hash table as a power of two." },
    pres_htable_size: { type: "int", default: 9, doc: "Size of the presentity hash table as a power of two." },
    subs_db_mode: {
      type: "int",
      default: 2,
      doc: "Storage of subscriptions: 0 memory only, 1 write-through, 2 write-back, 3 database only.",
    },
    publ_cache: {
      type: "int",
      default: 1,
      doc: "What is kept in memory about published state: 0 nothing, 1 an index, 2 the full records.",
    },
    enable_sphere_check: { type: "int", default: 0, doc: "Takes the RPID sphere into account in authorization rules." },
    timeout_rm_subs: { type: "int", default: 1, doc: "Removes a subscription when its NOTIFY times out." },
    send_fast_notify: { type: "int", default: 1, doc: "Sends the NOTIFY right after accepting a SUBSCRIBE." },
    fetch_rows: { type: "int", default: 500, doc: "Number of rows fetched per database query." },
    db_table_lock_type: {
      type: "int",
      default: 1,
      doc: "Locks tables during transactions (needed for database-only mode with MySQL).",
    },
    local_log_level: { type: "int", default: 2, doc: "Log level of the module's own messages." },
    local_log_facility: { type: "string", doc: "Syslog facility of the module's own messages." },
    subs_remove_match: {
      type: "int",
      default: 0,
      doc: "Matches subscriptions to remove by To tag (0) or by all dialog attributes (1).",
    },
    xavp_cfg: { type: "string", doc: "XAVP with per-request presence settings." },
    retrieve_order: {
      type: "int",
      default: 0,
      doc: "Orders presentity records by receive time (0) or by retrieve_order_by (1).",
    },
    retrieve_order_by: {
      type: "string",
      default: "priority",
      doc: "Column used to order presentity records when retrieve_order is 1.",
    },
    sip_uri_match: { type: "int", default: 0, doc: "URI comparison: 0 case sensitive, 1 case insensitive." },
    cseq_offset: { type: "int", default: 0, doc: "Allowed difference between the server's and the client's CSeq." },
    enable_dmq: { type: "int", default: 0, doc: "Replicates presence data to other nodes with DMQ." },
    pres_subs_mode: {
      type: "int",
      default: 1,
      doc: "Copies the subscription for $subs(...) (1) or leaves $subs empty (0).",
    },
    delete_same_subs: {
      type: "int",
      default: 0,
      doc: "Deletes subscriptions with the same presentity URI and Call-ID.",
    },
    timer_mode: {
      type: "int",
      default: 1,
      doc: "Runs the cleanup timers in the core main timer (0) or the secondary timer (1).",
    },
    subs_respond_200: {
      type: "int",
      default: 1,
      doc: "Accepts SUBSCRIBE with 200 OK (1) instead of 202 Accepted (0).",
    },
  },
  functions: {
    handle_publish: {
      arity: [0, 1],
      routes: RouteKind.REQUEST,
      argNames: ["sender_uri"],
      doc: "Processes a PUBLISH request, storing the published state and notifying watchers; replies to the sender.",
    },
    handle_subscribe: {
      arity: [0, 1],
      routes: RouteKind.REQUEST,
      argNames: ["watcher_uri"],
      doc: "Processes a SUBSCRIBE request, creating or refreshing the subscription and sending NOTIFY.",
    },
    pres_auth_status: {
      arity: [2],
      routes: RouteKind.REQUEST,
      argNames: ["watcher_uri", "presentity_uri"],
      doc: "Returns the authorization status of a watcher for a presentity.",
    },
    pres_refresh_watchers: {
      arity: [3, 5],
      routes: ANY_ROUTE,
      argNames: ["uri", "event", "type", "file_uri", "filename"],
      doc: "Sends NOTIFYs to the watchers of a presentity after its state changed outside a PUBLISH.",
    },
    pres_update_watchers: {
      arity: [2],
      routes: ANY_ROUTE,
      argNames: ["uri", "event"],
      doc: "Re-evaluates the authorization of watchers and notifies them when it changed.",
    },
    pres_has_subscribers: {
      arity: [2],
      routes: ANY_ROUTE,
      argNames: ["presentity_uri", "event"],
      doc: "True when the presentity has active subscribers for the event.",
    },
  },
  pvars: {
    subs: { inner: "required", doc: "Attributes of the subscription being handled, e.g. $subs(uri)." },
    notify_reply: {
      inner: "required",
      doc: "Pseudo-variable evaluated on the NOTIFY reply in event_route[presence:notify-reply], e.g. $notify_reply($rs).",
    },
  },
  events: ["presence:notify-reply"],
});
