/**
 * Kamailio 5.6 `domain` module as the checker knows it: parameters, script functions and
 * pseudo-variables, from the module's export tables. Declared only, not simulated.
 */
import { defineModule, RouteKind } from "../types.js";

export const domainModule = defineModule({
  name: "domain",
  simulated: false,
  doc: "Local domain list kept in a database: checks whether From, R-URI or any domain is served locally and loads domain attributes.",
  params: {
    db_url: { type: "string", doc: "Database URL of the domain tables." },
    domain_table: { type: "string", default: "domain", doc: "Table of local domains." },
    domain_attrs_table: { type: "string", default: "domain_attrs", doc: "Table of domain attributes." },
    did_col: { type: "string", default: "did", doc: "Name of the database column holding the domain id." },
    domain_col: { type: "string", default: "domain", doc: "Name of the database column holding the domain name." },
    name_col: { type: "string", default: "name", doc: "Name of the database column holding the attribute name." },
    type_col: { type: "string", default: "type", doc: "Name of the database column holding the attribute type." },
    value_col: { type: "string", default: "value", doc: "Name of the database column holding the attribute value." },
    register_myself: { type: "int", default: 0, doc: "Also adds the local domains to the list used by myself checks." },
  },
  functions: {
    is_from_local: {
      arity: [0],
      routes: RouteKind.REQUEST | RouteKind.FAILURE | RouteKind.BRANCH | RouteKind.LOCAL,
      doc: "True when the From URI's domain is a local domain.",
      standIn: { returns: 1, means: "the From domain is local" },
    },
    is_uri_host_local: {
      arity: [0],
      routes: RouteKind.REQUEST | RouteKind.FAILURE | RouteKind.BRANCH | RouteKind.LOCAL,
      doc: "True when the R-URI's host is a local domain.",
      standIn: { returns: 1, means: "the R-URI's host is local" },
    },
    is_domain_local: {
      arity: [1],
      routes: RouteKind.REQUEST | RouteKind.FAILURE | RouteKind.BRANCH | RouteKind.LOCAL,
      argNames: ["domain"],
      doc: "True when the given domain is a local domain.",
      standIn: { returns: 1, means: "the domain is local" },
    },
    lookup_domain: {
      arity: [1, 2],
      routes: RouteKind.REQUEST | RouteKind.FAILURE | RouteKind.BRANCH | RouteKind.LOCAL,
      argNames: ["domain", "prefix"],
      doc: "Checks whether the domain is local and loads its attributes as AVPs (with the optional name prefix).",
    },
  },
});
