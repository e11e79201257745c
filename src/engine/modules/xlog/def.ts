/** xlog: formatted logging from the config script. */
import { ANY_ROUTE, defineModule } from "../types.js";

const fmtDoc =
  "All arguments must be literal strings; pseudo-variables inside the format are expanded when the message is printed.";

export const xlogModule = defineModule({
  name: "xlog",
  simulated: true,
  doc: "Prints log messages whose text may contain pseudo-variables, at a chosen level and optionally to a chosen syslog facility. A message below the global `debug` level is dropped.",
  params: {
    buf_size: {
      type: "int",
      default: 4096,
      doc: "Size in bytes of the buffer a message is formatted into. A message that does not fit (with its terminating NUL) is not printed: the core logs two ERROR lines instead and xlog returns -1.",
    },
    force_color: {
      type: "int",
      default: 0,
      doc: "1 emits terminal colour codes ($C) even when logging goes to syslog.",
    },
    long_format: {
      type: "int",
      default: 0,
      doc: "1 makes xlogl()/xdbgl() print the config file name before the line number.",
    },
    prefix: { type: "string", default: "<script>: ", doc: "Text put in front of every message." },
    prefix_mode: {
      type: "int",
      default: 0,
      doc: "1 treats `prefix` as a format whose pseudo-variables are expanded for each message; 0 prints it as is.",
    },
    log_facility: {
      type: "string",
      doc: "Syslog facility for xlog messages (e.g. LOG_LOCAL0); unset means the core's facility.",
    },
    log_colors: {
      type: "string",
      repeatable: true,
      doc: "Changes the terminal colours of core log levels: `L_ERR=cr` or a `;`-separated list; colours use the two-letter $C(xy) notation.",
    },
    methods_filter: {
      type: "int",
      default: -1,
      doc: "Bitmask of SIP method ids that xlogm() stays silent for; -1 silences it for all methods. Can be changed at run time through the cfg framework.",
    },
  },
  functions: {
    xlog: {
      arity: [1, 2, 3],
      routes: ANY_ROUTE,
      args: ["format", "format", "format"],
      argNames: ["facility", "level", "format"],
      returns: "1 (also when the level is filtered out); -1 the level variable holds no integer or printing failed",
      doc: `Logs a message. Forms: xlog(format) at L_ERR, xlog(level, format), xlog(facility, level, format). The level is a name such as "L_INFO" (only its third letter counts) or a pseudo-variable holding an integer level, written as a quoted string. ${fmtDoc}`,
    },
    xdbg: {
      arity: [1],
      routes: ANY_ROUTE,
      args: ["format"],
      argNames: ["format"],
      returns: "1",
      doc: `Logs the message at L_DBG. ${fmtDoc}`,
    },
    xinfo: {
      arity: [1],
      routes: ANY_ROUTE,
      args: ["format"],
      argNames: ["format"],
      returns: "1",
      doc: `Logs the message at L_INFO. ${fmtDoc}`,
    },
    xnotice: {
      arity: [1],
      routes: ANY_ROUTE,
      args: ["format"],
      argNames: ["format"],
      returns: "1",
      doc: `Logs the message at L_NOTICE. ${fmtDoc}`,
    },
    xwarn: {
      arity: [1],
      routes: ANY_ROUTE,
      args: ["format"],
      argNames: ["format"],
      returns: "1",
      doc: `Logs the message at L_WARN. ${fmtDoc}`,
    },
    xerr: {
      arity: [1],
      routes: ANY_ROUTE,
      args: ["format"],
      argNames: ["format"],
      returns: "1",
      doc: `Logs the message at L_ERR. ${fmtDoc}`,
    },
    xbug: {
      arity: [1],
      routes: ANY_ROUTE,
      args: ["format"],
      argNames: ["format"],
      returns: "1",
      doc: `Logs the message at L_BUG. ${fmtDoc}`,
    },
    xcrit: {
      arity: [1],
      routes: ANY_ROUTE,
      args: ["format"],
      argNames: ["format"],
      returns: "1",
      doc: `Logs the message at L_CRIT. ${fmtDoc}`,
    },
    xalert: {
      arity: [1],
      routes: ANY_ROUTE,
      args: ["format"],
      argNames: ["format"],
      returns: "1",
      doc: `Logs the message at L_ALERT. ${fmtDoc}`,
    },
    xlogl: {
      arity: [1, 2, 3],
      routes: ANY_ROUTE,
      args: ["format", "format", "format"],
      argNames: ["facility", "level", "format"],
      returns: "1; -1 the level variable holds no integer or printing failed",
      doc: `Like xlog(), with the config line number of the call (and the file name with long_format) in front of the message. ${fmtDoc}`,
    },
    xdbgl: {
      arity: [1],
      routes: ANY_ROUTE,
      args: ["format"],
      argNames: ["format"],
      returns: "1",
      doc: `Like xdbg(), with the config line number of the call in front of the message. ${fmtDoc}`,
    },
    xlogm: {
      arity: [2],
      routes: ANY_ROUTE,
      args: ["format", "format"],
      argNames: ["level", "format"],
      returns: "1 (also when filtered); -1 the level variable holds no integer, or a reply has no CSeq",
      doc: `Like xlog(level, format), but prints nothing when the request method (the CSeq method for a reply) is in the methods_filter mask; with the default mask -1 it never prints. ${fmtDoc}`,
    },
  },
  pvars: {
    C: {
      inner: "required",
      doc: "Terminal colour escape: `$C(xy)` with x the foreground and y the background letter (x default, s black, r red, g green, y yellow, b blue, p purple, c cyan, w white; an upper-case foreground letter is the bright variant). Empty unless logging to stderr or force_color is set.",
    },
  },
});
