/**
 * One SIP user agent of the traffic file: its scripted actions (register, calls, OPTIONS and
 * MESSAGE) and the UA core that routes what arrives (RFC 3261 8.2 for requests, 8.1.3 for
 * responses) to transactions, dialogs and calls. An agent whose answer is `down` answers no request
 * at all (a phone gone off the network after registering); replies to its own requests still count.
 * Its `actions` (docs/agents.md, "Actions") place a call, change its answer, or unplug it (`down`:
 * nothing reaches it and nothing leaves it, its timers run on) and plug it back (`up`).
 */
import { seconds } from "../../base/time.js";
import type { AgentEvent } from "../../events.js";
import type { HostPort } from "../../runtime/sip-net.js";
import { buildResponse } from "./build.js";
import { Call, type CallHost, reason, responseDest } from "./call.js";
import { ClientTransaction, clientTxKey } from "./client-tx.js";
import { dialogKey } from "./dialog.js";
import { type AgentMessage, headerParams, paramOf, parseAgentMessage, uriOf } from "./parse.js";
import type { PlannedAction, PlannedAgent, PlannedAnswer, PlannedCall, PlannedRequest, PlannedTarget } from "./plan.js";
import { ServerTransaction, serverTxKey } from "./server-tx.js";
import {
  type AgentSummary,
  type CallState,
  type CallSummary,
  RECENT_CALLS,
  type RegistrationSummary,
  type RequestSummary,
} from "./summary.js";
import type { AgentTransport } from "./transport.js";
import { Ua } from "./ua.js";

/** Methods an agent answers 200 outside a dialog; others get 405 with this Allow list (8.2.1). */
const ALLOW = "INVITE, ACK, CANCEL, BYE, OPTIONS, MESSAGE, INFO, NOTIFY";
const ANSWERED_200 = new Set(["OPTIONS", "MESSAGE", "INFO", "NOTIFY"]);

/** How an agent answers INVITEs, in a word: its final code, `never` (rings for ever) or `down` (answers nothing). */
export function answerLabel(a: PlannedAnswer): string {
  if (a.down) return "down";
  return a.after === null ? "never" : String(a.code);
}

/** Where an agent's state changes are told (`agent` events), when someone wants them. */
export type AgentObserver = (e: AgentEvent) => void;

/** The domain agents use by default: the proxy's address (`ip:port` when the port is not 5060). */
export function proxyDomain(proxy: HostPort): string {
  return proxy.port === 5060 ? proxy.ip : `${proxy.ip}:${proxy.port}`;
}

export class Agent implements CallHost {
  readonly ua: Ua;
  readonly user: string;
  readonly domain: string;
  readonly aor: string;
  readonly contact: string;
  readonly clientTxs = new Map<string, ClientTransaction>();
  readonly serverTxs = new Map<string, ServerTransaction>();
  readonly dialogs = new Map<string, Call>();
  /** The latest calls' summaries (at most RECENT_CALLS); a Call itself lives only while a transaction, dialog or timer holds it. */
  private readonly recent: CallSummary[] = [];
  /** Calls not over yet, and how many of the others ended in each state: totals stay exact however many calls a run places. */
  private readonly live = new Set<CallSummary>();
  private readonly over: Record<CallState, number> = {
    calling: 0,
    ringing: 0,
    established: 0,
    ended: 0,
    failed: 0,
    cancelled: 0,
  };
  private readonly requests: RequestSummary[] = [];
  private readonly answered: Record<string, number> = {};
  private readonly registration: RegistrationSummary = { state: "none", expiresAt: null, code: null, sent: 0 };
  private regCallId = "";
  private regCseq = 0;
  /** Bumped by every REGISTER sent, so only the latest schedules a refresh. */
  private regGeneration = 0;
  /** How it answers INVITEs now: the plan's `answer` until an `answer` action changes it. */
  private answerNow: PlannedAnswer;

  constructor(
    readonly plan: PlannedAgent,
    readonly proxy: HostPort,
    transport: AgentTransport,
    private readonly observe?: AgentObserver,
  ) {
    this.answerNow = plan.answer;
    this.ua = new Ua(transport, plan.name, plan.address, plan.t1, plan.t2, plan.retransmit);
    this.user = plan.user;
    this.domain = plan.domain ?? proxyDomain(proxy);
    this.aor = `sip:${plan.user}@${this.domain}`;
    this.contact = `<sip:${plan.user}@${plan.address.ip}:${plan.address.port}>`;
  }

  /** Schedules every scripted action of the plan. */
  start(): void {
    const { ua, plan } = this;
    const reg = plan.register;
    if (reg) {
      ua.at(reg.at, () => this.register(reg.expires));
      if (reg.unregisterAt !== null) ua.at(reg.unregisterAt, () => this.register(0));
    }
    for (const call of plan.calls) {
      // Repeated calls are scheduled one at a time, so a file with a million calls holds one task each.
      const place = (i: number) => {
        this.placeCall(call);
        if (i + 1 < call.count) ua.at(call.at + (i + 1) * call.every, () => place(i + 1));
      };
      ua.at(call.at, () => place(0));
    }
    for (const r of plan.requests) ua.at(r.at, () => this.sendRequest(r));
  }

  /** Places one call of `call` now. */
  private placeCall(call: PlannedCall): void {
    const c = new Call(this, "caller", this.ua.callId(), this.targetUri(call.to));
    this.track(c.summary);
    c.place(call, c.summary.peer);
  }

  /** Does one of its `actions` now (the run schedules them: simulation-agents.ts). */
  act(action: PlannedAction): void {
    switch (action.do) {
      case "call":
        return this.placeCall(action.call);
      case "answer":
        this.answerNow = action.answer;
        this.tell({ op: "answer", answer: answerLabel(action.answer) });
        return;
      case "down":
      case "up":
        return this.setDown(action.do === "down");
    }
  }

  /**
   * Unplugs the agent or plugs it back. Down, nothing leaves it and nothing reaches it, as with a
   * phone whose cable is out: its transactions' timers run on (retransmissions go nowhere, Timers
   * B and F end them as 408), calls and requests it places meanwhile fail so. Back up, a phone that
   * registers registers again at once, as phones do when their network returns.
   */
  private setDown(down: boolean): void {
    if (this.ua.down === down) return;
    this.ua.down = down;
    this.ua.transport.setDown?.(this.plan.address, down);
    this.tell({ op: "link", down });
    const reg = this.plan.register;
    const state = this.registration.state;
    if (!down && reg && state !== "none" && state !== "unregistered") this.register(reg.expires);
  }

  private tell(e: Omit<AgentEvent, "kind" | "t" | "agent">): void {
    this.observe?.({ kind: "agent", t: this.ua.now(), agent: this.plan.name, ...e });
  }

  /** Tells its registration's state. */
  private registrationChanged(): void {
    if (!this.observe) return;
    const r = this.registration;
    this.tell({
      op: "register",
      state: r.state,
      ...(r.code !== null ? { code: r.code } : {}),
      ...(r.state === "registered" && r.expiresAt !== null ? { expiresAt: r.expiresAt } : {}),
    });
  }

  callChanged(c: CallSummary): void {
    if (!this.observe) return;
    this.tell({
      op: "call",
      callId: c.callId,
      role: c.role,
      peer: c.peer,
      state: c.state,
      ...(c.code !== null ? { code: c.code } : {}),
    });
  }

  /** The Request-URI for a target: another agent's user at this agent's domain, or the URI given. */
  targetUri(to: PlannedTarget | null): string {
    if (to === null) return `sip:${this.domain}`;
    return "uri" in to ? to.uri : `sip:${to.user}@${this.domain}`;
  }

  /** A datagram reached this agent from `from`. */
  deliver(from: HostPort, text: string): void {
    // Down: nothing reaches it (the simulated network has already lost it; real UDP has not).
    if (this.ua.down) return;
    this.ua.counters.received++;
    const msg = parseAgentMessage(text);
    if (!msg) this.ua.counters.dropped++;
    else if (!msg.request) this.onResponse(msg);
    // A `down` agent answers no request at all (it still reads replies to its own, so it can
    // register first and be unreachable for calls).
    else if (!this.answerNow.down) this.onRequest(msg, from);
  }

  /** 8.1.3.3: a response with more than one Via is not for us; else its client transaction takes it. */
  private onResponse(res: AgentMessage): void {
    const tx =
      res.vias.length === 1 ? this.clientTxs.get(clientTxKey(res.vias[0]?.branch ?? "", res.method)) : undefined;
    if (tx) tx.receive(res);
    // A 2xx the INVITE's transaction no longer waits for (Timer M ran out): the dialog's ACK again (13.2.2.4).
    else if (res.vias.length === 1 && res.method === "INVITE" && res.status >= 200 && res.status < 300) {
      const call = this.dialogs.get(dialogKey(res.callId, res.fromTag, res.toTag));
      if (!call?.ackAgain(res)) this.ua.counters.dropped++;
    } else this.ua.counters.dropped++;
  }

  private onRequest(req: AgentMessage, from: HostPort): void {
    const dest = responseDest(req, from);
    if (req.method === "ACK") {
      const inviteTx = this.serverTxs.get(serverTxKey(req, "INVITE"));
      if (inviteTx && inviteTx.finalCode >= 300) inviteTx.ack();
      else {
        const call = this.dialogs.get(dialogKey(req.callId, req.toTag, req.fromTag));
        if (call) call.acked(req);
        else this.ua.counters.dropped++;
      }
      return;
    }
    const known = this.serverTxs.get(serverTxKey(req, req.method));
    if (known) {
      known.retransmission();
      return;
    }
    const tx = new ServerTransaction(this.ua, this.serverTxs, req, dest);
    if (req.method === "CANCEL") {
      // 9.2: the CANCEL's own 200, with the INVITE's To tag; then the INVITE's 487, if still unanswered.
      const inviteTx = this.serverTxs.get(serverTxKey(req, "INVITE"));
      if (!inviteTx) {
        tx.respond(481, buildResponse(req, 481, reason(481), { toTag: this.ua.tag() }));
        return;
      }
      tx.respond(200, buildResponse(req, 200, "OK", { toTag: inviteTx.toTag || this.ua.tag() }));
      inviteTx.onCancel?.();
      return;
    }
    if (req.toTag) {
      const call = this.dialogs.get(dialogKey(req.callId, req.toTag, req.fromTag));
      this.count(req.method);
      if (call) call.inDialog(req, tx);
      else tx.respond(481, buildResponse(req, 481, reason(481)));
      return;
    }
    const answer = this.answerNow;
    if (req.method === "INVITE" && !answer.down) {
      const call = new Call(this, "callee", req.callId, uriOf(req.from));
      this.track(call.summary);
      call.answer(req, tx, answer);
      return;
    }
    this.count(req.method);
    if (ANSWERED_200.has(req.method)) tx.respond(200, buildResponse(req, 200, "OK", { toTag: this.ua.tag() }));
    else if (req.method === "BYE") tx.respond(481, buildResponse(req, 481, reason(481), { toTag: this.ua.tag() }));
    else tx.respond(405, buildResponse(req, 405, reason(405), { toTag: this.ua.tag(), extra: [`Allow: ${ALLOW}`] }));
  }

  private track(call: CallSummary): void {
    this.callChanged(call);
    this.live.add(call);
    this.recent.push(call);
    // Drop the oldest half at once: amortised O(1), and the list never holds more than RECENT_CALLS.
    if (this.recent.length > RECENT_CALLS) this.recent.splice(0, this.recent.length - RECENT_CALLS / 2);
  }

  /** A call is over (failed, cancelled or ended): counted, no longer held for the totals. */
  callEnded(call: CallSummary): void {
    if (this.live.delete(call)) this.over[call.state]++;
  }

  private count(method: string): void {
    this.answered[method] = (this.answered[method] ?? 0) + 1;
  }

  /**
   * REGISTER (10.2): the AOR in From and To, one Call-ID for all of this agent's registrations and
   * an increasing CSeq (10.2.4), its Contact and the Expires asked for (0 removes the binding).
   */
  private register(expires: number): void {
    const { ua } = this;
    const generation = ++this.regGeneration;
    if (!this.regCallId) this.regCallId = ua.callId();
    const branch = ua.branch();
    const parts = {
      method: "REGISTER",
      ruri: `sip:${this.domain}`,
      via: ua.via(branch),
      from: `<${this.aor}>;tag=${ua.tag()}`,
      to: `<${this.aor}>`,
      callId: this.regCallId,
      cseq: ++this.regCseq,
      contact: this.contact,
      expires,
    };
    const reg = this.registration;
    reg.sent++;
    if (reg.state === "none") {
      reg.state = "registering";
      this.registrationChanged();
    }
    const tx = new ClientTransaction(ua, this.clientTxs, parts, branch, this.proxy, {
      onResponse: (res) => this.onRegistered(res, expires, generation),
      onTimeout: () => {
        reg.code = 408;
        if (generation === this.regGeneration) {
          reg.state = "failed";
          this.registrationChanged();
        }
      },
    });
    tx.start();
  }

  private onRegistered(res: AgentMessage, asked: number, generation: number): void {
    if (res.status < 200) return;
    const reg = this.registration;
    reg.code = res.status;
    if (generation !== this.regGeneration) return;
    if (res.status >= 300) {
      // 423 Interval Too Brief (10.2.8): ask again with the registrar's Min-Expires.
      if (res.status === 423 && asked > 0 && res.minExpires !== null && res.minExpires > asked) {
        this.register(res.minExpires);
        return;
      }
      reg.state = "failed";
      this.registrationChanged();
      return;
    }
    const granted = asked === 0 ? 0 : (this.grantedExpires(res) ?? asked);
    if (granted === 0) {
      // Removed (Expires: 0 asked, or the registrar answered with expires=0 for this Contact).
      reg.state = "unregistered";
      reg.expiresAt = null;
      this.registrationChanged();
      return;
    }
    reg.state = "registered";
    reg.expiresAt = this.ua.now() + seconds(granted);
    this.registrationChanged();
    const refresh = this.plan.register?.refresh;
    if (refresh && granted > 0)
      this.ua.after(seconds(granted) / 2, () => {
        if (generation === this.regGeneration) this.register(this.plan.register?.expires ?? asked);
      });
  }

  /** The expiry the registrar granted this Contact: its `expires` parameter, else the Expires header (10.2.4). */
  private grantedExpires(res: AgentMessage): number | null {
    const mine = uriOf(this.contact);
    for (const c of res.contacts) {
      if (uriOf(c) !== mine) continue;
      const e = paramOf(headerParams(c), "expires");
      if (e !== null && /^\d+$/.test(e)) return Number(e);
    }
    return res.expires;
  }

  /** An OPTIONS or MESSAGE outside any dialog, to its target or the proxy itself. */
  private sendRequest(r: PlannedRequest): void {
    const { ua } = this;
    const branch = ua.branch();
    const ruri = this.targetUri(r.to);
    const record: RequestSummary = { method: r.method, ruri, at: ua.now(), code: null };
    this.requests.push(record);
    const parts = {
      method: r.method,
      ruri,
      via: ua.via(branch),
      from: `<${this.aor}>;tag=${ua.tag()}`,
      to: `<${ruri}>`,
      callId: ua.callId(),
      cseq: 1,
      contentType: r.body ? "text/plain" : undefined,
      body: r.body,
    };
    const tx = new ClientTransaction(ua, this.clientTxs, parts, branch, this.proxy, {
      onResponse: (res) => {
        if (res.status >= 200) record.code = res.status;
      },
      onTimeout: () => {
        record.code = 408;
      },
    });
    tx.start();
  }

  private totals(): Record<CallState, number> {
    const t = { ...this.over };
    for (const c of this.live) t[c.state]++;
    return t;
  }

  summary(): AgentSummary {
    const reg = { ...this.registration };
    if (reg.state === "registered" && reg.expiresAt !== null && reg.expiresAt <= this.ua.now()) reg.state = "expired";
    return {
      name: this.plan.name,
      address: `${this.plan.address.ip}:${this.plan.address.port}`,
      aor: this.aor,
      registration: reg,
      calls: this.recent.map((c) => ({ ...c })),
      callTotals: this.totals(),
      requests: this.requests.map((r) => ({ ...r })),
      answered: { ...this.answered },
      counters: { ...this.ua.counters },
    };
  }
}
