/**
 * One simulation's tm: its parameters, its transaction table, its timers and its statistics.
 * The request side (t_newtran, forwarding, CANCEL) is in fwd.ts, the reply side in reply.ts;
 * both work on this object.
 *
 * Timers (modules/tm/timer.c, timer.h): each retransmission buffer has one timer holding a
 * retransmission time and a final-response limit, in ticks of 1/16 s (core/timer_ticks.h,
 * MS_TO_TICKS rounds up). A buffer is retransmitted after T1, then at doubling intervals capped
 * at T2 (retr_buf_handler()); when the limit passes, final_response_handler() runs. A finished
 * transaction waits wt_timer on the wait timer (put_on_wait()), then is deleted. All of it runs
 * in the core's fast `timer` process.
 */
import type { Micros } from "../../base/time.js";
import type { TmEvent } from "../../events.js";
import type { Process } from "../../runtime/process.js";
import type { Services } from "../../runtime/services.js";
import type { HostPort } from "../../runtime/sip-net.js";
import type { ModuleSetup, SimulationHost } from "../runtime-types.js";
import { TmCallbacks } from "./callbacks.js";
import { type Cell, F_RB_FR_INV, F_RB_T2, type RetrBuf, tid } from "./cell.js";
import { TmTable } from "./table.js";

/** One tick of Kamailio's timer: 1/16 s (TIMER_TICKS_HZ), in µs. */
export const TICK: Micros = 62_500;

/**
 * MS_TO_TICKS() of core/timer_ticks.h, rounded up; at least one tick, as tm_init_timers() fixes
 * 0 values to 1 tick and a timer never fires before the next tick.
 */
export function msToTicks(ms: number): number {
  const t = Math.floor((ms * 16 + 999) / 1000);
  return Number.isFinite(t) && t >= 1 ? t : 1;
}

/** tm's parameters (modules/tm/config.c defaults). */
export interface TmConfig {
  frTimer: number;
  frInvTimer: number;
  wtTimer: number;
  retrT1: number;
  retrT2: number;
  restartFrOnEachReply: boolean;
  autoInv100: boolean;
  autoInv100Reason: string;
  failureReplyMode: number;
  remap503: boolean;
  relay100: boolean;
  noisyCtimer: boolean;
  unmatchedCancel: number;
  e2eCancelReason: boolean;
  localCancelReason: boolean;
  contactsAvp: string | undefined;
  contactFlowsAvp: string | undefined;
  disable6xxBlock: boolean;
  fakedReplyPrio: number;
}

function readConfig(params: ModuleSetup["params"]): TmConfig {
  const c: TmConfig = {
    frTimer: 30000,
    frInvTimer: 120000,
    wtTimer: 5000,
    retrT1: 500,
    retrT2: 4000,
    restartFrOnEachReply: true,
    autoInv100: true,
    autoInv100Reason: "trying -- your call is important to us",
    failureReplyMode: 3,
    remap503: true,
    relay100: false,
    noisyCtimer: true,
    unmatchedCancel: 0,
    e2eCancelReason: true,
    localCancelReason: true,
    contactsAvp: undefined,
    contactFlowsAvp: undefined,
    disable6xxBlock: false,
    fakedReplyPrio: 0,
  };
  for (const p of params) {
    const v = typeof p.value === "number" ? p.value : Number.parseInt(String(p.value), 10);
    // Timer values of 0 become the minimum (tm_init_timers()); kamsim takes a negative one so too.
    const n = Number.isFinite(v) ? v : 0;
    switch (p.name) {
      case "fr_timer":
        c.frTimer = Math.max(n, 1);
        break;
      case "fr_inv_timer":
        c.frInvTimer = Math.max(n, 1);
        break;
      case "wt_timer":
        c.wtTimer = Math.max(n, 1);
        break;
      case "retr_timer1":
        c.retrT1 = Math.max(n, 1);
        break;
      case "retr_timer2":
        c.retrT2 = Math.max(n, 1);
        break;
      case "restart_fr_on_each_reply":
        c.restartFrOnEachReply = n !== 0;
        break;
      case "auto_inv_100":
        c.autoInv100 = n !== 0;
        break;
      case "auto_inv_100_reason":
        c.autoInv100Reason = String(p.value);
        break;
      case "failure_reply_mode":
        c.failureReplyMode = n;
        break;
      case "remap_503_500":
        c.remap503 = n !== 0;
        break;
      case "relay_100":
        c.relay100 = n !== 0;
        break;
      case "noisy_ctimer":
        c.noisyCtimer = n !== 0;
        break;
      case "unmatched_cancel":
        c.unmatchedCancel = n;
        break;
      case "e2e_cancel_reason":
        c.e2eCancelReason = n !== 0;
        break;
      case "local_cancel_reason":
        c.localCancelReason = n !== 0;
        break;
      case "contacts_avp":
        c.contactsAvp = String(p.value);
        break;
      case "contact_flows_avp":
        c.contactFlowsAvp = String(p.value);
        break;
      case "disable_6xx_block":
        c.disable6xxBlock = n !== 0;
        break;
      case "faked_reply_prio":
        c.fakedReplyPrio = n;
        break;
    }
  }
  return c;
}

/** tm's statistics (t_stats.c), as tm.stats prints them. */
export interface TmStats {
  created: number;
  freed: number;
  waiting: number;
  replied: number;
  rplReceived: number;
  rplGenerated: number;
  rplSent: number;
  delayedFree: number;
  byClass: Record<"1xx" | "2xx" | "3xx" | "4xx" | "5xx" | "6xx", number>;
}

/** A timer in its tick's bucket. */
interface TimerEntry {
  rb: RetrBuf;
  ref: RbRef;
  tick: number;
}

/** What a timer firing is about: a branch's request or local CANCEL, or the server side's reply. */
export type RbRef = { t: Cell; kind: "uac" | "cancel"; branch: number } | { t: Cell; kind: "uas"; branch: -1 };

export class Tm {
  readonly cfg: TmConfig;
  readonly table = new TmTable();
  readonly callbacks = new TmCallbacks();
  readonly stats: TmStats = {
    created: 0,
    freed: 0,
    waiting: 0,
    replied: 0,
    rplReceived: 0,
    rplGenerated: 0,
    rplSent: 0,
    delayedFree: 0,
    byClass: { "1xx": 0, "2xx": 0, "3xx": 0, "4xx": 0, "5xx": 0, "6xx": 0 },
  };
  host: SimulationHost | undefined;
  /** Handlers of the timer kinds, filled by fwd.ts/reply.ts (they import this file). */
  onFinalResponse: (ref: RbRef, now: Micros, proc: Process | undefined) => void = () => {};

  constructor(
    readonly sv: Services,
    params: ModuleSetup["params"],
  ) {
    this.cfg = readConfig(params);
  }

  get socket(): HostPort {
    return this.sv.net.socket;
  }

  /** The core timer process (tm's timers run there). */
  get timerProc(): Process | undefined {
    return this.host?.timer;
  }

  emit(e: Omit<TmEvent, "kind" | "tid" | "method" | "callId">, t: Cell): void {
    const k = this.sv.kernel;
    if (!k.wants.tm) return;
    k.emit({ kind: "tm", tid: tid(t), method: t.method, callId: t.callId, ...e } as TmEvent);
  }

  /** Puts a message on the wire from the proxy's socket. */
  send(to: HostPort, text: string, at: Micros, proc?: Process, req?: number): void {
    this.sv.net.send(to, text, at, { req, proc: proc?.index });
  }

  // --- timers -------------------------------------------------------------------------------

  /**
   * Timers live in per-tick buckets, as Kamailio's timer wheel keeps them: one kernel task per
   * tick that has timers, holding only the tick number, so a stopped timer lets go of its
   * transaction at once (a task per timer would keep every finished transaction until its
   * fr_inv_timer limit came).
   */
  private readonly buckets = new Map<number, Set<TimerEntry>>();

  private unschedule(rb: RetrBuf): void {
    const e = rb.timer.entry as TimerEntry | undefined;
    if (e === undefined) return;
    this.buckets.get(e.tick)?.delete(e);
    rb.timer.entry = undefined;
  }

  private schedule(rb: RetrBuf, ref: RbRef): void {
    const tm = rb.timer;
    tm.gen++;
    this.unschedule(rb);
    const r = tm.retrExpire;
    const f = tm.frExpire;
    const next = r === undefined ? f : f === undefined ? r : Math.min(r, f);
    if (next === undefined) {
      tm.at = undefined;
      this.armed(rb, ref);
      return;
    }
    const k = this.sv.kernel;
    tm.at = Math.max(next * TICK, k.now);
    const entry: TimerEntry = { rb, ref, tick: next };
    tm.entry = entry;
    let bucket = this.buckets.get(next);
    if (bucket === undefined) {
      bucket = new Set();
      this.buckets.set(next, bucket);
      k.schedule(tm.at, () => this.runBucket(next));
    }
    bucket.add(entry);
    this.armed(rb, ref);
  }

  /**
   * An `arm` event: the buffer's timers as they now stand (timer.h keeps the retransmission and
   * the final-response limit in one timer of the buffer; both are said). Built only when wanted.
   */
  private armed(rb: RetrBuf, ref: RbRef): void {
    const k = this.sv.kernel;
    if (!k.wants.tm) return;
    const tm = rb.timer;
    const e: Omit<TmEvent, "kind" | "tid" | "method" | "callId"> = { t: k.now, op: "arm", buf: ref.kind };
    if (ref.kind !== "uas") e.branch = ref.branch;
    if (tm.frExpire !== undefined) {
      e.timer = ref.kind === "uac" && (rb.flags & F_RB_FR_INV) !== 0 ? "fr_inv" : "fr";
      e.at = Math.max(tm.frExpire * TICK, k.now);
    }
    if (tm.retrExpire !== undefined) e.retrAt = Math.max(tm.retrExpire * TICK, k.now);
    this.emit(e, ref.t);
  }

  private runBucket(tick: number): void {
    const bucket = this.buckets.get(tick);
    if (bucket === undefined) return;
    this.buckets.delete(tick);
    const now = this.sv.kernel.now;
    for (const e of bucket) {
      if (e.rb.timer.entry !== e) continue;
      e.rb.timer.entry = undefined;
      this.fire(e.rb, e.ref, tick, now);
    }
  }

  private fire(rb: RetrBuf, ref: RbRef, tick: number, now: Micros): void {
    const tm = rb.timer;
    tm.at = undefined;
    if (tm.frExpire !== undefined && tm.frExpire <= tick) {
      tm.frExpire = undefined;
      tm.retrExpire = undefined;
      tm.gen++;
      rb.flags |= 0x02; // F_RB_TIMEOUT
      this.armed(rb, ref);
      this.onFinalResponse(ref, now, tm.slow ? (this.host?.slowTimer ?? this.timerProc) : this.timerProc);
      return;
    }
    if (tm.retrExpire !== undefined && tm.retrExpire <= tick) {
      const t2 = ref.t.retrT2;
      let interval: number;
      if ((rb.flags & F_RB_T2) !== 0 || tm.retrMs > t2) {
        interval = msToTicks(t2);
        tm.retrMs = t2;
      } else {
        interval = msToTicks(tm.retrMs);
        tm.retrMs = tm.retrMs * 2;
      }
      tm.retrExpire = tick + interval;
      // retr_buf_handler(): when the limit comes before the next retransmission, the timer goes
      // to the slow list (TM_FAST_RETR_TIMER), and its end runs in the slow timer process.
      if (tm.frExpire !== undefined && tm.retrExpire >= tm.frExpire) tm.slow = true;
      if (rb.text !== undefined) {
        this.send(rb.dst, rb.text, now, this.timerProc);
        this.emit({ t: now, op: "retransmit", timer: "retr", branch: ref.branch, proc: this.timerProc?.index }, ref.t);
      }
    }
    this.schedule(rb, ref);
  }

  private nowTick(): number {
    return Math.floor(this.sv.kernel.now / TICK);
  }

  /** _set_fr_retr(): retransmissions from T1 (UDP) and the final-response limit `frMs`. */
  startRetr(rb: RetrBuf, ref: RbRef, frMs: number, retransmit = true): void {
    const now = this.nowTick();
    const t1 = ref.t.retrT1;
    rb.timer.retrMs = 2 * t1;
    rb.timer.retrExpire = retransmit ? now + msToTicks(t1) : undefined;
    rb.timer.frExpire = now + msToTicks(frMs);
    rb.timer.slow = false;
    this.schedule(rb, ref);
  }

  /** stop_rb_retr(): no more retransmissions; the final-response limit stays. */
  stopRetr(rb: RetrBuf, ref: RbRef): void {
    if (rb.timer.retrExpire === undefined) return;
    rb.timer.retrExpire = undefined;
    this.schedule(rb, ref);
  }

  /** stop_rb_timers(): both off. */
  stopTimers(rb: RetrBuf): void {
    const armed = rb.timer.entry as TimerEntry | undefined;
    rb.timer.retrExpire = undefined;
    rb.timer.frExpire = undefined;
    rb.timer.gen++;
    rb.timer.at = undefined;
    this.unschedule(rb);
    if (armed !== undefined) this.armed(rb, armed.ref);
  }

  /** switch_rb_retr_to_t2(): a non-INVITE got a provisional reply — retransmit every T2. */
  switchToT2(rb: RetrBuf, ref: RbRef): void {
    rb.flags |= F_RB_T2;
    if (rb.timer.retrExpire === undefined) return;
    rb.timer.retrExpire = this.nowTick() + msToTicks(ref.t.retrT2);
    this.schedule(rb, ref);
  }

  /** restart_rb_fr(): a new final-response limit from now (fr_inv_timer after a provisional). */
  restartFr(rb: RetrBuf, ref: RbRef, ms: number): void {
    rb.timer.frExpire = this.nowTick() + msToTicks(ms);
    this.schedule(rb, ref);
  }

  /**
   * change_fr() of timer.h (t_set_fr() on an existing transaction): the new values for later
   * branches, and running branches' limits moved to now + the new value (fr_inv for a branch
   * that had a provisional, fr otherwise); 0 leaves a value as it is.
   */
  changeFr(t: Cell, frInvMs: number, frMs: number): void {
    if (frInvMs > 0) t.frInvTimeout = frInvMs;
    if (frMs > 0) t.frTimeout = frMs;
    const now = this.nowTick();
    for (const u of t.uacs) {
      const rb = u.request;
      if (rb.timer.frExpire === undefined) continue;
      if ((rb.flags & F_RB_FR_INV) !== 0 && frInvMs > 0) rb.timer.frExpire = now + msToTicks(frInvMs);
      else if ((rb.flags & F_RB_FR_INV) === 0 && frMs > 0) rb.timer.frExpire = now + msToTicks(frMs);
      else continue;
      this.schedule(rb, { t, kind: "uac", branch: u.index });
    }
  }

  /** cleanup_uac_timers(): every branch's request timers off. */
  cleanupUacTimers(t: Cell): void {
    for (const u of t.uacs) this.stopTimers(u.request);
  }

  /** put_on_wait(): the cell is deleted wt_timer after (once: a second call does nothing). */
  putOnWait(t: Cell): void {
    if (t.state !== "active") return;
    t.state = "wait";
    this.stats.waiting++;
    const gen = ++t.waitGen;
    const k = this.sv.kernel;
    const at = (this.nowTick() + msToTicks(this.cfg.wtTimer)) * TICK;
    if (k.wants.tm) this.emit({ t: k.now, op: "arm", buf: "wait", timer: "wait", at: Math.max(at, k.now) }, t);
    k.schedule(Math.max(at, k.now), () => {
      if (t.waitGen === gen) this.deleteCell(t, Math.max(at, k.now));
    });
  }

  /** wait_handler(): timers off (the local CANCELs' too), out of the table, freed. */
  deleteCell(t: Cell, now: Micros): void {
    if (t.state === "deleted") return;
    this.emit({ t: now, op: "timer", timer: "wait", proc: this.timerProc?.index }, t);
    this.stopTimers(t.uas.response);
    for (const u of t.uacs) {
      this.stopTimers(u.request);
      if (u.localCancel) this.stopTimers(u.localCancel);
    }
    t.state = "deleted";
    this.table.remove(t);
    this.stats.waiting--;
    this.stats.freed++;
    this.callbacks.run("DESTROY", t, {});
    this.emit({ t: now, op: "delete", proc: this.timerProc?.index }, t);
  }

  /** update_reply_stats(): the class counters of replies sent upstream. */
  countReply(code: number): void {
    const c = Math.floor(code / 100);
    if (c >= 1 && c <= 6) this.stats.byClass[`${c}xx` as keyof TmStats["byClass"]]++;
  }
}
