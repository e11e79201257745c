/**
 * A transaction as tm keeps it (struct cell, modules/tm/h_table.h): the request it was created
 * for, the reply state of its server side (uas) and one client side per branch (uac), with the
 * retransmission buffers their timers work on (struct retr_buf).
 */
import type { Micros } from "../../base/time.js";
import type { XavpLists } from "../../runtime/pv/xavp-store.js";
import type { HostPort } from "../../runtime/sip-net.js";
import type { SipRequest } from "../../sip/message.js";
import type { SipMessage } from "../../sip/sip-message.js";

/** FAKED_REPLY of t_reply.h: a branch's "reply" that tm made up (timeout 408, canceled 487). */
export const FAKED_REPLY = "faked";

/** retr_buf flags (modules/tm/h_table.h F_RB_*). */
export const F_RB_TIMEOUT = 0x02;
export const F_RB_FR_INV = 0x04;
export const F_RB_T2 = 0x20;
export const F_RB_REPLIED = 0x40;
export const F_RB_CANCELED = 0x80;
export const F_RB_DEL_TIMER = 0x800;

/** Cell flags (T_* of h_table.h) that kamsim uses. */
export const T_IS_INVITE_FLAG = 1 << 0;
export const T_IS_LOCAL_FLAG = 1 << 1;
export const T_6xx = 1 << 4;
export const T_CANCELED = 1 << 3;
export const T_AUTO_INV_100 = 1 << 6;
export const T_DISABLE_6xx = 1 << 8;
export const T_DISABLE_INTERNAL_REPLY = 1 << 13;

/** The timer of one retransmission buffer: a retransmission interval and a final-response limit. */
export interface RbTimer {
  /** Bumped by every (re)arm and stop: a scheduled firing with an older value is stale. */
  gen: number;
  /** Next retransmission, in ticks; undefined when retransmissions are off. */
  retrExpire: number | undefined;
  /** Retransmission interval for the next time, in ms (the timer's `data`). */
  retrMs: number;
  /** Final response limit, in ticks; undefined when none. */
  frExpire: number | undefined;
  /** The virtual time of the scheduled firing, if one is pending. */
  at: Micros | undefined;
  /**
   * The timer moved to the slow timer list (retr_buf_handler()'s TM_FAST_RETR_TIMER hack: when
   * the next event is the final-response limit, not a retransmission): its end runs in the
   * slow timer process.
   */
  slow: boolean;
  /** Its place in tm's tick buckets (tm.ts), while it is scheduled. */
  entry?: unknown;
}

/** A retransmission buffer (struct retr_buf): a message, where it goes, its timer and flags. */
export interface RetrBuf {
  text: string | undefined;
  dst: HostPort;
  flags: number;
  timer: RbTimer;
}

/** One client transaction of the cell (struct ua_client). */
export interface Uac {
  index: number;
  /** The request URI the branch was sent with. */
  uri: string;
  request: RetrBuf;
  /** The CANCEL tm built for the branch (uac->local_cancel), once it did. */
  localCancel: RetrBuf | undefined;
  /** The Via branch parameter of the request. */
  branch: string;
  lastReceived: number;
  /** The final reply kept for picking (uac->reply): the message or FAKED_REPLY. */
  reply: SipMessage | typeof FAKED_REPLY | undefined;
  /** Reason phrase of the last reply received (for $T_reply_reason on a stored reply). */
  replyReason: string;
  onReply: string | undefined;
  onFailure: string | undefined;
  onBranchFailure: string | undefined;
  branchFlags: number;
  /** The destination URI ($du) of the branch. */
  dstUri: string | null;
}

/** The server side: where replies go, the last reply sent, the status. */
export interface Uas {
  status: number;
  response: RetrBuf;
  /** tm's To-tag for local replies to this request. */
  toTag: string;
  /** The last reply's reason, for $T_reply_reason of local replies. */
  reason: string;
}

export interface Cell {
  /**
   * The request's xavp lists, moved into the transaction by build_cell() (h_table.c) and set
   * as the current lists in failure routes (t_reply.c faked_env()): the same object, so what
   * the request route adds after t_newtran() is seen there too.
   */
  xavps?: XavpLists;
  hashIndex: number;
  label: number;
  md5: string;
  method: string;
  callId: string;
  cseqNum: string;
  /** The received request (uas.request): tm's failure routes and new branches work on it. */
  request: SipMessage;
  /** The same request parsed (local replies are built from it). */
  parsed: SipRequest;
  /** The id of the request in events. */
  req: number | undefined;
  /** The R-URI and $du when the transaction was created (the clone's new_uri, dst_uri). */
  ruri: string;
  dstUri: string | null;
  /** Where the request came from. */
  src: HostPort;
  /** The request's top Via sent-by and branch, for matching retransmissions and CANCELs. */
  viaHost: string;
  viaPort: number | undefined;
  viaBranch: string;
  /** Script flags ($mf) kept with the transaction (uas.request->flags). */
  msgFlags: number;
  /** Branch flags of the R-URI branch ($bf of branch 0). */
  ruriBflags: number;
  /** The request's message flags (msg_flags FL_*: force_rport...). */
  coreFlags: number;
  uas: Uas;
  uacs: Uac[];
  flags: number;
  onFailure: string | undefined;
  onReply: string | undefined;
  onBranch: string | undefined;
  onBranchFailure: string | undefined;
  /** fr_timer / fr_inv_timer for this transaction, in ms (t_set_fr). */
  frTimeout: number;
  frInvTimeout: number;
  retrT1: number;
  retrT2: number;
  relayedReplyBranch: number;
  /** The wait timer is armed (put_on_wait), or the cell is gone. */
  state: "active" | "wait" | "deleted";
  waitGen: number;
  /** The cause of a CANCEL that reached it, for t_is_canceled() and the 487. */
  canceled: boolean;
  /** t_drop_replies() was called in the failure route running now. */
  dropReplies?: boolean;
  /** Virtual time the cell was created (for tm.stats and events). */
  created: Micros;
}

/** "hash:label", as $T(id_index):$T(id_label) print them, for events. */
export function tid(t: Cell): string {
  return `${t.hashIndex}:${t.label}`;
}

export function isInvite(t: Cell): boolean {
  return (t.flags & T_IS_INVITE_FLAG) !== 0;
}

export function newTimer(): RbTimer {
  return { gen: 0, retrExpire: undefined, retrMs: 0, frExpire: undefined, at: undefined, slow: false };
}
