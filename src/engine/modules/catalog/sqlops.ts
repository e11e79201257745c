/**
 * Kamailio 5.6 `sqlops` module as the checker knows it: parameters, script functions and
 * pseudo-variables, from the module's export tables. Declared only, not simulated.
 */
import { ANY_ROUTE, defineModule } from "../types.js";

export const sqlopsModule = defineModule({
  name: "sqlops",
  simulated: false,
  doc: "SQL queries from the script, with results kept in named containers read through $dbr(...) or stored into pseudo-variables.",
  params: {
    sqlcon: {
      type: "string",
      repeatable: true,
      doc: 'Defines a database connection as "name=>db_url" (may be given several times).',
    },
    sqlres: { type: "string", repeatable: true, doc: "Declares a result container name (may be given several times)." },
    tr_buf_size: { type: "int", default: 2048, doc: "Buffer size for the {sql.*} transformations." },
    connect_mode: {
      type: "int",
      default: 0,
      doc: "Connects at startup (0) or tolerates a failed connection and retries later (1).",
    },
    results_maxsize: { type: "int", default: 32, doc: "Maximum number of result containers." },
  },
  functions: {
    sql_query: {
      arity: [2, 3],
      routes: ANY_ROUTE,
      argNames: ["connection", "query", "result"],
      doc: "Runs the query on the named connection, keeping the rows in the named result (no result for statements).",
    },
    sql_query_async: {
      arity: [2],
      routes: ANY_ROUTE,
      argNames: ["connection", "query"],
      doc: "Runs the query in the background without waiting (for inserts and updates).",
    },
    sql_xquery: {
      arity: [3],
      routes: ANY_ROUTE,
      argNames: ["connection", "query", "result"],
      doc: "Runs the query and stores the rows in an XAVP named by result.",
    },
    sql_pvquery: {
      arity: [3],
      routes: ANY_ROUTE,
      argNames: ["connection", "query", "result"],
      doc: "Runs the query and stores the first row's columns into the listed pseudo-variables.",
    },
    sql_result_free: {
      arity: [1],
      routes: ANY_ROUTE,
      argNames: ["result"],
      doc: "Frees the named result container.",
    },
  },
  pvars: {
    dbr: {
      inner: "required",
      doc: "Data of a query result: $dbr(res=>rows), $dbr(res=>cols), $dbr(res=>[row,col]), $dbr(res=>colname[n]).",
    },
    sqlrows: { inner: "required", doc: "Number of rows changed by the last query on the named connection." },
  },
});
