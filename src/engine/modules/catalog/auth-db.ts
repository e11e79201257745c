/**
 * Kamailio 5.6 `auth_db` module as the checker knows it: parameters, script functions and
 * pseudo-variables, from the module's export tables. Declared only, not simulated.
 */
import { ANY_ROUTE, defineModule, RouteKind } from "../types.js";

export const authDbModule = defineModule({
  name: "auth_db",
  simulated: false,
  doc: "Digest authentication against subscriber credentials stored in a database table.",
  params: {
    db_url: { type: "string", doc: "Database URL of the subscriber table." },
    user_column: { type: "string", default: "username", doc: "Name of the database column holding the username." },
    domain_column: {
      type: "string",
      default: "domain",
      doc: "Name of the database column holding the domain (realm).",
    },
    password_column: {
      type: "string",
      default: "ha1",
      doc: "Name of the database column holding the password or HA1.",
    },
    password_column_2: {
      type: "string",
      default: "ha1b",
      doc: "Name of the database column holding the HA1 computed with user@domain as username.",
    },
    calculate_ha1: {
      type: "int",
      default: 0,
      doc: "Computes HA1 from a plain-text password column (1) or reads a stored HA1 (0).",
    },
    use_domain: { type: "int", default: 0, doc: "Also matches the domain (realm) when looking up the user." },
    load_credentials: {
      type: "string",
      doc: 'Columns loaded into AVPs after a successful authentication, e.g. "$avp(rpid)=rpid".',
    },
    version_table: { type: "int", default: 1, doc: "Checks the table version at startup." },
    force_generate_avps: { type: "int", default: 0, doc: "Loads the credential AVPs even when authentication fails." },
  },
  functions: {
    www_authorize: {
      arity: [2],
      routes: RouteKind.REQUEST,
      argNames: ["realm", "table"],
      doc: "Checks Authorization credentials against the table (alias of www_authenticate).",
      standIn: { returns: 1, means: "the credentials are accepted" },
    },
    www_authenticate: {
      arity: [2, 3],
      routes: RouteKind.REQUEST,
      argNames: ["realm", "table", "method"],
      doc: "Checks the Authorization credentials against the subscriber table; negative codes tell why it failed.",
      standIn: { returns: 1, means: "the credentials are accepted" },
    },
    proxy_authorize: {
      arity: [2],
      routes: RouteKind.REQUEST,
      argNames: ["realm", "table"],
      doc: "Checks Proxy-Authorization credentials against the table (alias of proxy_authenticate).",
      standIn: { returns: 1, means: "the credentials are accepted" },
    },
    proxy_authenticate: {
      arity: [2],
      routes: RouteKind.REQUEST,
      argNames: ["realm", "table"],
      doc: "Checks the Proxy-Authorization credentials against the subscriber table.",
      standIn: { returns: 1, means: "the credentials are accepted" },
    },
    auth_check: {
      arity: [3],
      routes: RouteKind.REQUEST,
      argNames: ["realm", "table", "flags"],
      doc: "Checks the credentials of a request (WWW or proxy as fits) and, with flags, that the user matches From/To.",
      standIn: { returns: 1, means: "the credentials are accepted" },
    },
    is_subscriber: {
      arity: [3],
      routes: ANY_ROUTE,
      argNames: ["uri", "dbtable", "flags"],
      doc: "True when the user of the URI exists in the subscriber table; can load credential attributes.",
      standIn: { returns: 1, means: "the user is a subscriber" },
    },
  },
});
