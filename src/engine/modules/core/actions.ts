/**
 * Kamailio 5.6 core actions: the script commands the config grammar itself defines (cfg.y `cmd`),
 * as opposed to module functions. Control flow (if, while, switch, route, return, exit, drop,
 * break) is handled by the parser and is not listed. The grammar does not restrict where these
 * actions appear, so every one is allowed in any route. Several take bare tokens rather than
 * strings (an address for forward(), a protocol for udp_mtu_try_proto()), and none accepts a
 * pseudo-variable where the grammar wants a literal.
 */
import { ANY_ROUTE, type FunctionDef } from "../types.js";

/** A URI-rewriting action taking one literal string. */
function rewrite(part: string, doc: string): FunctionDef {
  return { arity: [1], routes: ANY_ROUTE, args: ["literal"], argNames: [part], doc };
}

const FORWARD_DOC =
  "Forwards the request statelessly to the given host and port, or to the destination of $du / the R-URI when called without parameters.";

/** forward_udp() and friends: stateless forwarding over one transport. */
function forwardOver(proto: string): FunctionDef {
  return {
    arity: [1, 2],
    routes: ANY_ROUTE,
    argNames: ["host", "port"],
    doc: `Forwards the request statelessly over ${proto} to the given host (and port); uri:host and uri:port take them from the R-URI.`,
  };
}

const SET_HOST = "Replaces the host part of the R-URI.";
const SET_HOSTPORT = "Replaces the host and port of the R-URI, given as host:port.";
const SET_HOSTPORTTRANS =
  "Replaces the host, port and transport parameter of the R-URI, given as host:port;transport=proto.";
const SET_USER = "Replaces the user part of the R-URI.";
const SET_USERPASS = "Replaces the password part of the R-URI (user:password@host).";
const SET_PORT = "Replaces the port of the R-URI.";
const SET_URI = "Replaces the whole R-URI.";
const FORCE_RPORT =
  "Adds the rport parameter to the received Via, so replies go back to the source port (as if the client had asked for it).";
const FORCE_TCP_ALIAS =
  "Adds an alias for the TCP connection the request came on, so requests to the source address (and the given port) reuse it.";

export const coreActions: Readonly<Record<string, FunctionDef>> = {
  forward: { arity: [0, 1, 2], routes: ANY_ROUTE, argNames: ["host", "port"], doc: FORWARD_DOC },
  forward_udp: forwardOver("UDP"),
  forward_tcp: forwardOver("TCP"),
  forward_tls: forwardOver("TLS"),
  forward_sctp: forwardOver("SCTP"),
  log: {
    arity: [1, 2],
    routes: ANY_ROUTE,
    argNames: ["level", "message"],
    doc: "Writes a literal message to the log; with two parameters the first is a numeric log level (the message is not expanded: use xlog for variables).",
  },
  error: {
    arity: [2],
    routes: ANY_ROUTE,
    args: ["literal", "literal"],
    argNames: ["class", "message"],
    doc: "Legacy action that only logs that it is not implemented; it takes two strings.",
  },
  exec: {
    arity: [1],
    routes: ANY_ROUTE,
    args: ["literal"],
    argNames: ["command"],
    doc: "Runs a shell command (through system()) and waits for it; prefer the exec module's functions.",
  },
  setflag: {
    arity: [1],
    routes: ANY_ROUTE,
    argNames: ["flag"],
    doc: "Sets a message flag, given by number (0..31) or by a name declared with `flags`.",
  },
  resetflag: {
    arity: [1],
    routes: ANY_ROUTE,
    argNames: ["flag"],
    doc: "Clears a message flag, given by number or name.",
  },
  isflagset: {
    arity: [1],
    routes: ANY_ROUTE,
    argNames: ["flag"],
    doc: "True when the message flag (number or name) is set.",
  },
  setavpflag: {
    arity: [2],
    routes: ANY_ROUTE,
    argNames: ["avp", "flag"],
    doc: "Sets a flag declared with `avpflags` on an AVP.",
  },
  resetavpflag: {
    arity: [2],
    routes: ANY_ROUTE,
    argNames: ["avp", "flag"],
    doc: "Clears a flag declared with `avpflags` on an AVP.",
  },
  isavpflagset: {
    arity: [2],
    routes: ANY_ROUTE,
    argNames: ["avp", "flag"],
    doc: "True when the AVP has the flag declared with `avpflags`.",
  },
  rewritehost: rewrite("host", SET_HOST),
  sethost: rewrite("host", SET_HOST),
  seth: rewrite("host", SET_HOST),
  rewritehostport: rewrite("hostport", SET_HOSTPORT),
  sethostport: rewrite("hostport", SET_HOSTPORT),
  sethp: rewrite("hostport", SET_HOSTPORT),
  rewritehostporttrans: rewrite("hostporttrans", SET_HOSTPORTTRANS),
  sethostporttrans: rewrite("hostporttrans", SET_HOSTPORTTRANS),
  sethpt: rewrite("hostporttrans", SET_HOSTPORTTRANS),
  rewriteuser: rewrite("user", SET_USER),
  setuser: rewrite("user", SET_USER),
  setu: rewrite("user", SET_USER),
  rewriteuserpass: rewrite("userpass", SET_USERPASS),
  setuserpass: rewrite("userpass", SET_USERPASS),
  setup: rewrite("userpass", SET_USERPASS),
  rewriteport: rewrite("port", SET_PORT),
  setport: rewrite("port", SET_PORT),
  setp: rewrite("port", SET_PORT),
  rewriteuri: rewrite("uri", SET_URI),
  seturi: rewrite("uri", SET_URI),
  revert_uri: {
    arity: [0],
    routes: ANY_ROUTE,
    doc: "Restores the R-URI to the one the request arrived with (can be written without parentheses).",
  },
  prefix: rewrite("prefix", "Adds the given string in front of the R-URI user part."),
  strip: {
    arity: [1],
    routes: ANY_ROUTE,
    argNames: ["count"],
    doc: "Removes the given number of characters from the start of the R-URI user part.",
  },
  strip_tail: {
    arity: [1],
    routes: ANY_ROUTE,
    argNames: ["count"],
    doc: "Removes the given number of characters from the end of the R-URI user part.",
  },
  userphone: {
    arity: [0],
    routes: ANY_ROUTE,
    doc: "Adds the user=phone parameter to the R-URI.",
  },
  remove_branch: {
    arity: [0, 1],
    routes: ANY_ROUTE,
    argNames: ["index"],
    doc: "Removes the branch with the given index (0 when omitted) from the destination set.",
  },
  clear_branches: {
    arity: [0],
    routes: ANY_ROUTE,
    doc: "Removes all branches from the destination set (the R-URI stays).",
  },
  force_rport: { arity: [0], routes: ANY_ROUTE, doc: FORCE_RPORT },
  add_rport: { arity: [0], routes: ANY_ROUTE, doc: `${FORCE_RPORT} (Alias of force_rport.)` },
  add_local_rport: {
    arity: [0],
    routes: ANY_ROUTE,
    doc: "Adds the rport parameter to the Via header this server inserts in the forwarded request.",
  },
  force_tcp_alias: { arity: [0, 1], routes: ANY_ROUTE, argNames: ["port"], doc: FORCE_TCP_ALIAS },
  add_tcp_alias: {
    arity: [0, 1],
    routes: ANY_ROUTE,
    argNames: ["port"],
    doc: `${FORCE_TCP_ALIAS} (Alias of force_tcp_alias.)`,
  },
  udp_mtu_try_proto: {
    arity: [1],
    routes: ANY_ROUTE,
    argNames: ["proto"],
    doc: "Sets the transport (bare tcp, tls or sctp) used instead of UDP when the forwarded request is larger than udp_mtu.",
  },
  set_advertised_address: {
    arity: [1],
    routes: ANY_ROUTE,
    argNames: ["address"],
    doc: "Sets the address written in Via and Record-Route for this message instead of the socket address.",
  },
  set_advertised_port: {
    arity: [1],
    routes: ANY_ROUTE,
    argNames: ["port"],
    doc: "Sets the port written in Via and Record-Route for this message instead of the socket port.",
  },
  force_send_socket: {
    arity: [1],
    routes: ANY_ROUTE,
    argNames: ["socket"],
    doc: "Sends the message from the given local socket, written bare as [proto:]address[:port]; it must be a listen socket.",
  },
  set_forward_no_connect: {
    arity: [0],
    routes: ANY_ROUTE,
    doc: "Forwards only over an existing TCP/TLS connection; no new connection is opened.",
  },
  set_reply_no_connect: {
    arity: [0],
    routes: ANY_ROUTE,
    doc: "Sends the reply only over an existing TCP/TLS connection; no new connection is opened.",
  },
  set_forward_close: {
    arity: [0],
    routes: ANY_ROUTE,
    doc: "Closes the TCP/TLS connection after forwarding this request.",
  },
  set_reply_close: {
    arity: [0],
    routes: ANY_ROUTE,
    doc: "Closes the TCP/TLS connection after sending the reply.",
  },
  cfg_select: {
    arity: [2],
    routes: ANY_ROUTE,
    argNames: ["group", "id"],
    doc: "Selects which instance of a configuration-framework group the rest of the script uses.",
  },
  cfg_reset: {
    arity: [1],
    routes: ANY_ROUTE,
    args: ["literal"],
    argNames: ["group"],
    doc: "Returns to the default instance of a configuration-framework group.",
  },
};
