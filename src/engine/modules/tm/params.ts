/**
 * Module parameters of Kamailio 5.6 `tm` (split from tm.ts to keep files short).
 */
import type { ParamDef } from "../types.js";

export const tmParams: Readonly<Record<string, ParamDef>> = {
  ruri_matching: {
    type: "int",
    default: 1,
    doc: "Whether the R-URI is compared when matching pre-RFC3261 transactions.",
  },
  via1_matching: {
    type: "int",
    default: 1,
    doc: "Whether the top Via is compared when matching pre-RFC3261 transactions.",
  },
  callid_matching: { type: "int", default: 0, doc: "Whether the Call-ID is also compared when matching transactions." },
  callid_cseq_matching: { type: "int", default: 0, doc: "Matches transactions using only Call-ID and CSeq." },
  fr_timer: {
    type: "int",
    default: 30000,
    doc: "Timer for a final reply after a request was sent (not for INVITE after a provisional reply), in milliseconds.",
  },
  fr_inv_timer: {
    type: "int",
    default: 120000,
    doc: "Timer for a final reply to an INVITE after a provisional reply, in milliseconds.",
  },
  wt_timer: {
    type: "int",
    default: 5000,
    doc: "How long a transaction is kept after it completes, for absorbing retransmissions, in milliseconds.",
  },
  retr_timer1: { type: "int", default: 500, doc: "Initial retransmission interval (T1), in milliseconds." },
  retr_timer2: { type: "int", default: 4000, doc: "Maximum retransmission interval (T2), in milliseconds." },
  max_inv_lifetime: {
    type: "int",
    default: 180000,
    doc: "Maximum lifetime of an INVITE transaction, in milliseconds.",
  },
  max_noninv_lifetime: {
    type: "int",
    default: 32000,
    doc: "Maximum lifetime of a non-INVITE transaction, in milliseconds.",
  },
  noisy_ctimer: {
    type: "int",
    default: 1,
    doc: "When set, INVITE transactions end on fr_inv_timer even after a provisional reply.",
  },
  auto_inv_100: {
    type: "int",
    default: 1,
    doc: "Sends 100 Trying automatically when an INVITE transaction is created.",
  },
  auto_inv_100_reason: {
    type: "string",
    default: "trying -- your call is important to us",
    doc: "Reason phrase of the automatic 100 reply.",
  },
  unix_tx_timeout: { type: "int", default: 500, doc: "Send timeout for t_write_unix(), in milliseconds." },
  restart_fr_on_each_reply: {
    type: "int",
    default: 1,
    doc: "Restarts the INVITE final-response timer on each provisional reply.",
  },
  fr_timer_avp: { type: "string", doc: "AVP whose value overrides fr_timer per transaction." },
  fr_inv_timer_avp: { type: "string", doc: "AVP whose value overrides fr_inv_timer per transaction." },
  tw_append: {
    type: "string",
    repeatable: true,
    doc: "Defines extra data appended by t_write_req()/t_write_unix(), as name:element pairs.",
  },
  pass_provisional_replies: {
    type: "int",
    default: 0,
    doc: "Passes provisional replies to the t_write_* FIFO/Unix consumers.",
  },
  aggregate_challenges: {
    type: "int",
    default: 1,
    doc: "Merges the authentication challenges of all 401/407 branches into the final reply.",
  },
  unmatched_cancel: {
    type: "int",
    default: 0,
    doc: "How to handle CANCELs without a matching transaction: 0 stateful, 1 stateless, 2 drop.",
  },
  default_code: { type: "int", default: 500, doc: "Reply code used when t_reply() cannot use its parameters." },
  default_reason: {
    type: "string",
    default: "Server Internal Error",
    doc: "Reason phrase used when t_reply() cannot use its parameters.",
  },
  reparse_invite: { type: "int", default: 1, doc: "Rebuilds a local CANCEL/ACK from the original INVITE's headers." },
  ac_extra_hdrs: {
    type: "string",
    doc: "Header name prefix; matching headers are copied into locally generated ACK and CANCEL.",
  },
  blst_503: { type: "int", default: 0, doc: "Adds destinations that reply 503 to the blocklist." },
  blst_503_def_timeout: {
    type: "int",
    default: 0,
    doc: "Blocklist time for a 503 without Retry-After, in seconds (0 disables).",
  },
  blst_503_min_timeout: { type: "int", default: 0, doc: "Minimum blocklist time for 503 replies, in seconds." },
  blst_503_max_timeout: { type: "int", default: 3600, doc: "Maximum blocklist time for 503 replies, in seconds." },
  blst_methods_add: {
    type: "int",
    default: 1,
    doc: "Bit mask of methods whose timeouts add the destination to the blocklist.",
  },
  blst_methods_lookup: { type: "int", doc: "Bit mask of methods for which the blocklist is checked before sending." },
  cancel_b_method: {
    type: "int",
    default: 1,
    doc: "How branches with no reply are canceled: 0 fake a 487, 1 retransmit until a reply, 2 send CANCEL anyway.",
  },
  reparse_on_dns_failover: {
    type: "int",
    default: 1,
    doc: "Reparses the request when sending to a DNS failover target.",
  },
  on_sl_reply: { type: "string", doc: "Route run for replies that match no transaction (drop in it to stop them)." },
  contacts_avp: { type: "string", doc: "AVP used by t_load_contacts()/t_next_contacts() to store contacts." },
  contact_flows_avp: { type: "string", doc: "AVP used by t_next_contact_flow() to store outbound flows." },
  disable_6xx_block: { type: "int", default: 0, doc: "When set, a 6xx reply does not cancel the other branches." },
  local_ack_mode: {
    type: "int",
    default: 0,
    doc: "Where locally generated ACKs for 2xx are sent (0 per RFC, 1 or 2 alternatives).",
  },
  failure_reply_mode: {
    type: "int",
    default: 3,
    doc: "What happens to replies of earlier branches when new branches are added in a failure route.",
  },
  faked_reply_prio: {
    type: "int",
    default: 0,
    doc: "Priority handling of locally generated (faked) replies when choosing the final reply.",
  },
  remap_503_500: { type: "int", default: 1, doc: "Turns a 503 final reply into 500 before sending it upstream." },
  failure_exec_mode: {
    type: "int",
    default: 0,
    doc: "When set, branches that fail to be sent are handled by failure_route instead of making the relay function return false.",
  },
  dns_reuse_rcv_socket: { type: "int", default: 0, doc: "Reuses the receiving socket for DNS failover branches." },
  local_cancel_reason: { type: "int", default: 1, doc: "Adds a Reason header to locally generated CANCELs." },
  e2e_cancel_reason: {
    type: "int",
    default: 1,
    doc: "Copies the Reason header of a received CANCEL into the forwarded CANCELs.",
  },
  xavp_contact: {
    type: "string",
    doc: "XAVP name used by t_load_contacts()/t_next_contacts() for contact attributes.",
  },
  event_callback: { type: "string", doc: "KEMI function name called for tm event routes." },
  relay_100: {
    type: "int",
    default: 0,
    doc: "Relays 100 Trying replies upstream; only sensible for stateless-like operation.",
  },
  rich_redirect: {
    type: "int",
    default: 0,
    doc: "Adds branch flags (1) and/or the path (2) to the contacts of 3xx replies built from branches.",
  },
  event_callback_lres_sent: { type: "string", doc: "KEMI function name called after a local reply was sent." },
  exec_time_check: {
    type: "int",
    default: 5000,
    doc: "Time in milliseconds after which tm re-checks that a transaction is still alive after running failure handling; 0 disables.",
  },
  reply_relay_mode: {
    type: "int",
    default: 1,
    doc: "With 1, a suspended 200 OK is not relayed when another final reply was forwarded meanwhile.",
  },
  enable_uac_fr: {
    type: "int",
    default: 0,
    doc: "Lets failure_route run for transactions created locally by tm's UAC too.",
  },
};
