/**
 * Kamailio 5.6 `jansson` module as the checker knows it: parameters, script functions and
 * pseudo-variables, from the module's export tables. Declared only, not simulated.
 */
import { ANY_ROUTE, defineModule } from "../types.js";

export const janssonModule = defineModule({
  name: "jansson",
  simulated: false,
  doc: "JSON operations with libjansson: reading values by path, building documents and converting to and from XAVPs.",
  params: {},
  functions: {
    jansson_get: {
      arity: [3],
      routes: ANY_ROUTE,
      argNames: ["path", "src", "dst"],
      doc: "Reads the value at the path in the JSON document into dst.",
    },
    jansson_array_size: {
      arity: [3],
      routes: ANY_ROUTE,
      argNames: ["path", "src", "dst"],
      doc: "Stores the size of the array at the path into dst.",
    },
    jansson_set: {
      arity: [4],
      routes: ANY_ROUTE,
      argNames: ["type", "path", "value", "result"],
      doc: "Sets the value at the path (with the given JSON type) in the document held in result.",
    },
    jansson_append: {
      arity: [4],
      routes: ANY_ROUTE,
      argNames: ["type", "path", "value", "result"],
      doc: "Appends the value to the array at the path in the document held in result.",
    },
    jansson_xdecode: {
      arity: [2],
      routes: ANY_ROUTE,
      argNames: ["json", "xavp"],
      doc: "Converts a JSON object into an XAVP.",
    },
    jansson_xencode: {
      arity: [2],
      routes: ANY_ROUTE,
      argNames: ["xavp", "pv"],
      doc: "Converts an XAVP into a JSON document text.",
    },
    jansson_get_field: {
      arity: [3],
      routes: ANY_ROUTE,
      argNames: ["src", "field_name", "dst"],
      doc: "Reads a top-level field of the JSON document into dst (older helper).",
    },
  },
});
