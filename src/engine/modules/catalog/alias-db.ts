/**
 * Kamailio 5.6 `alias_db` module as the checker knows it: parameters, script functions and
 * pseudo-variables, from the module's export tables. Declared only, not simulated.
 */
import { defineModule, ONREPLY, RouteKind } from "../types.js";

export const aliasDbModule = defineModule({
  name: "alias_db",
  simulated: false,
  doc: "User aliases stored in a database: rewrites the R-URI (or another value) from an alias to the canonical user URI.",
  params: {
    db_url: { type: "string", doc: "Database URL of the alias tables." },
    user_column: {
      type: "string",
      default: "username",
      doc: "Name of the database column holding the canonical username.",
    },
    domain_column: {
      type: "string",
      default: "domain",
      doc: "Name of the database column holding the canonical domain.",
    },
    alias_user_column: {
      type: "string",
      default: "alias_username",
      doc: "Name of the database column holding the alias username.",
    },
    alias_domain_column: {
      type: "string",
      default: "alias_domain",
      doc: "Name of the database column holding the alias domain.",
    },
    use_domain: { type: "int", default: 0, doc: "Also matches the domain of the alias." },
    domain_prefix: { type: "string", doc: 'Prefix removed from the domain before matching (e.g. "sip.").' },
    append_branches: {
      type: "int",
      default: 0,
      doc: "Adds all matching canonical URIs as branches instead of using only the first.",
    },
  },
  functions: {
    alias_db_lookup: {
      arity: [1, 2],
      routes: RouteKind.REQUEST | RouteKind.FAILURE,
      argNames: ["table_name", "flags"],
      doc: "Replaces the R-URI with the canonical URI found for it in the alias table; flags select reverse lookup and branching.",
      standIn: { returns: -1, means: "no alias found" },
    },
    alias_db_find: {
      arity: [3, 4],
      routes: RouteKind.REQUEST | RouteKind.FAILURE | ONREPLY | RouteKind.BRANCH | RouteKind.LOCAL,
      argNames: ["table_name", "input", "output", "flags"],
      doc: "Looks up the URI from input in the alias table and writes the result to the output pseudo-variable.",
      standIn: { returns: -1, means: "no alias found" },
    },
  },
});
