/**
 * acc: accounting (docs/kamailio/acc.md). kamsim simulates its syslog accounting — records of
 * flagged transactions, missed calls and failed transactions, and acc_log_request() — and not
 * its database or CDR backends, whose functions warn at their call.
 */
import { ANY_ROUTE, defineModule } from "../types.js";
import { createAccChecker } from "./check.js";

export const accModule = defineModule({
  name: "acc",
  simulated: true,
  // modules/acc/acc_mod.c mod_init: load_tm_api(), "can't load TM API".
  needs: ["tm"],
  checks: createAccChecker,
  doc: "Accounting of transactions and dialogs (CDRs) to syslog or a database, driven by message flags and extra attributes.",
  params: {
    early_media: { type: "int", default: 0, doc: "Also accounts 183 replies with SDP (early media)." },
    failed_transaction_flag: {
      type: "int",
      doc: "Message flag marking transactions whose failed final replies are accounted.",
    },
    failed_filter: {
      type: "string",
      doc: "Comma-separated reply codes that are not accounted as failed transactions.",
    },
    report_ack: { type: "int", default: 0, doc: "Accounts the ACK of a successful INVITE as a separate record." },
    report_cancels: { type: "int", default: 0, doc: "Accounts CANCEL requests too." },
    multi_leg_info: { type: "string", doc: "Definition of extra multi-leg attributes, as name=$avp(...) pairs." },
    detect_direction: { type: "int", default: 0, doc: "Swaps From and To data for in-dialog requests going upstream." },
    acc_prepare_flag: {
      type: "int",
      doc: "Message flag that prepares the transaction for accounting without yet marking it.",
    },
    acc_prepare_always: {
      type: "int",
      default: 0,
      doc: "Prepares every request for accounting, even without acc_prepare_flag.",
    },
    reason_from_hf: {
      type: "int",
      default: 0,
      doc: "Takes the reason text from the Reason header instead of the status line.",
    },
    acc_extra_nullable: {
      type: "int",
      default: 0,
      doc: "Writes NULL for extra attributes without a value instead of an empty string.",
    },
    log_flag: { type: "int", doc: "Message flag that enables syslog accounting of a transaction." },
    log_missed_flag: { type: "int", doc: "Message flag that enables syslog accounting of missed calls." },
    log_level: { type: "int", default: 1, doc: "Log level of the accounting syslog messages." },
    log_facility: { type: "string", doc: "Syslog facility of the accounting messages." },
    log_extra: {
      type: "string",
      doc: "Extra attributes written to syslog records, as name=pseudo-variable pairs separated by ';'.",
    },
    cdr_enable: { type: "int", default: 0, doc: "Enables dialog-based CDR generation (needs the dialog module)." },
    cdr_skip: { type: "string", doc: "Name of a dialog variable; when it is set, no CDR is written for the dialog." },
    cdr_log_enable: { type: "int", default: 1, doc: "Writes CDRs to syslog." },
    cdr_start_on_confirmed: {
      type: "int",
      default: 0,
      doc: "Starts CDR time at dialog confirmation (200 OK) instead of the INVITE.",
    },
    cdr_facility: { type: "string", doc: "Syslog facility for CDR messages." },
    cdr_extra: { type: "string", doc: "Extra attributes written to CDRs, as name=pseudo-variable pairs." },
    cdr_extra_nullable: { type: "int", default: 0, doc: "Writes NULL for CDR extra attributes without a value." },
    cdr_start_id: { type: "string", default: "start_time", doc: "Name of the CDR start time attribute." },
    cdr_end_id: { type: "string", default: "end_time", doc: "Name of the CDR end time attribute." },
    cdr_duration_id: { type: "string", default: "duration", doc: "Name of the CDR duration attribute." },
    cdr_expired_dlg_enable: { type: "int", default: 0, doc: "Also writes CDRs for dialogs that ended by timeout." },
    db_flag: { type: "int", doc: "Message flag that enables database accounting of a transaction." },
    db_missed_flag: { type: "int", doc: "Message flag that enables database accounting of missed calls." },
    db_extra: { type: "string", doc: "Extra attributes stored in database records, as column=pseudo-variable pairs." },
    db_url: { type: "string", doc: "Database URL for accounting records." },
    db_table_acc: { type: "string", default: "acc", doc: "Table for accounting records." },
    db_table_missed_calls: { type: "string", default: "missed_calls", doc: "Table for missed-call records." },
    acc_method_column: {
      type: "string",
      default: "method",
      doc: "Name of the database column holding the request method.",
    },
    acc_from_tag_column: {
      type: "string",
      default: "from_tag",
      doc: "Name of the database column holding the From tag.",
    },
    acc_to_tag_column: { type: "string", default: "to_tag", doc: "Name of the database column holding the To tag." },
    acc_callid_column: { type: "string", default: "callid", doc: "Name of the database column holding the Call-ID." },
    acc_sip_code_column: {
      type: "string",
      default: "sip_code",
      doc: "Name of the database column holding the reply code.",
    },
    acc_sip_reason_column: {
      type: "string",
      default: "sip_reason",
      doc: "Name of the database column holding the reply reason.",
    },
    acc_time_column: {
      type: "string",
      default: "time",
      doc: "Name of the database column holding the time of the event.",
    },
    db_insert_mode: {
      type: "int",
      default: 0,
      doc: "0 plain insert, 1 INSERT DELAYED, 2 asynchronous insert when the driver supports it.",
    },
    time_mode: {
      type: "int",
      default: 0,
      doc: "Extra time data stored: 0 none, 1 seconds and microseconds, 2 seconds with milliseconds, others formatted times.",
    },
    time_attr: {
      type: "string",
      default: "time_attr",
      doc: "Attribute or column name for the extra time value (time_mode).",
    },
    time_exten: {
      type: "string",
      default: "time_exten",
      doc: "Attribute or column name for the microseconds part (time_mode 1).",
    },
    cdrs_table: { type: "string", default: "", doc: "Database table for CDRs." },
    time_format: {
      type: "string",
      default: "%Y-%m-%d %H:%M:%S",
      doc: "strftime() format used by the formatted time modes.",
    },
    clone_msg: {
      type: "int",
      default: 1,
      doc: "Clones the transaction's request in callbacks before reading attributes from it.",
    },
    cdr_on_failed: { type: "int", default: 1, doc: "Writes CDRs also for dialogs that were never answered." },
    acc_extra_size: { type: "int", default: 64, doc: "Maximum number of extra attributes in an accounting record." },
    cdr_extra_size: { type: "int", default: 64, doc: "Maximum number of extra attributes in a CDR." },
  },
  functions: {
    acc_log_request: {
      arity: [1],
      routes: ANY_ROUTE,
      args: ["format"],
      argNames: ["comment"],
      returns: "1",
      doc: 'Writes an accounting record for the current request to the log, with the given text as reason; a text starting with three digits gives the code too ("404 Not here").',
    },
    acc_db_request: {
      arity: [2],
      routes: ANY_ROUTE,
      argNames: ["comment", "table"],
      doc: "Writes an accounting record for the current request into the given database table.",
      simulated: false,
    },
    acc_request: {
      arity: [2],
      routes: ANY_ROUTE,
      argNames: ["comment", "table"],
      doc: "Writes an accounting record for the current request to all enabled backends.",
      simulated: false,
    },
  },
});
