/**
 * A line Kamailio's core writes while it judges a received datagram, as plain data: the SIP
 * layer has no logger, so the receive path returns these and the simulation writes them
 * (`<core> [core/AT]: FN(): TEXT`, at LEVEL, from the SIP worker that read the datagram).
 */
export interface CoreLogEntry {
  /** Kamailio's numeric log level (L_ERR = -1, L_INFO = 2...). */
  level: number;
  /** Source file and line under `core/`, e.g. `parser/msg_parser.c:749`. */
  at: string;
  /** The C function's name. */
  fn: string;
  text: string;
  /** Written after receive_msg() set the log prefix for the message (log_prefix_set(),
   * core/receive.c): the core `log_prefix` goes before it. */
  prefixed?: boolean;
}
