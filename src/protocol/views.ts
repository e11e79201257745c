/**
 * What the Registrations and Transactions views show (issue 12 §4), as the worker builds it from
 * the engine's `ul` and `tm` events (worker/registrations.ts, worker/transactions.ts) and sends
 * it in a frame when it changed. Plain, structured-clone-safe data; times are virtual µs.
 */

/** One contact of an AOR in usrloc's table, as its last `insert` or `update` event left it. */
export interface RegContact {
  contact: string;
  /** Virtual µs of its last insert or update. */
  t: number;
  /** Seconds it had left then (usrloc counts whole Unix seconds); 0: it does not expire. */
  expires: number;
  /** What the last event did: `insert` (new binding) or `update` (refreshed). */
  op: "insert" | "update";
}

/** An AOR with its contacts (usrloc's urecord), contacts in the order they were inserted. */
export interface RegAor {
  aor: string;
  /** usrloc's table (`location`). */
  table: string;
  contacts: RegContact[];
}

/** A contact that left the table: `expired` (usrloc's timer removed it) or `removed` (unregistered). */
export interface RegGone {
  aor: string;
  contact: string;
  t: number;
  why: "expired" | "removed";
}

export interface RegistrationsView {
  /** AORs with contacts now, by name (the first of them: see `aorCount`). */
  aors: RegAor[];
  /** AORs with contacts now, all of them. */
  aorCount: number;
  /** Contacts in the table now. */
  contactCount: number;
  /** The contacts that left the table most recently, newest last. */
  gone: RegGone[];
  /** Contacts that left the table since t = 0, by why. */
  expired: number;
  removed: number;
}

/** A route tm ran for a reply of the branch (onreply_route, failure_route, a branch-failure route). */
export interface TxRoute {
  route: string;
  /** The reply's code (408 for tm's own on a timeout). */
  code: number;
  t: number;
}

/** One branch of a transaction: where it went, what came back, its timers. */
export interface TxBranch {
  branch: number;
  /** `ip:port` it was sent to. */
  dst: string;
  /** The last reply received on it; 0 before any. */
  code: number;
  /** Retransmissions of its request (tm's retr timer). */
  retransmits: number;
  /** The final-response limit running, and when it fires (`arm` events); absent when stopped. */
  limit?: "fr" | "fr_inv";
  limitAt?: number;
  /** When its request is retransmitted next; absent when no retransmission is planned. */
  retrAt?: number;
  /** Routes tm ran for its replies, the last few, oldest first. */
  routes: TxRoute[];
}

/** A transaction in tm's table (from its `new` to its `delete`). */
export interface TxRow {
  /** `hash:label`. */
  tid: string;
  method: string;
  callId: string;
  /** Virtual µs it was created at (its age is now minus this). */
  t: number;
  /** The final reply sent upstream; 0 while there is none. */
  final: number;
  finalAt?: number;
  branches: TxBranch[];
  /** The final reply upstream's timers (a negative INVITE reply, resent until its ACK). */
  replyLimitAt?: number;
  replyRetrAt?: number;
  /** When the wait timer deletes it (put_on_wait()); absent before. */
  waitAt?: number;
  /** Retransmissions of its requests, CANCELs and replies. */
  retransmits: number;
  /** tm canceled its branches (a CANCEL from upstream). */
  canceled: boolean;
}

/** A transaction tm deleted, with its final reply (0: it had none). */
export interface TxDone {
  tid: string;
  method: string;
  callId: string;
  t: number;
  final: number;
  /** Virtual µs it was deleted at. */
  end: number;
  retransmits: number;
}

export interface TransactionsView {
  /** Open transactions, the newest (see `openCount`), oldest first. */
  open: TxRow[];
  openCount: number;
  /** The transactions deleted most recently, newest last. */
  done: TxDone[];
  /** Transactions created and deleted since t = 0, retransmissions since t = 0. */
  created: number;
  deleted: number;
  retransmits: number;
}
