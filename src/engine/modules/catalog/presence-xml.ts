/**
 * Kamailio 5.6 `presence_xml` module as the checker knows it: parameters, script functions and
 * pseudo-variables, from the module's export tables. Declared only, not simulated.
 */
import { ANY_ROUTE, defineModule } from "../types.js";

export const presenceXmlModule = defineModule({
  name: "presence_xml",
  simulated: false,
  doc: "XML-based presence event packages (presence, presence.winfo, dialog;sl) for the presence module, with XCAP authorization rules.",
  params: {
    db_url: { type: "string", doc: "Database URL of the xcap table." },
    xcap_table: { type: "string", default: "xcap", doc: "Table holding XCAP documents." },
    force_active: { type: "int", default: 0, doc: "Authorizes all watchers without checking XCAP rules." },
    integrated_xcap_server: {
      type: "int",
      default: 0,
      doc: "Takes XCAP documents from the local table (1) or from an XCAP server (0).",
    },
    xcap_server: {
      type: "string",
      repeatable: true,
      doc: "Address of an XCAP server to fetch documents from (may be given several times).",
    },
    disable_presence: { type: "int", default: 0, doc: "Does not register the presence event package." },
    disable_winfo: { type: "int", default: 0, doc: "Does not register the presence.winfo event package." },
    disable_bla: { type: "int", default: 1, doc: "Does not register the dialog;sla (BLA) event package." },
    disable_xcapdiff: { type: "int", default: 0, doc: "Does not register the xcap-diff event package." },
    passive_mode: {
      type: "int",
      default: 0,
      doc: "Only provides the functions for other modules, registering no event packages.",
    },
    xcapauth_userdel_reason: {
      type: "string",
      default: "probation",
      doc: "Reason used when a watcher's subscription ends because the user was deleted.",
    },
    force_dummy_presence: {
      type: "int",
      default: 0,
      doc: "Sends a dummy presence document when there is no published state.",
    },
    force_presence_single_body: {
      type: "int",
      default: 0,
      doc: "Aggregates several published documents into a single body.",
    },
    presence_single_body_priorities: {
      type: "string",
      default: "Available|Ringing|On the Phone",
      doc: "Activity priorities used to pick the state when merging into a single body.",
    },
    presence_single_body_lookup_element: {
      type: "string",
      default: "note",
      doc: "XML element used for the priority lookup when merging.",
    },
    default_expires: {
      type: "int",
      default: 3600,
      doc: "Expires value used for publications without one, in seconds.",
    },
  },
  functions: {
    pres_check_basic: {
      arity: [2],
      routes: ANY_ROUTE,
      argNames: ["presentity_uri", "status"],
      doc: "True when the presentity's basic status is the given one (open or closed).",
    },
    pres_check_activities: {
      arity: [2],
      routes: ANY_ROUTE,
      argNames: ["presentity_uri", "activity"],
      doc: "True when the presentity has the given RPID activity.",
    },
  },
});
