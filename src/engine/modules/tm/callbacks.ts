/**
 * tm's callbacks, as other modules register them with register_tmcb() (modules/tm/t_hooks.h):
 * acc, dialog and friends hook the transaction's life. kamsim keeps them per simulation (one
 * list per type, called for every transaction; a callback filters on what it wants, as acc
 * filters on its flags), and calls them where t_hooks' run_trans_callbacks() runs in 5.6.3.
 */
import type { Process } from "../../runtime/process.js";
import type { SipMessage } from "../../sip/sip-message.js";
import type { Cell } from "./cell.js";

/** The callback types kamsim runs (TMCB_* of t_hooks.h). */
export type TmcbType =
  /** A transaction was created for a request (TMCB_REQUEST_IN). */
  | "REQUEST_IN"
  /** A request was sent on a branch (TMCB_REQUEST_FWDED / REQUEST_SENT). */
  | "REQUEST_FWDED"
  /** A reply came in on a branch (TMCB_RESPONSE_IN). */
  | "RESPONSE_IN"
  /** A final reply was sent upstream, relayed or local (TMCB_RESPONSE_OUT). */
  | "RESPONSE_OUT"
  /** The transaction failed: failure_route time (TMCB_ON_FAILURE). */
  | "ON_FAILURE"
  /** An ACK matched a negative reply's transaction (TMCB_ACK_NEG_IN). */
  | "ACK_NEG_IN"
  /** An ACK for a 2xx passed (TMCB_E2EACK_IN). */
  | "E2EACK_IN"
  /** The transaction is being freed (TMCB_DESTROY). */
  | "DESTROY";

/** What a callback gets besides the cell (struct tmcb_params). */
export interface TmcbParams {
  /** The request (t->uas.request, or the ACK for ACK callbacks). */
  req?: SipMessage;
  /** The reply concerned: a received one, or undefined for a local/faked one. */
  rpl?: SipMessage;
  /** The reply's code. */
  code?: number;
  /** Its reason phrase. */
  reason?: string;
  /** The branch concerned. */
  branch?: number;
  /** Virtual time. */
  t?: number;
  /** The process running it. */
  proc?: number;
  /** The same process, for callbacks that log or run script values there (acc). */
  process?: Process;
  /** The core log_prefix of the message being handled (a relayed reply's, a request's), if any. */
  prefix?: string;
}

export type TmCallback = (t: Cell, p: TmcbParams) => void;

export class TmCallbacks {
  private readonly lists = new Map<TmcbType, TmCallback[]>();

  /** register_tmcb(): `fn` runs for every transaction at `type`. */
  register(type: TmcbType, fn: TmCallback): void {
    let l = this.lists.get(type);
    if (l === undefined) {
      l = [];
      this.lists.set(type, l);
    }
    l.push(fn);
  }

  has(type: TmcbType): boolean {
    return (this.lists.get(type)?.length ?? 0) > 0;
  }

  run(type: TmcbType, t: Cell, p: TmcbParams): void {
    const l = this.lists.get(type);
    if (l === undefined) return;
    for (const fn of l) fn(t, p);
  }
}
