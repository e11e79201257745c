/**
 * Kamailio 5.6 `uac` module as the checker knows it: parameters, script functions and
 * pseudo-variables, from the module's export tables. Declared only, not simulated.
 */
import { ANY_ROUTE, defineModule, RouteKind } from "../types.js";

export const uacModule = defineModule({
  name: "uac",
  simulated: false,
  // modules/uac/uac.c mod_init: load_tm_api() and load_rr_api().
  needs: ["tm", "rr"],
  doc: "User agent client functions: From/To replacement with restore, authentication towards upstream providers, sending requests and remote registrations.",
  params: {
    rr_from_store_param: {
      type: "string",
      default: "vsf",
      doc: "Record-Route parameter storing the original From URI.",
    },
    rr_to_store_param: { type: "string", default: "vst", doc: "Record-Route parameter storing the original To URI." },
    restore_mode: { type: "string", doc: "How original From/To values are restored: none, manual or auto." },
    restore_dlg: {
      type: "int",
      default: 0,
      doc: "Stores the original From/To in dialog variables instead of Record-Route.",
    },
    restore_passwd: {
      type: "string",
      default: "",
      doc: "Password used to encrypt the stored From/To values (empty: no encryption).",
    },
    restore_from_avp: { type: "string", doc: "AVP holding the original From URI for restoring." },
    restore_to_avp: { type: "string", doc: "AVP holding the original To URI for restoring." },
    credential: {
      type: "string",
      repeatable: true,
      doc: 'Credentials for uac_auth(), as "username:realm:password" (may be given several times).',
    },
    auth_username_avp: { type: "string", doc: "AVP holding the username used by uac_auth()." },
    auth_realm_avp: { type: "string", doc: "AVP holding the realm used by uac_auth()." },
    auth_password_avp: { type: "string", doc: "AVP holding the password used by uac_auth()." },
    reg_db_url: { type: "string", doc: "Database URL of the remote registrations table." },
    reg_db_table: { type: "string", default: "uacreg", doc: "Table of remote registrations." },
    reg_contact_addr: { type: "string", doc: "Host (and port) used to build the Contact of remote registrations." },
    reg_timer_interval: {
      type: "int",
      default: 90,
      doc: "Interval between checks of remote registrations, in seconds.",
    },
    reg_retry_interval: {
      type: "int",
      default: 0,
      doc: "Time before retrying a failed registration, in seconds (0 disables retries).",
    },
    reg_keep_callid: { type: "int", default: 0, doc: "Keeps the same Call-ID for re-registrations." },
    reg_random_delay: {
      type: "int",
      default: 0,
      doc: "Maximum random delay for registrations without a configured delay, in seconds.",
    },
    reg_active: { type: "int", default: 1, doc: "Enables (1) or disables (0) remote registrations." },
    reg_gc_interval: {
      type: "int",
      default: 150,
      doc: "Interval for cleaning failed or removed registrations, in seconds.",
    },
    reg_hash_size: { type: "int", default: 4, doc: "Size (power of two) of the remote registrations hash table." },
    reg_use_domain: { type: "int", default: 0, doc: "Also uses the domain when looking up registrations by user." },
    default_socket: { type: "string", doc: "Local socket for registrations and requests from uac_req_send()." },
    event_callback: { type: "string", doc: "KEMI function name called for uac:reply." },
  },
  functions: {
    uac_replace_from: {
      arity: [1, 2],
      routes: RouteKind.REQUEST | RouteKind.BRANCH,
      argNames: ["display", "uri"],
      doc: "Replaces the From header URI (and display name); with one parameter it is the URI. Restored automatically in replies and in-dialog requests.",
    },
    uac_restore_from: {
      arity: [0],
      routes: RouteKind.REQUEST,
      doc: "Restores the original From header changed by uac_replace_from().",
    },
    uac_replace_to: {
      arity: [1, 2],
      routes: RouteKind.REQUEST | RouteKind.BRANCH,
      argNames: ["display", "uri"],
      doc: "Replaces the To header URI (and display name); with one parameter it is the URI.",
    },
    uac_restore_to: {
      arity: [0],
      routes: RouteKind.REQUEST,
      doc: "Restores the original To header changed by uac_replace_to().",
    },
    uac_auth: {
      arity: [0, 1],
      routes: RouteKind.FAILURE,
      argNames: ["mode"],
      doc: "In a failure route, adds credentials for a 401/407 challenge from the configured credentials or AVPs.",
    },
    uac_auth_mode: {
      arity: [1],
      routes: RouteKind.FAILURE,
      argNames: ["vmode"],
      doc: "Like uac_auth() with the mode given as a variable.",
    },
    uac_req_send: {
      arity: [0],
      routes: ANY_ROUTE,
      doc: "Sends the request built in $uac_req(...).",
    },
    uac_reg_lookup: {
      arity: [2],
      routes: ANY_ROUTE,
      argNames: ["uuid", "dst"],
      doc: "Looks up a remote registration by its local uuid (or by contact user) and stores its local URI in dst.",
    },
    uac_reg_lookup_uri: {
      arity: [2],
      routes: ANY_ROUTE,
      argNames: ["uri", "dst"],
      doc: "Looks up a remote registration by a URI and stores its uuid in dst.",
    },
    uac_reg_status: {
      arity: [1],
      routes: ANY_ROUTE,
      argNames: ["uuid"],
      doc: "Returns the state of a remote registration.",
    },
    uac_reg_request_to: {
      arity: [2],
      routes: RouteKind.REQUEST | RouteKind.FAILURE | RouteKind.BRANCH,
      argNames: ["user", "mode"],
      doc: "Sets the R-URI and auth data of a request from the remote registration of the user (mode selects the match field).",
    },
    uac_reg_enable: {
      arity: [2],
      routes: ANY_ROUTE,
      argNames: ["attr", "val"],
      doc: "Enables the remote registration matched by attribute and value.",
    },
    uac_reg_disable: {
      arity: [2],
      routes: ANY_ROUTE,
      argNames: ["attr", "val"],
      doc: "Disables the remote registration matched by attribute and value.",
    },
    uac_reg_refresh: {
      arity: [1],
      routes: ANY_ROUTE,
      argNames: ["luuid"],
      doc: "Reloads one remote registration record from the database.",
    },
  },
  pvars: {
    uac_req: {
      inner: "required",
      writable: true,
      doc: "Fields of the request sent by uac_req_send(), e.g. $uac_req(method), $uac_req(ruri), $uac_req(hdrs), $uac_req(body).",
    },
  },
  events: ["uac:reply"],
});
