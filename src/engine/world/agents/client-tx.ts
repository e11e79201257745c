/**
 * Client transactions over UDP (RFC 3261 17.1, with RFC 6026's Accepted state for INVITE).
 *
 * INVITE: Calling — Timer A re-sends at T1, 2·T1, 4·T1... (no cap) while no response came; Timer B
 * (64·T1) gives up in Calling. A provisional moves it to Proceeding (no more re-sends, no timeout:
 * the proxy's own timer ends it). A 2xx goes to the TU, which ACKs it end to end; the transaction
 * waits in Accepted for Timer M (64·T1) passing 2xx retransmissions up. A 300–699 is ACKed here
 * (17.1.1.3: same branch, the reply's To) and every retransmission of it re-ACKed until Timer D.
 *
 * Non-INVITE: Trying — Timer E re-sends at T1, doubling up to T2 (at T2 in Proceeding); Timer F
 * (64·T1) gives up; a final reply completes it and Timer K (T4) absorbs its retransmissions.
 *
 * Transactions are found by the top Via branch and the CSeq method (17.1.3).
 */
import type { Micros } from "../../base/time.js";
import type { HostPort } from "../../runtime/sip-net.js";
import { buildRequest, type RequestParts } from "./build.js";
import type { AgentMessage } from "./parse.js";
import { T4, TIMER_D, type Ua } from "./ua.js";

/** What a transaction reports to its user (the TU). */
export interface ClientTxUser {
  /** A response for the TU: provisionals, the final one, and (INVITE) each 2xx retransmission. */
  onResponse(res: AgentMessage): void;
  /** Timer B or F fired: no final response (the TU acts as on a 408). */
  onTimeout(): void;
}

export type ClientTxState = "calling" | "trying" | "proceeding" | "accepted" | "completed" | "terminated";

/** The key of a client transaction: branch and method (ACK never has one). */
export function clientTxKey(branch: string, method: string): string {
  return `${branch}\n${method}`;
}

export class ClientTransaction {
  state: ClientTxState;
  /** The request's text while it may be re-sent; dropped after (memory at scale). */
  private text: string;
  private ackText = "";

  constructor(
    private readonly ua: Ua,
    private readonly table: Map<string, ClientTransaction>,
    /** The request as built (its `via` carries the branch). */
    readonly parts: RequestParts,
    readonly branch: string,
    /** Where the request goes. */
    readonly dest: HostPort,
    private readonly user: ClientTxUser,
  ) {
    this.text = buildRequest(parts);
    this.state = parts.method === "INVITE" ? "calling" : "trying";
  }

  get invite(): boolean {
    return this.parts.method === "INVITE";
  }

  /** Sends the request and arms the transaction's timers. */
  start(): void {
    this.table.set(clientTxKey(this.branch, this.parts.method), this);
    this.ua.send(this.dest, this.text);
    const { t1 } = this.ua;
    if (this.ua.retransmit) this.ua.after(t1, () => this.retransmit(t1));
    this.ua.after(64 * t1, () => {
      if (!this.unanswered()) return;
      this.terminate();
      this.user.onTimeout();
    });
  }

  /** Still in the state where Timers A/B (INVITE) or E/F (non-INVITE) run. */
  private unanswered(): boolean {
    return this.invite ? this.state === "calling" : this.state === "trying" || this.state === "proceeding";
  }

  /** Timer A (INVITE) or E (non-INVITE) fired after `interval`. */
  private retransmit(interval: Micros): void {
    if (!this.unanswered()) return;
    this.ua.send(this.dest, this.text, true);
    const next = this.invite
      ? 2 * interval
      : this.state === "proceeding"
        ? this.ua.t2
        : Math.min(2 * interval, this.ua.t2);
    this.ua.after(next, () => this.retransmit(next));
  }

  /** A response whose branch and CSeq method matched this transaction. */
  receive(res: AgentMessage): void {
    const provisional = res.status < 200;
    switch (this.state) {
      case "calling":
      case "trying":
      case "proceeding":
        if (provisional) {
          this.state = "proceeding";
          if (this.invite) this.text = "";
          this.user.onResponse(res);
          return;
        }
        this.text = "";
        if (this.invite && res.status < 300) {
          this.state = "accepted";
          this.ua.after(64 * this.ua.t1, () => this.terminate());
          this.user.onResponse(res);
        } else {
          this.state = "completed";
          if (this.invite) this.sendAck(res);
          this.ua.after(this.invite ? TIMER_D : T4, () => this.terminate());
          this.user.onResponse(res);
        }
        return;
      case "accepted":
        if (res.status >= 200 && res.status < 300) this.user.onResponse(res);
        return;
      case "completed":
        // A retransmitted final reply: the ACK was lost (17.1.1.2); non-INVITE absorbs it.
        if (this.invite && res.status >= 300) this.ua.send(this.dest, this.ackText, true);
        return;
      case "terminated":
        return;
    }
  }

  /** The ACK of a 300–699 (17.1.1.3): same R-URI, Call-ID, From, Route and branch; the reply's To. */
  private sendAck(res: AgentMessage): void {
    const p = this.parts;
    this.ackText = buildRequest({
      method: "ACK",
      ruri: p.ruri,
      via: p.via,
      routes: p.routes,
      from: p.from,
      to: res.to,
      callId: p.callId,
      cseq: p.cseq,
    });
    this.ua.send(this.dest, this.ackText);
  }

  private terminate(): void {
    if (this.state === "terminated") return;
    this.state = "terminated";
    this.table.delete(clientTxKey(this.branch, this.parts.method));
  }
}
