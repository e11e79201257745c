/**
 * Server transactions over UDP (RFC 3261 17.2, with RFC 6026's Accepted state for INVITE).
 *
 * INVITE: Proceeding until the TU's final reply. A 2xx moves it to Accepted (Timer L, 64·T1); the
 * TU re-sends the 2xx itself until the ACK (13.3.1.4). A 300–699 moves it to Completed: Timer G
 * re-sends it at T1, doubling up to T2, until the ACK (then Confirmed, Timer I = T4 absorbs ACK
 * copies) or Timer H (64·T1). Non-INVITE: Trying/Proceeding, then Completed for Timer J (64·T1).
 *
 * A retransmitted request gets the last response sent again (17.2.1, 17.2.2); before any response
 * it is absorbed. Transactions are keyed by the top Via's branch, sent-by and the method, an ACK
 * taking the INVITE's (17.2.3).
 */
import type { HostPort } from "../../runtime/sip-net.js";
import type { AgentMessage } from "./parse.js";
import { T4, type Ua } from "./ua.js";

export type ServerTxState = "trying" | "proceeding" | "accepted" | "completed" | "confirmed" | "terminated";

/** The key of the server transaction a request belongs to (an ACK or a CANCEL: pass "INVITE"). */
export function serverTxKey(req: AgentMessage, method: string): string {
  const v = req.vias[0];
  return v ? `${v.branch}\n${v.host}:${v.port ?? 5060}\n${method}` : "";
}

export class ServerTransaction {
  state: ServerTxState;
  /** The last response sent, re-sent on retransmissions of the request (the request itself is not kept). */
  private last = "";
  /** Code of the final response, 0 before it. */
  finalCode = 0;
  private readonly key: string;
  /** The To tag the TU answers with (a CANCEL's 200 reuses it, RFC 3261 9.2). */
  toTag = "";
  /** What a CANCEL matching this INVITE does (the TU sets it). */
  onCancel: (() => void) | null = null;

  readonly invite: boolean;

  constructor(
    private readonly ua: Ua,
    private readonly table: Map<string, ServerTransaction>,
    req: AgentMessage,
    /** Where responses go (the top Via's received/rport or sent-by). */
    readonly dest: HostPort,
  ) {
    this.invite = req.method === "INVITE";
    this.state = this.invite ? "proceeding" : "trying";
    this.key = serverTxKey(req, req.method);
    table.set(this.key, this);
  }

  /** Whether a final response was sent. */
  get answered(): boolean {
    return this.finalCode !== 0;
  }

  /** Sends a response the TU made (`code` is its status) and moves the state machine. */
  respond(code: number, text: string): void {
    if (this.answered || this.state === "terminated") return;
    this.last = text;
    this.ua.send(this.dest, text);
    if (code < 200) {
      this.state = "proceeding";
      return;
    }
    this.finalCode = code;
    const { t1 } = this.ua;
    if (!this.invite) {
      this.state = "completed";
      this.ua.after(64 * t1, () => this.terminate());
    } else if (code < 300) {
      this.state = "accepted";
      this.ua.after(64 * t1, () => this.terminate());
    } else {
      this.state = "completed";
      if (this.ua.retransmit) this.ua.after(t1, () => this.timerG(t1));
      this.ua.after(64 * t1, () => {
        if (this.state === "completed") this.terminate();
      });
    }
  }

  private timerG(interval: number): void {
    if (this.state !== "completed") return;
    this.ua.send(this.dest, this.last, true);
    const next = Math.min(2 * interval, this.ua.t2);
    this.ua.after(next, () => this.timerG(next));
  }

  /** The request arrived again. */
  retransmission(): void {
    if (this.last && this.state !== "confirmed" && this.state !== "terminated")
      this.ua.send(this.dest, this.last, true);
  }

  /** An ACK for this INVITE's non-2xx final reply (17.2.1): stop Timer G, absorb copies for T4. */
  ack(): void {
    if (this.state !== "completed") return;
    this.state = "confirmed";
    this.ua.after(T4, () => this.terminate());
  }

  private terminate(): void {
    if (this.state === "terminated") return;
    this.state = "terminated";
    if (this.table.get(this.key) === this) this.table.delete(this.key);
  }
}
