/**
 * Core parameters of Kamailio 5.6: every name the config grammar (cfg.lex/cfg.y `assign_stm`) accepts
 * as a top-level `name = value` statement, with the kind of value it takes and its default when known.
 */
import { coreNetParams } from "./params-net.js";

/** How a core parameter's value is written. */
export interface CoreParamDef {
  /**
   * `int`: a number, possibly negative; `bool`: yes/no/on/off/true/false/enable/disable or a number;
   * `string`: a quoted string; `id`: a bare identifier or a quoted string; `socket`: a listen/alias-style
   * address phrase; `any`: something else (see the doc).
   */
  value: "int" | "bool" | "string" | "id" | "socket" | "any";
  /** Kamailio's default, when it has a meaningful one. */
  default?: number | string;
  /** One-paragraph documentation. */
  doc: string;
}

export const coreParams: Readonly<Record<string, CoreParamDef>> = {
  advertised_address: {
    value: "socket",
    doc: "Address written in Via and Record-Route instead of the listen address.",
  },
  advertised_port: { value: "int", doc: "Port written in Via and Record-Route instead of the listen port." },
  alias: {
    value: "socket",
    doc: "Adds a host name (and port) that is treated as local by myself checks (may be given several times).",
  },
  async_nonblock: { value: "bool", default: 0, doc: "Uses non-blocking reads for the async workers' queue." },
  async_usleep: {
    value: "int",
    default: 0,
    doc: "Sleep time of idle async workers, in microseconds (0 waits on the queue).",
  },
  async_workers: {
    value: "int",
    default: 0,
    doc: "Number of async worker processes (used by async and other modules).",
  },
  async_workers_group: {
    value: "string",
    doc: 'Defines named groups of async workers, e.g. "name=abc;workers=4;nonblock=0;usleep=0".',
  },
  auto_aliases: { value: "bool", default: 1, doc: "Automatically adds the host names of listen addresses as aliases." },
  cfgengine: {
    value: "string",
    doc: 'Selects the script engine (e.g. "native" or a KEMI language such as "lua"); also accepted without "=".',
  },
  check_via: { value: "bool", default: 0, doc: "Checks that the top Via of replies matches this server." },
  children: { value: "int", default: 8, doc: "Number of worker processes per UDP (and SCTP) listen socket." },
  chroot: { value: "id", doc: "Directory to chroot into after startup." },
  core_log: { value: "int", default: -1, doc: "Log level of some core error messages. (Alias of corelog.)" },
  corelog: { value: "int", default: -1, doc: "Log level of some core error messages." },
  debug: {
    value: "int",
    default: 0,
    doc: "Global log level: -5 (alert) to 3 (debug); messages above it are not logged.",
  },
  disable_core_dump: { value: "bool", default: 0, doc: "Disables writing core dumps." },
  exit_timeout: {
    value: "int",
    default: 60,
    doc: "Time to wait for processes to exit at shutdown before killing them, in seconds.",
  },
  fork: {
    value: "bool",
    default: 1,
    doc: "Runs as a daemon with child processes (yes) or in a single foreground process (no).",
  },
  fork_delay: { value: "int", default: 0, doc: "Delay between forking child processes, in microseconds." },
  gid: { value: "id", doc: "Group (name or id) to run as after startup. (Alias of group.)" },
  group: { value: "id", doc: "Group (name or id) to run as after startup." },
  hdr_name_extra_chars: { value: "string", doc: "Extra characters accepted in header names." },
  http_reply_hack: { value: "bool", default: 0, doc: "Accepts HTTP replies as if they were SIP replies." },
  http_reply_parse: {
    value: "bool",
    default: 0,
    doc: "Accepts HTTP replies as if they were SIP replies. (Alias of http_reply_hack.)",
  },
  "kemi.event_route_callback": { value: "string", doc: "KEMI function run for core event routes." },
  "kemi.onsend_route_callback": { value: "string", doc: "KEMI function run as onsend_route." },
  "kemi.pre_routing_callback": { value: "string", doc: "KEMI function run before the request or reply routing." },
  "kemi.received_route_callback": { value: "string", doc: "KEMI function run for received network packets." },
  "kemi.reply_route_callback": { value: "string", doc: "KEMI function run as reply_route." },
  latency_cfg_log: {
    value: "int",
    default: 3,
    doc: "Log level for the execution time of each route (with latency_limit_cfg).",
  },
  latency_limit_action: {
    value: "int",
    default: 0,
    doc: "Logs script actions slower than this, in microseconds (0 disables).",
  },
  latency_limit_cfg: {
    value: "int",
    default: 0,
    doc: "Logs route executions slower than this, in milliseconds (0 disables).",
  },
  latency_limit_db: {
    value: "int",
    default: 0,
    doc: "Logs database queries slower than this, in microseconds (0 disables).",
  },
  latency_log: { value: "int", default: -1, doc: "Log level for messages about slow operations." },
  listen: {
    value: "socket",
    doc: 'Adds a socket to listen on: [proto:]address[:port], optionally with "advertise", "name" and "virtual" (may be given several times).',
  },
  loadpath: {
    value: "string",
    doc: 'Directory (or colon-separated directories) where loadmodule looks for modules; also accepted without "=".',
  },
  log_color: { value: "bool", default: 0, doc: "Colours log messages printed to standard error by level." },
  log_engine_data: { value: "string", doc: "Configuration data for the logging engine set by log_engine_type." },
  log_engine_type: { value: "string", doc: "Name of an alternative logging engine (provided by a module)." },
  log_facility: { value: "id", default: "LOG_DAEMON", doc: "Syslog facility for log messages, e.g. LOG_LOCAL0." },
  log_name: { value: "string", doc: "Identity (program name) used in syslog messages." },
  log_prefix: {
    value: "string",
    doc: "Format string (may contain pseudo-variables) printed before log messages of SIP message processing.",
  },
  log_prefix_mode: {
    value: "int",
    default: 0,
    doc: "How log_prefix is applied: 0 only for SIP message processing, 1 for all messages.",
  },
  log_stderror: { value: "bool", default: 0, doc: "Writes log messages to standard error instead of syslog." },
  max_branches: { value: "int", default: 12, doc: "Maximum number of branches per request." },
  max_recursive_level: { value: "int", default: 256, doc: "Maximum depth of nested route() calls." },
  max_while_loops: { value: "int", default: 100, doc: "Maximum number of iterations of a while loop." },
  maxbuffer: { value: "int", default: 262144, doc: "Maximum UDP receive buffer size to try, in bytes." },
  mem_dbg: { value: "int", default: 4, doc: "Log level of memory debugging messages. (Alias of memdbg.)" },
  mem_join: { value: "bool", default: 1, doc: "Joins free memory fragments (for the q_malloc/f_malloc allocators)." },
  mem_log: { value: "int", default: 4, doc: "Log level of memory status and statistics messages. (Alias of memlog.)" },
  mem_safety: { value: "bool", default: 1, doc: "Enables memory safety checks (e.g. double free detection)." },
  mem_status_mode: { value: "int", default: 0, doc: "Memory status dump: 0 only used fragments, 1 all fragments." },
  mem_summary: { value: "int", default: 12, doc: "What is logged about memory at shutdown (bit mask)." },
  memdbg: { value: "int", default: 4, doc: "Log level of memory debugging messages." },
  memlog: { value: "int", default: 4, doc: "Log level of memory status and statistics messages." },
  mhomed: { value: "bool", default: 0, doc: "Multihomed mode: chooses the sending socket by routing table lookup." },
  mlock_pages: { value: "bool", default: 0, doc: "Locks shared memory pages in RAM (no swapping)." },
  modinit_delay: { value: "int", default: 0, doc: "Delay after each module initialisation, in microseconds." },
  mpath: { value: "string", doc: "Alias of loadpath." },
  msg_time: { value: "bool", default: 1, doc: "Stores the receive time in each message (for $TV and similar)." },
  onsend_route_reply: { value: "bool", default: 0, doc: "Runs onsend_route for replies too." },
  open_files_limit: { value: "int", doc: "Limit of open file descriptors to set at startup." },
  phone2tel: {
    value: "int",
    default: 1,
    doc: "Treats SIP URIs with the user=phone parameter as tel URIs when parsing them.",
  },
  port: { value: "int", default: 5060, doc: "Default SIP port for listen addresses given without one." },
  pv_buffer_size: { value: "int", doc: "Size of each buffer used to print pseudo-variables, in bytes." },
  pv_buffer_slots: { value: "int", doc: "Number of buffers used to print pseudo-variables." },
  pv_cache_action: {
    value: "int",
    default: 0,
    doc: "What to do when pv_cache_limit is reached: 0 only log, 1 drop the cache.",
  },
  pv_cache_limit: {
    value: "int",
    default: 2048,
    doc: "Number of dynamically named pseudo-variables cached before pv_cache_action applies.",
  },
  real_time: {
    value: "int",
    default: 0,
    doc: "Real-time scheduling for timer processes (bit mask: 1 fast timer, 2 slow timer, 4 all).",
  },
  received_route_mode: {
    value: "int",
    default: 0,
    doc: "Enables event_route[core:msg-received] for received messages.",
  },
  reply_to_via: {
    value: "bool",
    default: 0,
    doc: "Sends replies to the address in the top Via instead of the source address.",
  },
  rev_dns: { value: "bool", default: 0, doc: "Like dns, but checks with a reverse DNS lookup of the source address." },
  route_locks_size: {
    value: "int",
    default: 0,
    doc: "Number of locks for serialising processing by Call-ID (0 disables).",
  },
  rt_fast_timer_prio: {
    value: "int",
    default: 0,
    doc: "Real-time priority of the fast timer process. (Alias of rt_timer1_prio.)",
  },
  rt_ftimer_policy: {
    value: "int",
    default: 0,
    doc: "Scheduling policy of the fast timer process. (Alias of rt_timer1_policy.)",
  },
  rt_ftimer_prio: {
    value: "int",
    default: 0,
    doc: "Real-time priority of the fast timer process. (Alias of rt_timer1_prio.)",
  },
  rt_policy: {
    value: "int",
    default: 0,
    doc: "Scheduling policy for the processes selected by real_time: 0 other, 1 RR, 2 FIFO.",
  },
  rt_prio: { value: "int", default: 0, doc: "Real-time priority for the processes selected by real_time." },
  rt_stimer_policy: {
    value: "int",
    default: 0,
    doc: "Scheduling policy of the slow timer process. (Alias of rt_timer2_policy.)",
  },
  rt_stimer_prio: {
    value: "int",
    default: 0,
    doc: "Real-time priority of the slow timer process. (Alias of rt_timer2_prio.)",
  },
  rt_timer1_policy: { value: "int", default: 0, doc: "Scheduling policy of the fast timer process." },
  rt_timer1_prio: { value: "int", default: 0, doc: "Real-time priority of the fast timer process." },
  rt_timer2_policy: { value: "int", default: 0, doc: "Scheduling policy of the slow timer process." },
  rt_timer2_prio: { value: "int", default: 0, doc: "Real-time priority of the slow timer process." },
  run_dir: { value: "id", doc: "Directory for runtime files such as RPC sockets and the PID file. (Alias of rundir.)" },
  rundir: { value: "id", doc: "Directory for runtime files such as RPC sockets and the PID file." },
  ser_kill_timeout: {
    value: "int",
    default: 60,
    doc: "Time to wait for processes to exit at shutdown before killing them, in seconds. (Alias of exit_timeout.)",
  },
  server_header: { value: "string", doc: 'Full Server header added to replies, e.g. "Server: My SIP Server".' },
  server_id: { value: "int", default: 0, doc: "Numeric id of this server (used by modules to tag shared data)." },
  server_signature: {
    value: "bool",
    default: 1,
    doc: "Adds the Server header to replies and User-Agent to local requests.",
  },
  shm: { value: "int", default: 64, doc: "Shared memory size, in MB (the -m command line option wins)." },
  shm_force_alloc: {
    value: "bool",
    default: 0,
    doc: "Touches all shared memory pages at startup so they are allocated.",
  },
  shm_mem: {
    value: "int",
    default: 64,
    doc: "Shared memory size, in MB (the -m command line option wins). (Alias of shm.)",
  },
  shm_mem_size: {
    value: "int",
    default: 64,
    doc: "Shared memory size, in MB (the -m command line option wins). (Alias of shm.)",
  },
  sip_parser_log: { value: "int", default: -1, doc: "Log level used to print the SIP message when parsing fails." },
  sip_parser_log_oneline: {
    value: "bool",
    default: 0,
    doc: "Logs the SIP message on a single line when parsing fails.",
  },
  sip_parser_mode: { value: "int", default: 1, doc: "Parser strictness flags (bit mask)." },
  sip_warning: { value: "bool", default: 0, doc: "Adds a debugging Warning header to replies sent by Kamailio." },
  socket_workers: {
    value: "int",
    doc: "Number of workers for the next listen socket only (overrides children for it).",
  },
  sql_buffer_size: { value: "int", default: 65535, doc: "Size of the buffer used to build SQL queries, in bytes." },
  stats_name_separator: { value: "string", doc: "Separator between group and name in statistics names." },
  uid: { value: "id", doc: "User (name or id) to run as after startup. (Alias of user.)" },
  uri_host_extra_chars: { value: "string", doc: "Extra characters accepted in URI hosts." },
  user: { value: "id", doc: "User (name or id) to run as after startup." },
  user_agent_header: { value: "string", doc: "Full User-Agent header added to locally generated requests." },
  verbose_startup: { value: "bool", default: 0, doc: "Logs more details during startup." },
  version_table: { value: "string", default: "version", doc: "Name of the database table holding table versions." },
  wait_worker1_mode: {
    value: "int",
    default: 0,
    doc: "Waits for the first worker to finish initialisation before starting the others.",
  },
  wait_worker1_time: { value: "int", default: 4000000, doc: "Maximum wait for the first worker, in microseconds." },
  wait_worker1_usleep: {
    value: "int",
    default: 100000,
    doc: "Step of the wait for the first worker, in microseconds.",
  },
  wdir: { value: "id", doc: "Working directory after startup. (Alias of workdir.)" },
  workdir: { value: "id", doc: "Working directory after startup." },
  xavp_via_fields: {
    value: "string",
    doc: "XAVP whose fields can replace parts of the Via header of forwarded requests.",
  },
  xavp_via_params: {
    value: "string",
    doc: "XAVP whose fields are added as parameters to the Via header of forwarded requests.",
  },
  ...coreNetParams,
};
