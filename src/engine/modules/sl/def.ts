/** sl: stateless replies (docs/kamailio/sl.md). */
import { defineModule, ONREPLY, RouteKind } from "../types.js";

export const slModule = defineModule({
  name: "sl",
  simulated: true,
  doc: "Sends replies statelessly: the reply copies Via, From, Call-ID and CSeq from the request and gets a To-tag; nothing is remembered.",
  params: {
    default_code: { type: "int", default: 500, doc: "Reply code used by sl_reply_error() when none can be derived." },
    default_reason: { type: "string", default: "Internal Server Error", doc: "Reason phrase for default_code." },
    bind_tm: { type: "int", default: 1, doc: "Whether send_reply() uses tm when a transaction exists." },
    rich_redirect: { type: "int", default: 0, doc: "Adds branch details to 3xx replies." },
    event_callback_fl_ack: {
      type: "string",
      doc: "KEMI callback for a filtered ACK, instead of event_route[sl:filtered-ack] (not simulated).",
    },
    event_callback_lres_sent: {
      type: "string",
      doc: "KEMI callback after a local response is sent, instead of event_route[sl:local-response] (not simulated).",
    },
  },
  functions: {
    sl_send_reply: {
      arity: [2],
      routes: RouteKind.REQUEST,
      args: ["format", "format"],
      argNames: ["code", "reason"],
      returns: "1 sent; -1 error (an ACK is never answered)",
      doc: "Sends a stateless reply with the given code and reason.",
    },
    sl_reply: {
      arity: [2],
      routes: RouteKind.REQUEST,
      args: ["format", "format"],
      argNames: ["code", "reason"],
      returns: "1 sent; -1 error",
      doc: "Alias of sl_send_reply().",
    },
    send_reply: {
      arity: [2],
      // modules/sl/sl.c exports it for REQUEST|ONREPLY|FAILURE: not in branch_route.
      routes: RouteKind.REQUEST | RouteKind.FAILURE | ONREPLY,
      args: ["format", "format"],
      argNames: ["code", "reason"],
      returns: "1 sent; -1 error",
      doc: "Replies statefully when a transaction exists, statelessly otherwise.",
    },
    sl_reply_error: {
      arity: [0],
      routes: RouteKind.REQUEST,
      returns: "1 replied; -2 the message may not be replied to",
      doc: "Replies statelessly with the code and text of the last internal error (500 when none), and logs it as an error.",
    },
    sl_forward_reply: {
      arity: [0, 1, 2],
      routes: ONREPLY,
      doc: "Forwards a received reply statelessly.",
      simulated: false,
    },
    send_reply_mode: {
      arity: [3],
      routes: RouteKind.REQUEST | RouteKind.FAILURE | ONREPLY,
      doc: "send_reply() with a mode flag.",
      simulated: false,
    },
  },
  rpc: { "sl.stats": { doc: "Counters of replies sent." } },
});
