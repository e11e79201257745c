/**
 * Kamailio 5.6 `corex` module as the checker knows it: parameters, script functions and
 * pseudo-variables, from the module's export tables. Declared only, not simulated.
 */
import { ANY_ROUTE, defineModule, RouteKind } from "../types.js";

export const corexModule = defineModule({
  name: "corex",
  simulated: false,
  doc: "Core extensions: extra branch, sending, socket, flag and file helpers plus the network:msg and corex:reply-out hooks.",
  params: {
    alias_subdomains: {
      type: "string",
      repeatable: true,
      doc: "Adds a domain whose subdomains are all treated as local aliases; format [proto:]domain[:port].",
    },
    dns_cache: {
      type: "string",
      repeatable: true,
      doc: "Adds a record to the DNS cache at startup, as attribute list (type, name, ttl, addr...).",
    },
    nio_intercept: {
      type: "int",
      default: 0,
      doc: "Enables the network:msg event route for incoming and outgoing messages.",
    },
    nio_min_msg_len: {
      type: "int",
      default: 0,
      doc: "Messages shorter than this are not passed to the network:msg route.",
    },
    nio_msg_avp: {
      type: "string",
      doc: "AVP holding the message content in the network:msg route; changes to it are sent out.",
    },
    evcb_reply_out: {
      type: "string",
      doc: "KEMI callback name run for outgoing replies (like event_route[corex:reply-out]).",
    },
  },
  functions: {
    forward_reply: {
      arity: [0],
      routes: RouteKind.CORE_ONREPLY,
      doc: "Forwards a reply statelessly, from the core reply route.",
    },
    append_branch: {
      arity: [0, 1, 2],
      routes: RouteKind.REQUEST | RouteKind.FAILURE,
      argNames: ["uri", "q"],
      doc: "Adds a new branch using the current R-URI or the given URI, optionally with a q value.",
    },
    send_udp: {
      arity: [0, 1],
      routes: RouteKind.REQUEST | RouteKind.FAILURE,
      argNames: ["hostport"],
      doc: "Sends the message as is over UDP to the given address or to the R-URI / $du target.",
    },
    send_tcp: {
      arity: [0, 1],
      routes: RouteKind.REQUEST | RouteKind.FAILURE,
      argNames: ["hostport"],
      doc: "Sends the message as is over TCP to the given address or to the R-URI / $du target.",
    },
    send_data: {
      arity: [2],
      routes: ANY_ROUTE,
      argNames: ["uri", "data"],
      doc: "Sends the given data to the address in the SIP URI.",
    },
    sendx: {
      arity: [3],
      routes: ANY_ROUTE,
      argNames: ["uri", "sock", "data"],
      doc: "Sends the given data to the address in the SIP URI using the given local socket.",
    },
    is_incoming: {
      arity: [0],
      routes: ANY_ROUTE,
      doc: "In event_route[network:msg], true when $mb holds received data rather than data about to be sent (needs nio_intercept).",
    },
    msg_iflag_set: {
      arity: [1],
      routes: ANY_ROUTE,
      argNames: ["flagname"],
      doc: "Sets an internal message flag by name.",
    },
    msg_iflag_reset: {
      arity: [1],
      routes: ANY_ROUTE,
      argNames: ["flagname"],
      doc: "Clears an internal message flag by name.",
    },
    msg_iflag_is_set: {
      arity: [1],
      routes: ANY_ROUTE,
      argNames: ["flagname"],
      doc: "True when the named internal message flag is set.",
    },
    file_read: {
      arity: [2],
      routes: ANY_ROUTE,
      argNames: ["fpath", "var"],
      doc: "Reads a whole file into the given variable.",
    },
    file_write: {
      arity: [2],
      routes: ANY_ROUTE,
      argNames: ["fpath", "content"],
      doc: "Writes the content to a file, replacing it.",
    },
    setxflag: {
      arity: [1],
      routes: ANY_ROUTE,
      argNames: ["flag"],
      doc: "Sets an extended message flag (index 0..63).",
    },
    resetxflag: {
      arity: [1],
      routes: ANY_ROUTE,
      argNames: ["flag"],
      doc: "Clears an extended message flag.",
    },
    isxflagset: {
      arity: [1],
      routes: ANY_ROUTE,
      argNames: ["flag"],
      doc: "True when the extended message flag is set.",
    },
    set_send_socket: {
      arity: [1],
      routes: ANY_ROUTE,
      argNames: ["saddr"],
      doc: "Sets the local socket for sending, given as proto:address:port.",
    },
    set_send_socket_name: {
      arity: [1],
      routes: ANY_ROUTE,
      argNames: ["sname"],
      doc: "Sets the local socket for sending by its listen name.",
    },
    set_recv_socket: {
      arity: [1],
      routes: ANY_ROUTE,
      argNames: ["saddr"],
      doc: "Changes the socket the message is considered received on.",
    },
    set_recv_socket_name: {
      arity: [1],
      routes: ANY_ROUTE,
      argNames: ["sname"],
      doc: "Changes the receiving socket by its listen name.",
    },
    set_source_address: {
      arity: [1],
      routes: ANY_ROUTE,
      argNames: ["saddr"],
      doc: "Changes the source address the message is considered received from.",
    },
    via_add_srvid: {
      arity: [1],
      routes: ANY_ROUTE,
      argNames: ["flags"],
      doc: "Controls adding the server id as a Via parameter to forwarded requests.",
    },
    via_add_xavp_params: {
      arity: [1],
      routes: ANY_ROUTE,
      argNames: ["flags"],
      doc: "Controls adding the xavp_via_params fields as Via parameters.",
    },
    via_use_xavp_fields: {
      arity: [1],
      routes: ANY_ROUTE,
      argNames: ["flags"],
      doc: "Controls using the xavp_via_fields values for the Via header.",
    },
    is_faked_msg: {
      arity: [0],
      routes: ANY_ROUTE,
      doc: "True when the message is a faked one built internally (e.g. in failure routes).",
    },
    is_socket_name: {
      arity: [1],
      routes: ANY_ROUTE,
      argNames: ["sockname"],
      doc: "True when a listen socket with this name exists.",
    },
  },
  pvars: {
    cfg: { inner: "required", doc: "Config file attributes: $cfg(line), $cfg(name), $cfg(file) and $cfg(route)." },
    lsock: {
      inner: "required",
      doc: "Attribute of a listen socket selected by name or by address, written as $lsock(match/value/field).",
    },
  },
  events: ["network:msg", "corex:reply-out"],
});
