/**
 * Kamailio 5.6 `tmx` module (modules/tmx/tmx_mod.c exports): the functions without
 * `simulated: false` and the $T* pseudo-variables are simulated (runtime.ts, docs/kamailio/tm.md).
 */
import { ANY_ROUTE, defineModule, ONREPLY, RouteKind } from "../types.js";

export const tmxModule = defineModule({
  name: "tmx",
  simulated: true,
  // modules/tmx/tmx_mod.c mod_init: load_tm_api(), "can't load TM API".
  needs: ["tm"],
  doc: "Transaction management extensions: cancel and reply by Call-ID, transaction suspend/continue, route-type checks and the $T_* pseudo-variables.",
  params: {
    precheck_trans: {
      type: "int",
      default: 1,
      doc: "Enables the early retransmission check used by t_precheck_trans().",
    },
  },
  functions: {
    t_cancel_branches: {
      arity: [1],
      routes: ONREPLY,
      argNames: ["which"],
      doc: "Cancels branches of the current transaction from a reply route: all, others (all but this one) or this.",
      simulated: false,
    },
    t_cancel_callid: {
      arity: [3, 4],
      routes: ANY_ROUTE,
      argNames: ["callid", "cseq", "flag", "rcode"],
      doc: "Cancels the INVITE transaction identified by Call-ID and CSeq, optionally with a reply code.",
      simulated: false,
    },
    t_reply_callid: {
      arity: [4],
      routes: ANY_ROUTE,
      argNames: ["callid", "cseq", "code", "reason"],
      doc: "Sends a reply to the transaction identified by Call-ID and CSeq.",
      simulated: false,
    },
    t_flush_flags: {
      arity: [0],
      routes: ANY_ROUTE,
      doc: "Copies the message flags into the current transaction.",
    },
    t_flush_xflags: {
      arity: [0],
      routes: ANY_ROUTE,
      doc: "Copies the extended message flags into the current transaction.",
      simulated: false,
    },
    t_is_failure_route: {
      arity: [0],
      routes: ANY_ROUTE,
      doc: "True when running for a failure route.",
    },
    t_is_branch_route: {
      arity: [0],
      routes: ANY_ROUTE,
      doc: "True when running for a branch route.",
    },
    t_is_reply_route: {
      arity: [0],
      routes: ANY_ROUTE,
      doc: "True when running for a reply route.",
    },
    t_is_request_route: {
      arity: [0],
      routes: ANY_ROUTE,
      doc: "True when running for the request route.",
    },
    t_suspend: {
      arity: [0],
      routes: ANY_ROUTE,
      doc: "Suspends the current transaction so it can be resumed later with t_continue(); the ids are in $T(id_index) and $T(id_label).",
      simulated: false,
    },
    t_continue: {
      arity: [3],
      routes: ANY_ROUTE,
      argNames: ["tindex", "tlabel", "rtname"],
      doc: "Resumes a suspended transaction, running the named route block.",
      simulated: false,
    },
    t_reuse_branch: {
      arity: [0],
      routes: RouteKind.REQUEST,
      doc: "In event_route[tm:branch-failure:...], copies the failed branch (R-URI, ruid, path, instance, flags) into a new main branch so it can be relayed again.",
      simulated: false,
    },
    t_precheck_trans: {
      arity: [0],
      routes: RouteKind.REQUEST,
      doc: "True when the request is already being handled by another process (a retransmission arriving before the transaction exists).",
    },
    t_drop: {
      arity: [0, 1],
      routes: ANY_ROUTE,
      argNames: ["rcode"],
      doc: "Drops the current transaction without sending a reply, recording the given code (500 by default) as its status.",
      simulated: false,
    },
  },
  pvars: {
    T_branch_idx: { inner: "none", doc: "Index of the current branch (in branch and reply routes)." },
    T_reply_ruid: { inner: "none", doc: "The ruid of the contact a reply came for (with t_load_contacts()/usrloc)." },
    T_reply_code: {
      inner: "none",
      doc: "Status code of the reply that triggered the failure route (or of the last reply).",
    },
    T_reply_reason: { inner: "none", doc: "Reason phrase of the reply that triggered the failure route." },
    T_reply_last: { inner: "none", doc: "Status code of the last reply received for the transaction." },
    T_inv: {
      inner: "required",
      doc: "Value of a pseudo-variable evaluated on the INVITE transaction a CANCEL belongs to.",
    },
    T_req: {
      inner: "required",
      doc: "Value of a pseudo-variable evaluated on the transaction's request, e.g. $T_req($hdr(From)).",
    },
    T_rpl: { inner: "required", doc: "Value of a pseudo-variable evaluated on the transaction's winning reply." },
    T: {
      inner: "required",
      doc: "Transaction attribute, e.g. $T(id_index), $T(id_label), $T(reply_code), $T(branch_index).",
    },
    T_branch: {
      inner: "required",
      doc: "Branch attribute in reply/failure routes, e.g. $T_branch(flags), $T_branch(uri).",
    },
  },
});
