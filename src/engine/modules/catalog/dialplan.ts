/**
 * Kamailio 5.6 `dialplan` module as the checker knows it: parameters, script functions and
 * pseudo-variables, from the module's export tables. Declared only, not simulated.
 */
import { ANY_ROUTE, defineModule } from "../types.js";

export const dialplanModule = defineModule({
  name: "dialplan",
  simulated: false,
  // modules/dialplan/dialplan.c mod_init: its default input PV ($rU).
  needs: ["pv"],
  doc: "Dial plan translation: matches values against rules from a database (regular expressions, exact or fuzzy) and rewrites them.",
  params: {
    db_url: { type: "string", doc: "Database URL of the dial plan table." },
    table_name: { type: "string", default: "dialplan", doc: "Table holding the dial plan rules." },
    dpid_col: { type: "string", default: "dpid", doc: "Name of the database column holding the dial plan id." },
    pr_col: { type: "string", default: "pr", doc: "Name of the database column holding the rule priority." },
    match_op_col: {
      type: "string",
      default: "match_op",
      doc: "Name of the database column holding the match operator (equal, regex, fnmatch).",
    },
    match_exp_col: {
      type: "string",
      default: "match_exp",
      doc: "Name of the database column holding the match expression.",
    },
    match_len_col: {
      type: "string",
      default: "match_len",
      doc: "Name of the database column holding the required value length.",
    },
    subst_exp_col: {
      type: "string",
      default: "subst_exp",
      doc: "Name of the database column holding the substitution expression.",
    },
    repl_exp_col: {
      type: "string",
      default: "repl_exp",
      doc: "Name of the database column holding the replacement expression.",
    },
    attrs_col: { type: "string", default: "attrs", doc: "Name of the database column holding the rule attributes." },
    attrs_pvar: { type: "string", doc: "Pseudo-variable receiving the attributes of the matched rule." },
    fetch_rows: { type: "int", default: 1000, doc: "Number of rows fetched per database query." },
    match_dynamic: {
      type: "int",
      default: 0,
      doc: "Lets match and substitution expressions contain variables evaluated at run time.",
    },
    append_branch: {
      type: "int",
      default: 1,
      doc: "Adds a new branch when a translation changes the R-URI in a failure route.",
    },
    reload_delta: { type: "int", default: 5, doc: "Minimum time between two reloads, in seconds." },
  },
  functions: {
    dp_translate: {
      arity: [1, 2],
      routes: ANY_ROUTE,
      argNames: ["id", "src_dest"],
      doc: "Translates the source value (R-URI user by default) with the rules of dial plan id and writes the destination.",
    },
    dp_reload: {
      arity: [0],
      routes: ANY_ROUTE,
      doc: "Reloads the dial plan rules from the database.",
    },
    dp_match: {
      arity: [2],
      routes: ANY_ROUTE,
      argNames: ["dpid", "inval"],
      doc: "True when the value matches a rule of the dial plan; the rule's attributes go to attrs_pvar.",
    },
    dp_replace: {
      arity: [3],
      routes: ANY_ROUTE,
      argNames: ["dpid", "inval", "outvar"],
      doc: "Matches the value against the dial plan and stores the rewritten value in outvar.",
    },
  },
});
