/**
 * The Transactions view's model (issue 12 §4): tm's table as its `tm` events tell it — each open
 * transaction (tid, method, Call-ID, when it was made), its branches (destination, last reply,
 * retransmissions, the timers their `arm` events set, the routes tm ran for their replies), its
 * final reply and wait timer; and the transactions deleted most recently, with their final code.
 * `take()` gives the view only when an event changed it.
 *
 * Bounded for the page: the newest MAX_OPEN open transactions and the last MAX_DONE deleted go in
 * a view, with the counts of all. Stateless traffic (sl_send_reply) makes no transaction at all;
 * a flood relayed by tm makes as many as tm's table holds, and the view says how many more.
 */
import type { TmEvent } from "../engine/index.js";
import type { TransactionsView, TxBranch, TxDone, TxRow } from "../protocol/views.js";

/** Open transactions one view lists: the newest. */
export const MAX_OPEN = 12;
/** Deleted transactions one view lists: the last. */
export const MAX_DONE = 12;
/** Routes kept per branch: the last. */
export const MAX_ROUTES = 4;

export class TransactionsModel {
  /** Open transactions by tid, in the order they were made. */
  private readonly open = new Map<string, TxRow>();
  private done: TxDone[] = [];
  private created = 0;
  private deleted = 0;
  private retransmits = 0;
  /** Starts changed: the first frame tells the page tm is there, with an empty table. */
  private changed = true;

  add(e: TmEvent): void {
    this.changed = true;
    if (e.op === "new") {
      this.created++;
      this.open.set(e.tid, {
        tid: e.tid,
        method: e.method,
        callId: e.callId,
        t: e.t,
        final: 0,
        branches: [],
        retransmits: 0,
        canceled: false,
      });
      return;
    }
    const tx = this.open.get(e.tid);
    if (!tx) return;
    const branch = e.branch !== undefined && e.branch >= 0 ? tx.branches[e.branch] : undefined;
    switch (e.op) {
      case "branch":
        if (e.branch !== undefined)
          tx.branches[e.branch] = { branch: e.branch, dst: e.dst ?? "", code: 0, retransmits: 0, routes: [] };
        return;
      case "reply":
        if (branch && e.code !== undefined) branch.code = e.code;
        return;
      case "retransmit":
        this.retransmits++;
        tx.retransmits++;
        if (branch) branch.retransmits++;
        return;
      case "final":
        tx.final = e.code ?? 0;
        tx.finalAt = e.t;
        return;
      case "cancel":
        tx.canceled = true;
        return;
      case "arm":
        return arm(tx, branch, e);
      case "route":
        if (!branch) return;
        branch.routes.push({ route: e.route ?? "", code: e.code ?? 0, t: e.t });
        if (branch.routes.length > MAX_ROUTES) branch.routes.shift();
        return;
      case "delete":
        this.open.delete(e.tid);
        this.deleted++;
        this.done.push({
          tid: tx.tid,
          method: tx.method,
          callId: tx.callId,
          t: tx.t,
          final: tx.final,
          end: e.t,
          retransmits: tx.retransmits,
        });
        if (this.done.length >= 4 * MAX_DONE) this.done = this.done.slice(-MAX_DONE);
        return;
      case "timer":
        // The firing itself changes nothing shown: the `arm` event it brings stops the timers,
        // the 408 it makes comes as `final`, the wait timer's end as `delete`.
        return;
    }
  }

  /** The view, when an event changed it since the last call. */
  take(): TransactionsView | undefined {
    if (!this.changed) return undefined;
    this.changed = false;
    const skip = Math.max(0, this.open.size - MAX_OPEN);
    const open: TxRow[] = [];
    let i = 0;
    for (const tx of this.open.values()) {
      // Copies: the rows change on, and a frame is cloned when posted, not now (in tests).
      if (i++ >= skip) open.push({ ...tx, branches: tx.branches.map((b) => ({ ...b, routes: [...b.routes] })) });
    }
    return {
      open,
      openCount: this.open.size,
      done: this.done.slice(-MAX_DONE),
      created: this.created,
      deleted: this.deleted,
      retransmits: this.retransmits,
    };
  }
}

/** An `arm` event: the timers of one of the transaction's buffers as they now stand. */
function arm(tx: TxRow, branch: TxBranch | undefined, e: TmEvent): void {
  switch (e.buf) {
    case "uac":
      if (!branch) return;
      if (e.at !== undefined && (e.timer === "fr" || e.timer === "fr_inv")) {
        branch.limit = e.timer;
        branch.limitAt = e.at;
      } else {
        delete branch.limit;
        delete branch.limitAt;
      }
      if (e.retrAt !== undefined) branch.retrAt = e.retrAt;
      else delete branch.retrAt;
      return;
    case "uas":
      if (e.at !== undefined) tx.replyLimitAt = e.at;
      else delete tx.replyLimitAt;
      if (e.retrAt !== undefined) tx.replyRetrAt = e.retrAt;
      else delete tx.replyRetrAt;
      return;
    case "wait":
      if (e.at !== undefined) tx.waitAt = e.at;
      return;
    // A local CANCEL's timers (`cancel`) are not shown: its branch's own limit still runs.
  }
}
