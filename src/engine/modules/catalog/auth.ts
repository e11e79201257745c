/**
 * Kamailio 5.6 `auth` module as the checker knows it: parameters, script functions and
 * pseudo-variables, from the module's export tables. Declared only, not simulated.
 */
import { defineModule, ONREPLY, RouteKind } from "../types.js";

export const authModule = defineModule({
  name: "auth",
  simulated: false,
  // modules/auth/auth_mod.c mod_init: sl_load_api().
  needs: ["sl"],
  doc: "Digest authentication core: challenge building, nonce checks and credential verification against passwords held in pseudo-variables.",
  params: {
    secret: { type: "string", doc: "Secret used to build and check nonces; random when not set." },
    nonce_expire: { type: "int", default: 300, doc: "Lifetime of a nonce, in seconds." },
    nonce_auth_max_drift: {
      type: "int",
      default: 3,
      doc: "Maximum accepted time drift of a nonce coming from another server, in seconds.",
    },
    protect_contacts: { type: "int", default: 0, doc: "Includes the Contact header in the nonce check." },
    challenge_attr: {
      type: "string",
      default: "$digest_challenge",
      doc: "AVP that receives the challenge header built by the challenge functions.",
    },
    proxy_challenge_header: {
      type: "string",
      default: "Proxy-Authenticate",
      doc: "Name of the header used in proxy challenges.",
    },
    www_challenge_header: {
      type: "string",
      default: "WWW-Authenticate",
      doc: "Name of the header used in WWW challenges.",
    },
    qop: { type: "string", doc: "Quality of protection offered in challenges: empty, auth or auth-int." },
    auth_checks_register: { type: "int", default: 0, doc: "Extra nonce checks for REGISTER requests (bit mask)." },
    auth_checks_no_dlg: {
      type: "int",
      default: 0,
      doc: "Extra nonce checks for requests outside a dialog (bit mask).",
    },
    auth_checks_in_dlg: { type: "int", default: 0, doc: "Extra nonce checks for in-dialog requests (bit mask)." },
    nonce_count: { type: "int", default: 0, doc: "Enables nonce-count checking (replay protection when qop is used)." },
    nc_array_size: { type: "int", doc: "Size of the nonce-count tracking array." },
    nc_array_order: { type: "int", doc: "Size of the nonce-count array as a power of two." },
    one_time_nonce: { type: "int", default: 0, doc: "Makes every nonce usable only once." },
    otn_in_flight_no: { type: "int", doc: "Number of one-time nonces that may be in use at once." },
    otn_in_flight_order: { type: "int", doc: "One-time nonce count as a power of two." },
    nid_pool_no: { type: "int", doc: "Number of nonce id pools (for less lock contention)." },
    force_stateless_reply: {
      type: "int",
      default: 0,
      doc: "Sends challenges statelessly even when a transaction exists.",
    },
    realm_prefix: { type: "string", doc: "Prefix removed from the domain when it is used as the realm." },
    use_domain: { type: "int", default: 0, doc: "Checks that the user's domain matches the realm." },
    algorithm: { type: "string", default: "", doc: "Digest algorithm announced in challenges (MD5 or SHA-256)." },
    add_authinfo_hdr: {
      type: "int",
      default: 0,
      doc: "Adds an Authentication-Info header to successful authentications.",
    },
  },
  functions: {
    consume_credentials: {
      arity: [0],
      routes: RouteKind.REQUEST,
      doc: "Removes the credentials used for authentication from the request, so they are not forwarded.",
    },
    www_challenge: {
      arity: [2],
      routes: RouteKind.REQUEST | RouteKind.FAILURE | ONREPLY,
      argNames: ["realm", "flags"],
      doc: "Sends a 401 reply with a WWW-Authenticate challenge for the realm.",
      standIn: { returns: 1, means: "as if the challenge were sent; no reply leaves" },
    },
    proxy_challenge: {
      arity: [2],
      routes: RouteKind.REQUEST | RouteKind.FAILURE | ONREPLY,
      argNames: ["realm", "flags"],
      doc: "Sends a 407 reply with a Proxy-Authenticate challenge for the realm.",
      standIn: { returns: 1, means: "as if the challenge were sent; no reply leaves" },
    },
    auth_challenge: {
      arity: [2],
      routes: RouteKind.REQUEST | RouteKind.FAILURE | ONREPLY,
      argNames: ["realm", "flags"],
      doc: "Sends a 401 challenge for REGISTER or a 407 challenge for other requests.",
      standIn: { returns: 1, means: "as if the challenge were sent; no reply leaves" },
    },
    pv_www_authorize: {
      arity: [3],
      routes: RouteKind.REQUEST,
      argNames: ["realm", "passwd", "flags"],
      doc: "Verifies Authorization credentials against a password in a pseudo-variable (alias of pv_www_authenticate).",
      standIn: { returns: 1, means: "the credentials are accepted" },
    },
    pv_www_authenticate: {
      arity: [3, 4],
      routes: RouteKind.REQUEST,
      argNames: ["realm", "passwd", "flags", "method"],
      doc: "Verifies Authorization credentials against a password (or HA1) in a pseudo-variable.",
    },
    pv_proxy_authorize: {
      arity: [3],
      routes: RouteKind.REQUEST,
      argNames: ["realm", "passwd", "flags"],
      doc: "Verifies Proxy-Authorization credentials (alias of pv_proxy_authenticate).",
      standIn: { returns: 1, means: "the credentials are accepted" },
    },
    pv_proxy_authenticate: {
      arity: [3],
      routes: RouteKind.REQUEST,
      argNames: ["realm", "passwd", "flags"],
      doc: "Verifies Proxy-Authorization credentials against a password (or HA1) in a pseudo-variable.",
    },
    auth_get_www_authenticate: {
      arity: [3],
      routes: RouteKind.REQUEST,
      argNames: ["realm", "flags", "pvdest"],
      doc: "Builds a WWW-Authenticate header value into a pseudo-variable without replying.",
    },
    has_credentials: {
      arity: [1],
      routes: RouteKind.REQUEST,
      argNames: ["realm"],
      doc: "True when the request carries credentials for the realm.",
      standIn: { returns: -1, means: "the request carries no credentials" },
    },
    pv_auth_check: {
      arity: [4],
      routes: RouteKind.REQUEST,
      argNames: ["realm", "passwd", "flags", "checks"],
      doc: "Verifies credentials against a password in a pseudo-variable and checks the user against From/To.",
      standIn: { returns: 1, means: "the credentials are accepted" },
    },
  },
});
