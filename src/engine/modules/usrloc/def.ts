/**
 * usrloc: the location table registrar saves into and looks up (docs/kamailio/usrloc.md).
 * Simulated in memory (db_mode 0): its timer, its expiry and the RPCs ul.dump and ul.lookup;
 * the database columns and modes are declared so configs check, and do nothing here.
 */
import { defineModule } from "../types.js";
import { createUsrlocChecker } from "./check.js";

export const usrlocModule = defineModule({
  name: "usrloc",
  simulated: true,
  // modules/usrloc/usrloc.c bind_usrloc(): "trying to bind to usrloc module before being initialized".
  initBeforeUse: true,
  doc: "User location service: the in-memory (optionally database-backed) table of registered contacts used by registrar.",
  params: {
    ruid_column: {
      type: "string",
      default: "ruid",
      doc: "Name of the database column holding the record's unique id (ruid).",
    },
    user_column: { type: "string", default: "username", doc: "Name of the database column holding the user." },
    domain_column: { type: "string", default: "domain", doc: "Name of the database column holding the domain." },
    contact_column: { type: "string", default: "contact", doc: "Name of the database column holding the contact." },
    expires_column: { type: "string", default: "expires", doc: "Name of the database column holding the expires." },
    q_column: { type: "string", default: "q", doc: "Name of the database column holding the q." },
    callid_column: { type: "string", default: "callid", doc: "Name of the database column holding the callid." },
    cseq_column: { type: "string", default: "cseq", doc: "Name of the database column holding the cseq." },
    flags_column: { type: "string", default: "flags", doc: "Name of the database column holding the flags." },
    cflags_column: { type: "string", default: "cflags", doc: "Name of the database column holding the cflags." },
    db_url: { type: "string", doc: "Database URL used to store contacts." },
    timer_interval: { type: "int", default: 60, doc: "Interval between cleanups of expired contacts, in seconds." },
    db_mode: {
      type: "int",
      default: 0,
      doc: "Storage mode: 0 memory only, 1 write-through, 2 write-back, 3 database only.",
    },
    db_load: { type: "int", default: 1, doc: "Loads contacts from the database at startup (1) or not (0)." },
    db_insert_update: {
      type: "int",
      default: 0,
      doc: "Updates the record on duplicate key when inserting into the database.",
    },
    use_domain: { type: "int", default: 0, doc: "Uses user@domain instead of only the user as the record key." },
    desc_time_order: { type: "int", default: 0, doc: "Orders contacts by last update instead of by q value." },
    user_agent_column: {
      type: "string",
      default: "user_agent",
      doc: "Name of the database column holding the user agent.",
    },
    received_column: { type: "string", default: "received", doc: "Name of the database column holding the received." },
    path_column: { type: "string", default: "path", doc: "Name of the database column holding the path." },
    socket_column: { type: "string", default: "socket", doc: "Name of the database column holding the socket." },
    methods_column: { type: "string", default: "methods", doc: "Name of the database column holding the methods." },
    instance_column: { type: "string", default: "instance", doc: "Name of the database column holding the instance." },
    reg_id_column: { type: "string", default: "reg_id", doc: "Name of the database column holding the reg id." },
    server_id_column: {
      type: "string",
      default: "server_id",
      doc: "Name of the database column holding the server id.",
    },
    connection_id_column: {
      type: "string",
      default: "connection_id",
      doc: "Name of the database column holding the connection id.",
    },
    keepalive_column: {
      type: "string",
      default: "keepalive",
      doc: "Name of the database column holding the keepalive.",
    },
    partition_column: {
      type: "string",
      default: "partition",
      doc: "Name of the database column holding the partition.",
    },
    matching_mode: {
      type: "int",
      default: 0,
      doc: "How contacts are matched: 0 by contact, 1 by contact and Call-ID, 2 by path, 3 by contact and path.",
    },
    cseq_delay: {
      type: "int",
      default: 20,
      doc: "Time in seconds during which a repeated CSeq for the same contact is accepted.",
    },
    fetch_rows: { type: "int", default: 2000, doc: "Number of rows fetched per query when loading from the database." },
    hash_size: { type: "int", default: 10, doc: "Size of the location hash table as a power of two." },
    nat_bflag: { type: "int", doc: "Branch flag that marks contacts behind NAT." },
    handle_lost_tcp: { type: "int", default: 0, doc: "Removes contacts whose TCP connection was closed." },
    close_expired_tcp: { type: "int", default: 0, doc: "Closes the TCP connection of contacts that expire." },
    skip_remote_socket: {
      type: "int",
      default: 0,
      doc: "Skips database records whose socket is not one of this instance's listen sockets.",
    },
    preload: {
      type: "string",
      repeatable: true,
      doc: "Name of a location table to load at startup (can be given several times).",
    },
    db_update_as_insert: {
      type: "int",
      default: 0,
      doc: "Writes contact updates as inserts (for append-only storage).",
    },
    timer_procs: {
      type: "int",
      default: 0,
      doc: "Number of dedicated timer processes for expiring contacts (0 uses the core timer).",
    },
    db_check_update: { type: "int", default: 0, doc: "Inserts the contact when a database update affects no row." },
    xavp_contact: { type: "string", doc: "XAVP whose fields are stored with the contact as extra attributes." },
    db_ops_ruid: { type: "int", default: 1, doc: "Uses the ruid to identify rows in database updates and deletes." },
    expires_type: {
      type: "int",
      default: 0,
      doc: "Stores expires and last-modified as BIGINT numbers (1) instead of DATETIME (0) in the database.",
    },
    db_raw_fetch_type: {
      type: "int",
      default: 0,
      doc: "Selects the raw query dialect used in database-only mode (0 common SQL, 1 Oracle).",
    },
    db_insert_null: {
      type: "int",
      default: 0,
      doc: "Includes NULL-valued fields explicitly in database inserts (needed by some backends).",
    },
    server_id_filter: {
      type: "int",
      default: 0,
      doc: "Loads and cleans only database records stored with this server's id.",
    },
    db_timer_clean: {
      type: "int",
      default: 0,
      doc: "Cleans expired database records on a timer in write-through and write-back modes.",
    },
    rm_expired_delay: {
      type: "int",
      default: 0,
      doc: "Seconds to wait before removing expired records (database-only mode).",
    },
    version_table: {
      type: "int",
      default: 1,
      doc: "Checks the location table version at startup (0 skips the check).",
    },
    ka_mode: { type: "int", default: 0, doc: "Bit mask of contacts to send keepalive requests to (0 disables)." },
    ka_from: { type: "string", default: "sip:server@kamailio.org", doc: "From URI used in keepalive requests." },
    ka_domain: { type: "string", default: "kamailio.org", doc: "Domain used in the From URI of keepalive requests." },
    ka_method: { type: "string", default: "OPTIONS", doc: "Method of keepalive requests (OPTIONS by default)." },
    ka_filter: {
      type: "int",
      default: 0,
      doc: "Filters for keepalives; 1 sends them only to records of this server_id.",
    },
    ka_timeout: {
      type: "int",
      default: 0,
      doc: "Time without a keepalive reply after which a contact is removed, in seconds.",
    },
    ka_loglevel: { type: "int", default: 255, doc: "Log level for keepalive round-trip messages (255 disables)." },
    ka_logmsg: {
      type: "string",
      default: " to-uri: [$tu] remote-addr: [$sas]",
      doc: "Format of the keepalive log message.",
    },
    load_rank: {
      type: "int",
      default: 1,
      doc: "Rank of the SIP worker process that loads location records at startup.",
    },
    db_clean_tcp: {
      type: "int",
      default: 0,
      doc: "At startup, removes contacts over TCP, TLS or WSS instead of loading them.",
    },
  },
  functions: {},
  rpc: {
    "ul.dump": { params: "[brief]", doc: "Every location table with its records and contacts." },
    "ul.lookup": { params: "table AOR", doc: "The valid contacts of one AOR." },
  },
  checks: createUsrlocChecker,
});
