/**
 * Kamailio 5.6 `tm` module as the checker knows it: parameters, script functions and
 * pseudo-variables, from the module's export tables. Declared only, not simulated.
 */
import { ANY_ROUTE, defineModule, ONREPLY, RouteKind } from "../types.js";
import { tmParams } from "./tm-params.js";

export const tmModule = defineModule({
  name: "tm",
  simulated: false,
  // modules/tm/tm_load.c load_tm(): "Module not initialized yet, make sure that all modules that
  // need tm module are loaded after tm".
  initBeforeUse: true,
  doc: "Transaction management: stateful forwarding with retransmissions and timers, transaction-aware replies and the failure, branch and reply route hooks.",
  params: tmParams,
  functions: {
    t_newtran: {
      arity: [0],
      routes: RouteKind.REQUEST,
      doc: "Creates a transaction for the request without forwarding it, so that later replies are sent statefully.",
    },
    t_lookup_request: {
      arity: [0],
      routes: RouteKind.REQUEST,
      doc: "True when a transaction for the request already exists (the request is a retransmission).",
    },
    t_lookup_cancel: {
      arity: [0, 1],
      routes: RouteKind.REQUEST,
      argNames: ["flags"],
      doc: "True when the INVITE transaction that a CANCEL refers to exists; with 1 it is also made the current transaction.",
    },
    t_reply: {
      arity: [2],
      routes: RouteKind.REQUEST | RouteKind.FAILURE | ONREPLY,
      argNames: ["code", "reason"],
      doc: "Sends a reply statefully, creating the transaction if needed.",
    },
    t_send_reply: {
      arity: [2],
      routes: RouteKind.REQUEST | RouteKind.FAILURE | ONREPLY,
      argNames: ["code", "reason"],
      doc: "Sends a stateful reply, creating the transaction first when needed.",
    },
    t_retransmit_reply: {
      arity: [0],
      routes: RouteKind.REQUEST,
      doc: "Resends the last reply of the current transaction.",
    },
    t_release: {
      arity: [0],
      routes: RouteKind.REQUEST,
      doc: "Removes the current transaction from memory before its timers end.",
    },
    t_relay_to_udp: {
      arity: [0, 2],
      routes: RouteKind.REQUEST | RouteKind.FAILURE,
      argNames: ["ip", "port"],
      doc: "Forwards statefully over UDP, to the given address or to the R-URI / $du target.",
    },
    t_relay_to_tcp: {
      arity: [0, 2],
      routes: RouteKind.REQUEST | RouteKind.FAILURE,
      argNames: ["ip", "port"],
      doc: "Forwards statefully over TCP, to the given address or to the R-URI / $du target.",
    },
    t_relay_to_tls: {
      arity: [0, 2],
      routes: RouteKind.REQUEST | RouteKind.FAILURE,
      argNames: ["ip", "port"],
      doc: "Forwards statefully over TLS, to the given address or to the R-URI / $du target.",
    },
    t_relay_to_sctp: {
      arity: [0, 2],
      routes: RouteKind.REQUEST | RouteKind.FAILURE,
      argNames: ["ip", "port"],
      doc: "Forwards statefully over SCTP, to the given address or to the R-URI / $du target.",
    },
    t_replicate: {
      arity: [0, 1, 2],
      routes: RouteKind.REQUEST,
      argNames: ["target", "port"],
      doc: "Sends a stateful copy of the request to another destination, given as a SIP URI or as host and port.",
    },
    t_replicate_udp: {
      arity: [2],
      routes: RouteKind.REQUEST,
      argNames: ["ip", "port"],
      doc: "Sends a stateful copy of the request over UDP to host and port.",
    },
    t_replicate_tcp: {
      arity: [2],
      routes: RouteKind.REQUEST,
      argNames: ["ip", "port"],
      doc: "Sends a stateful copy of the request over TCP to host and port.",
    },
    t_replicate_tls: {
      arity: [2],
      routes: RouteKind.REQUEST,
      argNames: ["ip", "port"],
      doc: "Sends a stateful copy of the request over TLS to host and port.",
    },
    t_replicate_sctp: {
      arity: [2],
      routes: RouteKind.REQUEST,
      argNames: ["ip", "port"],
      doc: "Sends a stateful copy of the request over SCTP to host and port.",
    },
    t_replicate_to: {
      arity: [2],
      routes: RouteKind.REQUEST,
      argNames: ["proto", "hostport"],
      doc: "Sends a stateful copy of the request using the given protocol and host:port.",
    },
    t_relay: {
      arity: [0, 2],
      routes: RouteKind.REQUEST | RouteKind.FAILURE,
      argNames: ["host", "port"],
      doc: "Forwards the request statefully to the R-URI / $du target, or to the given host and port; sends a reply on failure.",
    },
    t_relay_to_avp: {
      arity: [2],
      routes: RouteKind.REQUEST,
      argNames: ["proto", "hostport"],
      doc: "Forwards statefully to the protocol and host:port given as parameters (historical name).",
    },
    t_relay_to: {
      arity: [0, 1, 2],
      routes: RouteKind.REQUEST | RouteKind.FAILURE,
      argNames: ["proxy", "flags"],
      doc: "Forwards statefully to an optional proxy address, with optional flags controlling replies and error handling.",
    },
    t_forward_nonack: {
      arity: [2],
      routes: RouteKind.REQUEST,
      argNames: ["ip", "port"],
      doc: "Forwards a non-ACK request statefully to the given host and port.",
    },
    t_forward_nonack_uri: {
      arity: [0],
      routes: RouteKind.REQUEST,
      doc: "Forwards a non-ACK request statefully to the R-URI.",
    },
    t_forward_nonack_udp: {
      arity: [2],
      routes: RouteKind.REQUEST,
      argNames: ["ip", "port"],
      doc: "Forwards a non-ACK request statefully over UDP.",
    },
    t_forward_nonack_tcp: {
      arity: [2],
      routes: RouteKind.REQUEST,
      argNames: ["ip", "port"],
      doc: "Forwards a non-ACK request statefully over TCP.",
    },
    t_forward_nonack_tls: {
      arity: [2],
      routes: RouteKind.REQUEST,
      argNames: ["ip", "port"],
      doc: "Forwards a non-ACK request statefully over TLS.",
    },
    t_forward_nonack_sctp: {
      arity: [2],
      routes: RouteKind.REQUEST,
      argNames: ["ip", "port"],
      doc: "Forwards a non-ACK request statefully over SCTP.",
    },
    t_forward_nonack_to: {
      arity: [2],
      routes: RouteKind.REQUEST,
      argNames: ["proto", "hostport"],
      doc: "Forwards a non-ACK request statefully with the given protocol and host:port.",
    },
    t_relay_cancel: {
      arity: [0],
      routes: RouteKind.REQUEST,
      doc: "Relays a CANCEL to the branches of its INVITE transaction; it returns 0 (ending the script) once done.",
    },
    t_on_failure: {
      arity: [1],
      routes: RouteKind.REQUEST | RouteKind.FAILURE | RouteKind.TM_ONREPLY | RouteKind.BRANCH,
      argNames: ["failure_route"],
      doc: "Arms the failure_route run when the transaction ends with a negative final reply or a timeout.",
    },
    t_on_branch_failure: {
      arity: [1],
      routes: RouteKind.REQUEST | RouteKind.FAILURE | RouteKind.TM_ONREPLY | RouteKind.BRANCH,
      argNames: ["branch_failure_route"],
      doc: "Arms the event_route[tm:branch-failure:<name>] run for each failed branch.",
    },
    t_on_reply: {
      arity: [1],
      routes: RouteKind.REQUEST | RouteKind.FAILURE | RouteKind.TM_ONREPLY | RouteKind.BRANCH,
      argNames: ["onreply_route"],
      doc: "Arms the onreply_route run for replies of the transaction.",
    },
    t_on_branch: {
      arity: [1],
      routes: RouteKind.REQUEST | RouteKind.FAILURE,
      argNames: ["branch_route"],
      doc: "Arms the branch_route run for each outgoing branch.",
    },
    t_check_status: {
      arity: [1],
      routes: RouteKind.REQUEST | RouteKind.FAILURE | ONREPLY,
      argNames: ["re"],
      doc: "True when the reply status code matches the regular expression.",
    },
    t_write_req: {
      arity: [2],
      routes: RouteKind.REQUEST | RouteKind.FAILURE,
      argNames: ["info", "fifo"],
      doc: "Writes request data to a FIFO for an external application.",
    },
    t_write_unix: {
      arity: [2],
      routes: RouteKind.REQUEST | RouteKind.FAILURE,
      argNames: ["info", "sock"],
      doc: "Writes request data to a Unix socket for an external application.",
    },
    t_set_fr: {
      arity: [1, 2],
      routes: RouteKind.REQUEST | RouteKind.FAILURE | RouteKind.TM_ONREPLY | RouteKind.BRANCH,
      argNames: ["fr_inv_timeout", "fr_timeout"],
      doc: "Sets the final-response timers for this transaction, in milliseconds (0 keeps the default).",
    },
    t_reset_fr: {
      arity: [0],
      routes: RouteKind.REQUEST | RouteKind.FAILURE | RouteKind.TM_ONREPLY | RouteKind.BRANCH,
      doc: "Restores the default final-response timers for the transaction.",
    },
    t_set_retr: {
      arity: [2],
      routes: RouteKind.REQUEST | RouteKind.FAILURE | RouteKind.TM_ONREPLY | RouteKind.BRANCH,
      argNames: ["retr_t1_interval", "retr_t2_interval"],
      doc: "Sets the T1 and T2 retransmission intervals for the transaction, in milliseconds.",
    },
    t_reset_retr: {
      arity: [0],
      routes: RouteKind.REQUEST | RouteKind.FAILURE | RouteKind.TM_ONREPLY | RouteKind.BRANCH,
      doc: "Restores the default retransmission intervals.",
    },
    t_set_max_lifetime: {
      arity: [2],
      routes: RouteKind.REQUEST | RouteKind.FAILURE | RouteKind.TM_ONREPLY | RouteKind.BRANCH,
      argNames: ["inv_lifetime", "noninv_lifetime"],
      doc: "Sets the maximum transaction lifetime for INVITE and non-INVITE, in milliseconds.",
    },
    t_reset_max_lifetime: {
      arity: [0],
      routes: RouteKind.REQUEST | RouteKind.FAILURE | RouteKind.TM_ONREPLY | RouteKind.BRANCH,
      doc: "Restores the default maximum transaction lifetime.",
    },
    t_set_auto_inv_100: {
      arity: [1],
      routes: RouteKind.REQUEST,
      argNames: ["flag"],
      doc: "Enables (1) or disables (0) the automatic 100 Trying for this INVITE.",
    },
    t_set_disable_6xx: {
      arity: [1],
      routes: RouteKind.REQUEST | RouteKind.FAILURE | RouteKind.TM_ONREPLY | RouteKind.BRANCH,
      argNames: ["flag"],
      doc: "Enables or disables the special handling of 6xx replies for the transaction.",
    },
    t_set_disable_failover: {
      arity: [1],
      routes: RouteKind.REQUEST | RouteKind.FAILURE | RouteKind.TM_ONREPLY | RouteKind.BRANCH,
      argNames: ["flag"],
      doc: "Enables or disables DNS failover for the transaction.",
    },
    t_set_no_e2e_cancel_reason: {
      arity: [1],
      routes: RouteKind.REQUEST | RouteKind.FAILURE | RouteKind.TM_ONREPLY | RouteKind.BRANCH,
      argNames: ["flag"],
      doc: "Enables or disables copying the Reason header from a received CANCEL.",
    },
    t_disable_e2e_cancel_reason: {
      arity: [1],
      routes: RouteKind.REQUEST | RouteKind.FAILURE | RouteKind.TM_ONREPLY | RouteKind.BRANCH,
      argNames: ["flag"],
      doc: "Older name of t_set_no_e2e_cancel_reason().",
    },
    t_set_disable_internal_reply: {
      arity: [1],
      routes: RouteKind.REQUEST | RouteKind.FAILURE | RouteKind.TM_ONREPLY | RouteKind.BRANCH,
      argNames: ["flag"],
      doc: "When enabled, tm does not send its own reply when t_relay() fails.",
    },
    t_branch_timeout: {
      arity: [0],
      routes: RouteKind.REQUEST | RouteKind.FAILURE,
      doc: "True when the failed branch ended by timeout.",
    },
    t_branch_replied: {
      arity: [0],
      routes: RouteKind.REQUEST | RouteKind.FAILURE,
      doc: "True when the failed branch received a reply.",
    },
    t_any_timeout: {
      arity: [0],
      routes: RouteKind.REQUEST | RouteKind.FAILURE | RouteKind.TM_ONREPLY | RouteKind.BRANCH,
      doc: "True when any branch of the transaction timed out.",
    },
    t_any_replied: {
      arity: [0],
      routes: RouteKind.REQUEST | RouteKind.FAILURE | RouteKind.TM_ONREPLY | RouteKind.BRANCH,
      doc: "True when any branch of the transaction received a reply.",
    },
    t_is_canceled: {
      arity: [0],
      routes: RouteKind.REQUEST | RouteKind.FAILURE | RouteKind.TM_ONREPLY | RouteKind.BRANCH,
      doc: "True when the transaction was canceled.",
    },
    t_is_retr_async_reply: {
      arity: [0],
      routes: RouteKind.TM_ONREPLY,
      doc: "True when the reply is a retransmission of one held by an async suspended transaction.",
    },
    t_is_expired: {
      arity: [0],
      routes: RouteKind.REQUEST | RouteKind.FAILURE | RouteKind.TM_ONREPLY | RouteKind.BRANCH,
      doc: "True when the transaction has passed its maximum lifetime.",
    },
    t_grep_status: {
      arity: [1],
      routes: RouteKind.REQUEST | RouteKind.FAILURE | RouteKind.TM_ONREPLY | RouteKind.BRANCH,
      argNames: ["code"],
      doc: "True when some branch received a reply with this status code.",
    },
    t_drop_replies: {
      arity: [0, 1],
      routes: RouteKind.FAILURE,
      argNames: ["mode"],
      doc: "Drops the replies received so far so they are not used for the final reply; mode selects which.",
    },
    t_save_lumps: {
      arity: [0],
      routes: RouteKind.REQUEST,
      doc: "Saves the request changes into the transaction, so they are kept in failure routes.",
    },
    t_check_trans: {
      arity: [0],
      routes: RouteKind.REQUEST | ONREPLY | RouteKind.BRANCH,
      doc: "For requests: true when the transaction exists (retransmissions are handled); for replies: true when the transaction is found.",
    },
    t_is_set: {
      arity: [1],
      routes: ANY_ROUTE,
      argNames: ["target"],
      doc: "True when the named route hook is set: branch_route, failure_route or onreply_route.",
    },
    t_use_uac_headers: {
      arity: [0],
      routes: ANY_ROUTE,
      doc: "Makes tm build the headers of its locally generated ACK/CANCEL from the outgoing (UAC) side, useful after changing From/To by other means than uac.",
    },
    t_uac_send: {
      arity: [6],
      routes: ANY_ROUTE,
      argNames: ["method", "ruri", "nexthop", "socket", "headers", "body"],
      doc: "Sends a new SIP request statefully, built from its parts.",
    },
    t_get_status_code: {
      arity: [0],
      routes: RouteKind.REQUEST | RouteKind.FAILURE | ONREPLY | RouteKind.BRANCH,
      doc: "Returns the status code of the transaction's reply, or -1 when none.",
    },
    t_load_contacts: {
      arity: [0, 1],
      routes: RouteKind.REQUEST | RouteKind.FAILURE,
      argNames: ["mode"],
      doc: "Moves the destination set into the contacts XAVP, ordered by q value (and mode), for serial forking with t_next_contacts().",
    },
    t_next_contacts: {
      arity: [0],
      routes: RouteKind.REQUEST | RouteKind.FAILURE,
      doc: "Takes the next group of contacts stored by t_load_contacts() into the R-URI and branches.",
    },
    t_next_contact_flow: {
      arity: [0],
      routes: RouteKind.REQUEST,
      doc: "Takes the next contact flow (outbound) stored by t_load_contacts().",
    },
    t_clean: {
      arity: [0],
      routes: ANY_ROUTE,
      doc: "Cleans up active transactions that are very old.",
    },
  },
  events: ["tm:local-request", "tm:local-response", "tm:branch-failure"],
});
