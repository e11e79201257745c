/**
 * One call as a user agent lives it (RFC 3261 13–15), from either end.
 *
 * Caller: INVITE with an SDP offer to the outbound proxy; CANCEL only once a provisional came
 * (9.1), with the INVITE's branch, To and CSeq number; a 2xx creates the dialog and is ACKed end to
 * end along the route set with a new branch (13.2.2.4), every retransmission of it ACKed again; a
 * second 2xx from another fork is ACKed and hung up at once (13.2.2.4); BYE after the hold time.
 *
 * Callee: 100/180/final as its plan says; the 2xx carries the Record-Route and a Contact (12.1.1)
 * and is re-sent at T1, 2·T1... up to T2 until the ACK, the call hung up with BYE when none came in
 * 64·T1 (13.3.1.4); CANCEL gets 200 and the INVITE 487 when no final reply went yet (9.2).
 *
 * Either end answers BYE with 200 and a re-INVITE with 200 and a new SDP version (14.2), and may
 * send them.
 */
import type { HostPort } from "../../runtime/sip-net.js";
import { responseAddress } from "./addressing.js";
import { buildRequest, buildResponse, sdp } from "./build.js";
import { type ClientTransaction, ClientTransaction as ClientTx, type ClientTxUser } from "./client-tx.js";
import { type Dialog, dialogKey, inDialogRequest } from "./dialog.js";
import type { AgentMessage } from "./parse.js";
import { uriOf } from "./parse.js";
import { type PlannedAnswer, type PlannedCall, REASONS } from "./plan.js";
import type { ServerTransaction } from "./server-tx.js";
import type { CallSummary } from "./summary.js";
import type { Ua } from "./ua.js";

/** What a call needs of its agent. */
export interface CallHost {
  readonly ua: Ua;
  readonly proxy: HostPort;
  readonly user: string;
  /** `sip:user@domain`. */
  readonly aor: string;
  /** The Contact value (`<sip:user@ip:port>`). */
  readonly contact: string;
  readonly clientTxs: Map<string, ClientTransaction>;
  /** Dialogs by `dialogKey`, so in-dialog requests and 2xx ACKs find their call. */
  readonly dialogs: Map<string, Call>;
  /** The call failed, was cancelled or ended (called once). */
  callEnded(call: CallSummary): void;
  /** The call's state (or final code) changed. */
  callChanged(call: CallSummary): void;
}

/** A response a 2xx waits to have ACKed (13.3.1.4). */
interface Pending2xx {
  text: string;
  dest: HostPort;
  cseq: number;
}

/** Ignores what a transaction reports: BYE and CANCEL outcomes change nothing for the caller. */
const IGNORE: ClientTxUser = { onResponse: () => {}, onTimeout: () => {} };

const SDP_TYPE = "application/sdp";

export class Call {
  readonly summary: CallSummary;
  dialog: Dialog | null = null;
  private readonly session: number;
  private sdpVersion = 1;
  private rtpPort: number;
  private pending: Pending2xx | null = null;
  /** The last ACK for a 2xx this caller sent, by the 2xx's CSeq and To tag, re-sent on its retransmissions. */
  private readonly acks = new Map<string, { text: string; dest: HostPort }>();
  // Caller side.
  private invite: ClientTransaction | null = null;
  private provisional = false;
  private cancelWanted = false;
  private cancelSent = false;
  // Callee side.
  /** The INVITE's server transaction and request, until the final response went. */
  private inviteTx: ServerTransaction | null = null;
  private inviteReq: AgentMessage | null = null;
  /** The CSeq of the INVITE the callee answered (its ACK carries the same). */
  private inviteCseq = -1;
  private localTag = "";
  /** The callee hangs up this long after its 2xx is ACKed; `null`: never. */
  private byeAfterAck: number | null = null;

  constructor(
    private readonly host: CallHost,
    role: "caller" | "callee",
    callId: string,
    peer: string,
  ) {
    const n = host.ua.next();
    this.session = n;
    this.rtpPort = 10000 + 2 * (n % 25000);
    this.summary = {
      callId,
      role,
      peer,
      state: "calling",
      code: null,
      started: host.ua.now(),
      answered: null,
      ended: null,
      endedBy: null,
    };
  }

  private offer(): string {
    return sdp(this.host.user, this.host.ua.address.ip, this.session, this.sdpVersion, this.rtpPort);
  }

  // ---- caller ----

  /** Sends the INVITE for `plan` to `ruri` and arms its CANCEL, hang-up and re-INVITE. */
  place(plan: PlannedCall, ruri: string): void {
    const { ua } = this.host;
    const branch = ua.branch();
    const tag = ua.tag();
    const parts = {
      method: "INVITE",
      ruri,
      via: ua.via(branch),
      from: `<${this.host.aor}>;tag=${tag}`,
      to: `<${ruri}>`,
      callId: this.summary.callId,
      cseq: 1,
      contact: this.host.contact,
      contentType: SDP_TYPE,
      body: this.offer(),
    };
    const user: ClientTxUser = {
      onResponse: (res) => this.onInviteResponse(res, plan),
      onTimeout: () => this.fail(408),
    };
    this.invite = new ClientTx(ua, this.host.clientTxs, parts, branch, this.host.proxy, user);
    this.invite.start();
    if (plan.cancel !== null) ua.after(plan.cancel, () => this.wantCancel());
  }

  private wantCancel(): void {
    if (this.summary.code !== null || this.cancelSent) return;
    if (this.provisional) this.sendCancel();
    else this.cancelWanted = true;
  }

  /** CANCEL (9.1): the INVITE's Request-URI, Call-ID, From, To, Route, branch and CSeq number. */
  private sendCancel(): void {
    const inv = this.invite;
    if (!inv) return;
    this.cancelSent = true;
    const p = inv.parts;
    const parts = {
      method: "CANCEL",
      ruri: p.ruri,
      via: p.via,
      routes: p.routes,
      from: p.from,
      to: p.to,
      callId: p.callId,
      cseq: p.cseq,
    };
    new ClientTx(this.host.ua, this.host.clientTxs, parts, inv.branch, inv.dest, IGNORE).start();
  }

  private onInviteResponse(res: AgentMessage, plan: PlannedCall): void {
    if (res.status < 200) {
      if (res.status > 100) {
        this.provisional = true;
        if (this.summary.state === "calling") {
          this.summary.state = "ringing";
          this.host.callChanged(this.summary);
        }
      }
      if (this.cancelWanted && !this.cancelSent && res.status > 100) this.sendCancel();
      return;
    }
    if (res.status < 300) {
      this.on2xx(res, plan);
      return;
    }
    if (this.cancelSent && res.status === 487) this.end("cancelled", 487);
    else this.fail(res.status);
  }

  private on2xx(res: AgentMessage, plan: PlannedCall): void {
    const inv = this.invite as ClientTransaction;
    const ackKey = `${res.cseq}\n${res.toTag}`;
    const sent = this.acks.get(ackKey);
    if (sent) {
      this.host.ua.send(sent.dest, sent.text, true);
      return;
    }
    const d: Dialog = {
      callId: this.summary.callId,
      localTag: inv.parts.from.slice(inv.parts.from.lastIndexOf("tag=") + 4),
      remoteTag: res.toTag,
      local: inv.parts.from,
      remote: res.to,
      remoteTarget: res.contacts[0] ? uriOf(res.contacts[0]) : inv.parts.ruri,
      routeSet: [...res.recordRoutes].reverse(),
      localCseq: inv.parts.cseq,
    };
    this.ack(d, res, ackKey);
    if (this.dialog) {
      // Another fork answered too (13.2.2.4): confirm it, then end it.
      this.bye(d);
      return;
    }
    this.dialog = d;
    this.host.dialogs.set(dialogKey(d.callId, d.localTag, d.remoteTag), this);
    this.summary.state = "established";
    this.summary.code = res.status;
    this.summary.answered = this.host.ua.now();
    this.host.callChanged(this.summary);
    if (this.cancelSent) {
      this.hangUp("local");
      return;
    }
    if (plan.hold !== null) this.host.ua.after(plan.hold, () => this.hangUp("local"));
    if (plan.reinvite !== null) this.host.ua.after(plan.reinvite, () => this.reinvite());
  }

  /** The ACK of a 2xx (13.2.2.4): a new transaction's branch, the INVITE's CSeq number, along the route set. */
  private ack(d: Dialog, res: AgentMessage, key: string): void {
    const { ua } = this.host;
    const { parts, dest } = inDialogRequest(d, "ACK", ua.via(ua.branch()), this.host.proxy, { cseq: res.cseq });
    const text = buildRequest(parts);
    this.acks.set(key, { text, dest });
    ua.send(dest, text);
  }

  /** Sends again the ACK this caller sent for `res` (same CSeq and To tag); false when it sent none. */
  ackAgain(res: AgentMessage): boolean {
    const sent = this.acks.get(`${res.cseq}\n${res.toTag}`);
    if (sent) this.host.ua.send(sent.dest, sent.text, true);
    return sent !== undefined;
  }

  /** A re-INVITE inside the dialog (14.1) with the next SDP version; its 2xx is ACKed like the first. */
  private reinvite(): void {
    const d = this.dialog;
    if (!d || this.summary.state !== "established") return;
    const { ua } = this.host;
    const branch = ua.branch();
    this.sdpVersion++;
    const { parts, dest } = inDialogRequest(d, "INVITE", ua.via(branch), this.host.proxy, {
      contact: this.host.contact,
      contentType: SDP_TYPE,
      body: this.offer(),
    });
    const user: ClientTxUser = {
      onResponse: (res) => {
        if (res.status < 200 || res.status >= 300) return;
        const key = `${res.cseq}\n${res.toTag}`;
        const sent = this.acks.get(key);
        if (sent) this.host.ua.send(sent.dest, sent.text, true);
        else {
          if (res.contacts[0]) d.remoteTarget = uriOf(res.contacts[0]);
          this.ack(d, res, key);
        }
      },
      onTimeout: () => this.hangUp("timeout"),
    };
    new ClientTx(ua, this.host.clientTxs, parts, branch, dest, user).start();
  }

  // ---- callee ----

  /** A new INVITE reached the agent: answer it as `answer` says (9.2, 13.3). */
  answer(req: AgentMessage, tx: ServerTransaction, answer: Exclude<PlannedAnswer, { down: true }>): void {
    const { ua } = this.host;
    this.inviteTx = tx;
    this.inviteReq = req;
    this.inviteCseq = req.cseq;
    this.localTag = ua.tag();
    tx.toTag = this.localTag;
    tx.onCancel = () => this.cancelled();
    if (answer.trying) tx.respond(100, buildResponse(req, 100, "Trying"));
    if (answer.ring !== null)
      ua.after(answer.ring, () => {
        if (tx.answered) return;
        tx.respond(180, this.calleeResponse(req, 180));
        if (this.summary.state === "calling") {
          this.summary.state = "ringing";
          this.host.callChanged(this.summary);
        }
      });
    if (answer.after !== null)
      ua.after(answer.after, () => {
        if (tx.answered) return;
        this.answered();
        if (answer.code >= 300) {
          // A redirect names where to try instead (RFC 3261 21.3): the given URI, else this phone.
          const contact = answer.code < 400 ? (answer.contact ? `<${answer.contact}>` : this.host.contact) : undefined;
          const text = buildResponse(req, answer.code, reason(answer.code), { toTag: this.localTag, contact });
          tx.respond(answer.code, text);
          this.fail(answer.code);
          return;
        }
        this.accept(req, tx, answer.code);
        if (answer.bye !== null) this.byeAfterAck = answer.bye;
      });
  }

  private calleeResponse(req: AgentMessage, code: number, body?: string): string {
    return buildResponse(req, code, reason(code), {
      toTag: this.localTag,
      recordRoute: true,
      contact: this.host.contact,
      contentType: body ? SDP_TYPE : undefined,
      body,
    });
  }

  /** Sends the 2xx, creating the callee's dialog: route set = the INVITE's Record-Route in order (12.1.1). */
  private accept(req: AgentMessage, tx: ServerTransaction, code: number): void {
    const text = this.calleeResponse(req, code, this.offer());
    const d: Dialog = {
      callId: req.callId,
      localTag: this.localTag,
      remoteTag: req.fromTag,
      local: `${req.to};tag=${this.localTag}`,
      remote: req.from,
      remoteTarget: req.contacts[0] ? uriOf(req.contacts[0]) : uriOf(req.from),
      routeSet: [...req.recordRoutes],
      localCseq: 0,
    };
    this.dialog = d;
    this.host.dialogs.set(dialogKey(d.callId, d.localTag, d.remoteTag), this);
    this.summary.state = "established";
    this.summary.code = code;
    this.summary.answered = this.host.ua.now();
    this.host.callChanged(this.summary);
    tx.respond(code, text);
    this.await2xxAck(text, tx.dest, req.cseq, true);
  }

  /** Re-sends a 2xx until its ACK (13.3.1.4): T1, doubling up to T2; no ACK in 64·T1 ends the call. */
  private await2xxAck(text: string, dest: HostPort, cseq: number, sent: boolean): void {
    const { ua } = this.host;
    const pending: Pending2xx = { text, dest, cseq };
    this.pending = pending;
    if (!sent) ua.send(dest, text);
    const step = (interval: number) =>
      ua.after(interval, () => {
        if (this.pending !== pending) return;
        ua.send(dest, text, true);
        step(Math.min(2 * interval, ua.t2));
      });
    if (ua.retransmit) step(ua.t1);
    ua.after(64 * ua.t1, () => {
      if (this.pending !== pending) return;
      this.pending = null;
      this.hangUp("timeout");
    });
  }

  /** CANCEL matched this call's INVITE (9.2): 487 if no final reply went yet. */
  private cancelled(): void {
    const tx = this.inviteTx;
    const req = this.inviteReq;
    if (!tx || !req || tx.answered) return;
    this.answered();
    tx.respond(487, buildResponse(req, 487, reason(487), { toTag: this.localTag }));
    this.end("cancelled", 487);
  }

  /** The final response is going: the request and transaction are not needed any more (memory at scale). */
  private answered(): void {
    this.inviteTx = null;
    this.inviteReq = null;
  }

  // ---- both ----

  /** An ACK for a 2xx this side sent. */
  acked(req: AgentMessage): void {
    const p = this.pending;
    if (!p || p.cseq !== req.cseq) return;
    this.pending = null;
    const wait = this.byeAfterAck;
    if (wait !== null && this.summary.role === "callee" && req.cseq === this.inviteCseq) {
      this.byeAfterAck = null;
      this.host.ua.after(wait, () => this.hangUp("local"));
    }
  }

  /** A request inside the dialog (with its server transaction): BYE, re-INVITE, anything else. */
  inDialog(req: AgentMessage, tx: ServerTransaction): void {
    const d = this.dialog as Dialog;
    if (req.method === "BYE") {
      tx.respond(200, buildResponse(req, 200, "OK"));
      if (this.summary.state === "established") this.end("ended", null, "remote");
      this.host.dialogs.delete(dialogKey(d.callId, d.localTag, d.remoteTag));
      this.pending = null;
      return;
    }
    if (req.method === "INVITE") {
      if (req.contacts[0]) d.remoteTarget = uriOf(req.contacts[0]);
      this.sdpVersion++;
      const text = buildResponse(req, 200, "OK", {
        contact: this.host.contact,
        contentType: SDP_TYPE,
        body: this.offer(),
      });
      tx.respond(200, text);
      this.await2xxAck(text, tx.dest, req.cseq, true);
      return;
    }
    tx.respond(200, buildResponse(req, 200, "OK"));
  }

  /** Sends BYE and ends the call (15.1.1); `why` says who ended it. */
  hangUp(why: "local" | "timeout"): void {
    const d = this.dialog;
    if (!d || this.summary.state !== "established") return;
    this.bye(d);
    this.host.dialogs.delete(dialogKey(d.callId, d.localTag, d.remoteTag));
    this.pending = null;
    this.end("ended", null, why);
  }

  private bye(d: Dialog): void {
    const { ua } = this.host;
    const branch = ua.branch();
    const { parts, dest } = inDialogRequest(d, "BYE", ua.via(branch), this.host.proxy);
    new ClientTx(ua, this.host.clientTxs, parts, branch, dest, IGNORE).start();
  }

  private fail(code: number): void {
    if (this.summary.ended !== null) return;
    this.end("failed", code);
  }

  private end(state: "ended" | "failed" | "cancelled", code: number | null, by?: "local" | "remote" | "timeout"): void {
    const s = this.summary;
    const first = s.ended === null;
    s.state = state;
    if (code !== null) s.code = code;
    s.ended = this.host.ua.now();
    if (by) s.endedBy = by;
    this.host.callChanged(s);
    if (first) this.host.callEnded(s);
  }
}

/** A code's reason phrase (validation only lets known codes through). */
export function reason(code: number): string {
  return REASONS.get(code) ?? "Unknown";
}

/** Where responses to `req` go: its top Via (18.2.2, RFC 3581), else where it came from. */
export function responseDest(req: AgentMessage, from: HostPort): HostPort {
  const via = req.vias[0];
  return (via && responseAddress(via)) || from;
}
