/**
 * Kamailio 5.6 `speeddial` module as the checker knows it: parameters, script functions and
 * pseudo-variables, from the module's export tables. Declared only, not simulated.
 */
import { defineModule, RouteKind } from "../types.js";

export const speeddialModule = defineModule({
  name: "speeddial",
  simulated: false,
  doc: "Speed dial: replaces short numbers in the R-URI with full URIs stored per user in a database.",
  params: {
    db_url: { type: "string", doc: "Database URL of the speed-dial table." },
    user_column: {
      type: "string",
      default: "username",
      doc: "Name of the database column holding the owner's username.",
    },
    domain_column: {
      type: "string",
      default: "domain",
      doc: "Name of the database column holding the owner's domain.",
    },
    sd_user_column: {
      type: "string",
      default: "sd_username",
      doc: "Name of the database column holding the short (speed-dial) number.",
    },
    sd_domain_column: {
      type: "string",
      default: "sd_domain",
      doc: "Name of the database column holding the short number's domain.",
    },
    new_uri_column: {
      type: "string",
      default: "new_uri",
      doc: "Name of the database column holding the full URI to use.",
    },
    use_domain: { type: "int", default: 0, doc: "Also matches the owner's domain." },
    domain_prefix: { type: "string", doc: "Prefix removed from the domain before matching." },
  },
  functions: {
    sd_lookup: {
      arity: [1, 2],
      routes: RouteKind.REQUEST,
      argNames: ["table", "owner"],
      doc: "Looks up the R-URI user as a speed-dial entry of the caller (or of the given owner URI) and rewrites the R-URI.",
      standIn: { returns: -1, means: "no speed-dial entry" },
    },
  },
});
