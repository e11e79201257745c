/**
 * Kamailio 5.6 `textopsx` module as the checker knows it: parameters, script functions and
 * pseudo-variables, from the module's export tables. Declared only, not simulated.
 */
import { ANY_ROUTE, defineModule, ONREPLY, RouteKind } from "../types.js";

export const textopsxModule = defineModule({
  name: "textopsx",
  simulated: false,
  doc: "Extra text operations: applying pending message changes, editing header values by name, replacing the body and header/body-line iterators.",
  params: {},
  functions: {
    msg_apply_changes: {
      arity: [0],
      routes: RouteKind.REQUEST | ONREPLY,
      doc: "Applies the pending changes (added or removed headers, body edits) to the message buffer so later functions see them.",
    },
    msg_set_buffer: {
      arity: [1],
      routes: RouteKind.REQUEST | ONREPLY,
      argNames: ["data"],
      doc: "Replaces the whole message buffer with the given data.",
    },
    change_reply_status: {
      arity: [2],
      routes: ONREPLY,
      argNames: ["code", "reason"],
      doc: "Changes the status code and reason of the reply being processed.",
    },
    change_reply_status_code: {
      arity: [1],
      routes: ONREPLY,
      argNames: ["vcode"],
      doc: "Changes only the status code of the reply, keeping the reason phrase.",
    },
    remove_body: {
      arity: [0],
      routes: ANY_ROUTE,
      doc: "Removes the message body.",
    },
    keep_hf: {
      arity: [0, 1],
      routes: ANY_ROUTE,
      argNames: ["regexp"],
      doc: "Removes all headers except the mandatory ones and those whose name matches the regular expression.",
    },
    fnmatch: {
      arity: [2, 3],
      routes: ANY_ROUTE,
      argNames: ["value", "expr", "flags"],
      doc: "True when the value matches the shell-style wildcard pattern.",
    },
    append_hf_value: {
      arity: [2],
      routes: RouteKind.REQUEST | RouteKind.FAILURE | ONREPLY | RouteKind.BRANCH,
      argNames: ["hf", "hvalue"],
      doc: "Appends a value to a comma-separated header (hf may select an instance, e.g. Via[1]).",
    },
    insert_hf_value: {
      arity: [2],
      routes: RouteKind.REQUEST | RouteKind.FAILURE | ONREPLY | RouteKind.BRANCH,
      argNames: ["hf", "hvalue"],
      doc: "Inserts a value in a comma-separated header.",
    },
    remove_hf_value: {
      arity: [1],
      routes: RouteKind.REQUEST | RouteKind.FAILURE | ONREPLY | RouteKind.BRANCH,
      argNames: ["hf_par"],
      doc: "Removes values (or a parameter of a value) from a comma-separated header.",
    },
    assign_hf_value: {
      arity: [2],
      routes: RouteKind.REQUEST | RouteKind.FAILURE | ONREPLY | RouteKind.BRANCH,
      argNames: ["hf", "hvalue"],
      doc: "Replaces values (or a parameter) in a comma-separated header.",
    },
    remove_hf_value2: {
      arity: [1],
      routes: RouteKind.REQUEST | RouteKind.FAILURE | ONREPLY | RouteKind.BRANCH,
      argNames: ["hf_par"],
      doc: "Like remove_hf_value(), removing only the addressed value or parameter.",
    },
    assign_hf_value2: {
      arity: [2],
      routes: RouteKind.REQUEST | RouteKind.FAILURE | ONREPLY | RouteKind.BRANCH,
      argNames: ["hf", "hvalue"],
      doc: "Like assign_hf_value(), changing only the addressed value or parameter.",
    },
    include_hf_value: {
      arity: [2],
      routes: RouteKind.REQUEST | RouteKind.FAILURE | ONREPLY | RouteKind.BRANCH,
      argNames: ["hf", "hvalue"],
      doc: "Adds the value to the header when it is not already there.",
    },
    exclude_hf_value: {
      arity: [2],
      routes: RouteKind.REQUEST | RouteKind.FAILURE | ONREPLY | RouteKind.BRANCH,
      argNames: ["hf", "hvalue"],
      doc: "Removes the value from the header when present.",
    },
    hf_value_exists: {
      arity: [2],
      routes: RouteKind.REQUEST | RouteKind.FAILURE | ONREPLY | RouteKind.BRANCH,
      argNames: ["hf", "hvalue"],
      doc: "True when the header contains the value.",
    },
    hf_iterator_start: {
      arity: [1],
      routes: ANY_ROUTE,
      argNames: ["iname"],
      doc: "Starts a named header iterator at the first header.",
    },
    hf_iterator_next: {
      arity: [1],
      routes: ANY_ROUTE,
      argNames: ["iname"],
      doc: "Moves the header iterator to the next header.",
    },
    hf_iterator_prev: {
      arity: [1],
      routes: ANY_ROUTE,
      argNames: ["iname"],
      doc: "Moves the header iterator to the previous header.",
    },
    hf_iterator_end: {
      arity: [1],
      routes: ANY_ROUTE,
      argNames: ["iname"],
      doc: "Closes the named header iterator.",
    },
    hf_iterator_rm: {
      arity: [1],
      routes: ANY_ROUTE,
      argNames: ["iname"],
      doc: "Removes the header the iterator points at.",
    },
    hf_iterator_append: {
      arity: [2],
      routes: ANY_ROUTE,
      argNames: ["iname", "htext"],
      doc: "Adds text after the header the iterator points at.",
    },
    hf_iterator_insert: {
      arity: [2],
      routes: ANY_ROUTE,
      argNames: ["iname", "htext"],
      doc: "Adds text before the header the iterator points at.",
    },
    bl_iterator_start: {
      arity: [1],
      routes: ANY_ROUTE,
      argNames: ["iname"],
      doc: "Starts a named iterator over the lines of the body.",
    },
    bl_iterator_next: {
      arity: [1],
      routes: ANY_ROUTE,
      argNames: ["iname"],
      doc: "Moves the body-line iterator to the next line.",
    },
    bl_iterator_end: {
      arity: [1],
      routes: ANY_ROUTE,
      argNames: ["iname"],
      doc: "Closes the named body-line iterator.",
    },
    bl_iterator_rm: {
      arity: [1],
      routes: ANY_ROUTE,
      argNames: ["iname"],
      doc: "Removes the body line the iterator points at.",
    },
    bl_iterator_append: {
      arity: [2],
      routes: ANY_ROUTE,
      argNames: ["iname", "text"],
      doc: "Adds text after the current body line.",
    },
    bl_iterator_insert: {
      arity: [2],
      routes: ANY_ROUTE,
      argNames: ["iname", "text"],
      doc: "Adds text before the current body line.",
    },
  },
  pvars: {
    hfitname: { inner: "required", doc: "Name of the header the named header iterator points at." },
    hfitbody: { inner: "required", doc: "Body of the header the named header iterator points at." },
    blitval: { inner: "required", doc: "Content of the body line the named body-line iterator points at." },
  },
});
