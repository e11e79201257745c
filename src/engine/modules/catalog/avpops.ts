/**
 * Kamailio 5.6 `avpops` module as the checker knows it: parameters, script functions and
 * pseudo-variables, from the module's export tables. Declared only, not simulated.
 */
import { defineModule, ONREPLY, RouteKind } from "../types.js";

export const avpopsModule = defineModule({
  name: "avpops",
  simulated: false,
  doc: "AVP operations: loading and storing AVPs in a database, copying, pushing into the message, checks, arithmetic and substitutions.",
  params: {
    db_url: { type: "string", doc: "Database URL for AVP storage." },
    avp_table: { type: "string", doc: "Table storing AVPs." },
    use_domain: { type: "int", default: 0, doc: "Uses the domain as well when loading AVPs for a user." },
    uuid_column: { type: "string", default: "uuid", doc: "Name of the database column holding the unique user id." },
    attribute_column: {
      type: "string",
      default: "attribute",
      doc: "Name of the database column holding the AVP name.",
    },
    value_column: { type: "string", default: "value", doc: "Name of the database column holding the AVP value." },
    type_column: { type: "string", default: "type", doc: "Name of the database column holding the AVP type." },
    username_column: { type: "string", default: "username", doc: "Name of the database column holding the username." },
    domain_column: { type: "string", default: "domain", doc: "Name of the database column holding the domain." },
    db_scheme: {
      type: "string",
      repeatable: true,
      doc: "Defines a custom table layout for loading AVPs (may be given several times).",
    },
  },
  functions: {
    avp_print: {
      arity: [0],
      routes: RouteKind.REQUEST | RouteKind.FAILURE | ONREPLY | RouteKind.BRANCH | RouteKind.LOCAL,
      doc: "Logs all AVPs (for debugging).",
    },
    avp_db_load: {
      arity: [2],
      routes: RouteKind.REQUEST | RouteKind.FAILURE | ONREPLY | RouteKind.BRANCH | RouteKind.LOCAL,
      argNames: ["source", "name"],
      doc: "Loads AVPs from the database for the user or URI given by source.",
    },
    avp_db_delete: {
      arity: [2],
      routes: RouteKind.REQUEST | RouteKind.FAILURE | ONREPLY | RouteKind.BRANCH | RouteKind.LOCAL,
      argNames: ["source", "name"],
      doc: "Deletes AVPs from the database for the given source.",
    },
    avp_db_store: {
      arity: [2],
      routes: RouteKind.REQUEST | RouteKind.FAILURE | ONREPLY | RouteKind.BRANCH | RouteKind.LOCAL,
      argNames: ["source", "name"],
      doc: "Stores AVPs into the database for the given source.",
    },
    avp_db_query: {
      arity: [1, 2],
      routes: RouteKind.REQUEST | RouteKind.FAILURE | ONREPLY | RouteKind.BRANCH | RouteKind.LOCAL,
      argNames: ["query", "dest"],
      doc: "Runs a raw SQL query and stores the result columns into the listed AVPs.",
    },
    avp_delete: {
      arity: [1],
      routes: RouteKind.REQUEST | RouteKind.FAILURE | ONREPLY | RouteKind.BRANCH | RouteKind.LOCAL,
      argNames: ["name"],
      doc: "Deletes AVPs by name, optionally selecting by index or type.",
    },
    avp_copy: {
      arity: [2],
      routes: RouteKind.REQUEST | RouteKind.FAILURE | ONREPLY | RouteKind.BRANCH | RouteKind.LOCAL,
      argNames: ["old_name", "new_name"],
      doc: "Copies or moves AVPs to another name.",
    },
    avp_pushto: {
      arity: [2],
      routes: RouteKind.REQUEST | RouteKind.FAILURE | ONREPLY | RouteKind.BRANCH | RouteKind.LOCAL,
      argNames: ["destination", "name"],
      doc: "Writes an AVP value into the message: R-URI, its parts, $du, a branch or a new header.",
    },
    avp_check: {
      arity: [2],
      routes: RouteKind.REQUEST | RouteKind.FAILURE | ONREPLY | RouteKind.BRANCH | RouteKind.LOCAL,
      argNames: ["name", "op_value"],
      doc: "Compares an AVP with a value or another AVP using an operator (eq, ne, lt, re, fm...).",
    },
    avp_op: {
      arity: [2],
      routes: RouteKind.REQUEST | RouteKind.FAILURE | ONREPLY | RouteKind.BRANCH | RouteKind.LOCAL,
      argNames: ["name", "op_value"],
      doc: "Applies an arithmetic or bitwise operation to an AVP.",
    },
    avp_subst: {
      arity: [2],
      routes: RouteKind.REQUEST | RouteKind.FAILURE | ONREPLY | RouteKind.BRANCH | RouteKind.LOCAL,
      argNames: ["avps", "subst"],
      doc: "Applies a sed-like substitution to AVP values.",
    },
    avp_subst_pv: {
      arity: [2],
      routes: RouteKind.REQUEST | RouteKind.FAILURE | ONREPLY | RouteKind.BRANCH | RouteKind.LOCAL,
      argNames: ["avps", "subst"],
      doc: "Like avp_subst(), with pseudo-variables expanded in the substitution.",
    },
    is_avp_set: {
      arity: [1],
      routes: RouteKind.REQUEST | RouteKind.FAILURE | ONREPLY | RouteKind.BRANCH | RouteKind.LOCAL,
      argNames: ["name"],
      doc: "True when the AVP exists (optionally with a string or integer value).",
    },
  },
});
