/**
 * Events: everything observable in a simulation, as plain data. The CLI and the playground
 * only ever see these, never engine objects. Times are integer microseconds of virtual time.
 */

import type { LogLevel } from "./base/log-levels.js";
import type { Micros } from "./base/time.js";
import { formatTimestamp } from "./base/time.js";

export type { LogLevel } from "./base/log-levels.js";

/** A line Kamailio would write to stderr. */
export interface LogEvent {
  kind: "log";
  t: Micros;
  /** Process index (the number before the PID). */
  proc: number;
  level: LogLevel;
  /** Route block running when the line was written; absent for core timer work. */
  route?: string;
  /** The request being handled, when a SIP worker wrote it. */
  req?: number;
  /** The text after `LEVEL: ` (prefixes included, newline stripped). */
  msg: string;
  /** The whole line as Kamailio prints it: `%2d(%d) LEVEL: text`. */
  line: string;
  /** The text ended with a newline; without one Kamailio glues the next line onto this one. */
  nl: boolean;
}

/** A request reaching the listening socket, taken by a worker, or dropped. */
export interface RequestEvent {
  kind: "request";
  t: Micros;
  /**
   * `arrived` at the socket, `started` in a worker, `done` when the worker is free again,
   * `dropped` on overflow; `rejected` when the worker's receive path refused the datagram before
   * any script (too short, not SIP, a bad first line or header, no Via...: `reason` says which),
   * and `reply` when it was a SIP reply, taken by the core.
   */
  phase: "arrived" | "started" | "done" | "dropped" | "rejected" | "reply";
  /** The request's id in this run (1, 2, ...). */
  req: number;
  src: string;
  sport: number;
  method: string;
  /** Traffic stream name, or "message" for raw messages, "inject" for injected ones. */
  stream: string;
  proc?: number;
  /** Receive queue depth after the event. */
  queued: number;
  /** Why a `rejected` datagram was refused (kamsim's words; Kamailio's are in the log). */
  reason?: string;
}

/** A reply sent by the script (sl_send_reply, send_reply). */
export interface ReplyEvent {
  kind: "reply";
  t: Micros;
  req: number;
  proc: number;
  code: string;
  reason: string;
}

/** A route block entered or left. */
export interface RouteEvent {
  kind: "route";
  t: Micros;
  proc: number;
  route: string;
  phase: "enter" | "exit";
  req?: number;
  /** The route's return value, on exit. */
  rc?: number;
}

/** mqueue activity. */
export interface MqEvent {
  kind: "mq";
  t: Micros;
  proc: number;
  queue: string;
  /** `add`; `fetch`; `drop` = the oldest item dropped by an overflow; `replace` = addmode 2 removed an older item. */
  op: "add" | "fetch" | "drop" | "replace";
  key: string;
  value: string;
  /** Items in the queue after the operation. */
  size: number;
  /** The queue's size limit (0 = unlimited). */
  limit: number;
  req?: number;
}

/** An rtimer firing. */
export interface TimerEvent {
  kind: "timer";
  t: Micros;
  proc: number;
  timer: string;
  /** `fired` when its routes start, `done` when they end. */
  phase: "fired" | "done";
  /** Run time of the routes, on `done`. */
  duration?: Micros;
}

/** pike's view of an address. */
export interface PikeEvent {
  kind: "pike";
  t: Micros;
  /** `hit`: let through; `blocked`: newly blocked (-2); `refused`: already blocked (-1); `unblocked` (ip = node id). */
  op: "hit" | "blocked" | "refused" | "unblocked";
  ip: string;
  proc: number;
  /** Hits of the address in the current window (on `hit`). */
  hits?: number;
  req?: number;
}

/** A process becoming busy or idle. */
export interface ProcEvent {
  kind: "proc";
  t: Micros;
  proc: number;
  state: "busy" | "idle";
}

/**
 * A SIP message on the simulated wire (UDP). Every message gets an id when it is sent: `send`
 * when its sender puts it on the wire, `recv` when it reaches the address it was sent to (after
 * the link's latency), `lost` when the link loses it or no one listens there. `from`/`to` are
 * `ip:port`; `fromNode`/`toNode` name the proxy (`kamailio`) or a user agent of the traffic file
 * (`""` when nobody lives at the address).
 */
export interface SipEvent {
  kind: "sip";
  t: Micros;
  op: "send" | "recv" | "lost";
  id: number;
  from: string;
  to: string;
  fromNode: string;
  toNode: string;
  /** A request's method, or the method of the request a reply answers (its CSeq method). */
  method: string;
  /** A reply's status code; absent for a request. */
  status?: number;
  callId: string;
  /** The whole message, as sent. */
  text: string;
  /**
   * Why a `lost` message was lost: the link's seeded loss, nobody at the address, the agent there
   * is down (a traffic-file action unplugged it), or too large for one UDP datagram (sendto()
   * fails with EMSGSIZE; nothing leaves, `lost` comes at once).
   */
  why?: "loss" | "nobody" | "down" | "size";
  /** The proxy's request being handled when the proxy sent it. */
  req?: number;
  /** The proxy's process that sent it. */
  proc?: number;
}

/**
 * tm's transactions (modules/tm): created, a branch sent, a reply received on a branch, a timer
 * fired, the final reply sent upstream, the transaction deleted. `tid` is `hash:label`, as tm's
 * `$T(id_index):$T(id_label)`. `arm`: the timers of one retransmission buffer were set or
 * stopped (timer.h's _set_fr_retr(), restart_rb_fr(), stop_rb_*(), put_on_wait()), so a view
 * can say which timer runs and when it fires; `route`: tm ran a route for a branch's reply
 * (onreply_route, failure_route, event_route[tm:branch-failure]).
 */
export interface TmEvent {
  kind: "tm";
  t: Micros;
  op: "new" | "branch" | "reply" | "retransmit" | "timer" | "final" | "cancel" | "delete" | "arm" | "route";
  tid: string;
  method: string;
  callId: string;
  proc?: number;
  req?: number;
  /** The branch concerned (`branch`, `reply`, `retransmit`, `timer`). */
  branch?: number;
  /** The reply's code (`reply`, `final`, `route`). */
  code?: number;
  /** The branch's destination (`branch`). */
  dst?: string;
  /**
   * Which timer (`timer`, `retransmit`): `fr`, `fr_inv`, `retr` or `wait`. On `arm`, the limit
   * `at` is: `fr` or `fr_inv` (a branch's final-response limit, or the wait for the ACK of a
   * reply sent upstream), `wait` (the transaction is deleted at `at`).
   */
  timer?: "fr" | "fr_inv" | "retr" | "wait";
  /**
   * `arm`: whose timers — a branch's request (`uac`, with `branch`), that branch's local CANCEL
   * (`cancel`), the final reply sent upstream (`uas`) or the transaction (`wait`).
   */
  buf?: "uac" | "cancel" | "uas" | "wait";
  /** `arm`: virtual µs the limit named by `timer` fires at; absent when the buffer's timers stopped. */
  at?: Micros;
  /** `arm`: virtual µs of the next retransmission; absent when none is planned. */
  retrAt?: Micros;
  /** `route`: the route run (`onreply_route[X]`, `failure_route[X]`, `event_route[tm:branch-failure:X]`). */
  route?: string;
}

/** usrloc's location table: a contact inserted, updated, deleted (unregistered) or expired. */
export interface UlEvent {
  kind: "ul";
  t: Micros;
  op: "insert" | "update" | "delete" | "expire";
  /** The table (`location`). */
  table: string;
  aor: string;
  contact: string;
  /** Seconds left at the event (0 for delete and expire). */
  expires: number;
  proc?: number;
  req?: number;
}

/** An acc record (acc's log accounting): the transaction's method, final code and the extra values. */
export interface AccEvent {
  kind: "acc";
  t: Micros;
  /**
   * `transaction`, `missed` or `failed`, as the flag that asked for it; `request` for
   * acc_log_request(), `acked` for the ACK of an accounted INVITE (report_ack).
   */
  type: "transaction" | "missed" | "failed" | "request" | "acked";
  method: string;
  code: number;
  reason: string;
  callId: string;
  fromTag: string;
  toTag: string;
  extra: Record<string, string>;
  proc?: number;
}

/**
 * A value in a cfgt report's variable map, as modules/cfgt/cfgt_json.c writes it: a number or a
 * string (`$var`, other PVs), an array of values newest first (`$avp`), an array of objects of
 * arrays (`$xavp`, whose null items are JSON null).
 */
export type CfgtValue = string | number | null | CfgtValue[] | { [key: string]: CfgtValue };

/** One entry of a cfgt report's `flow`: `start|NAME`, `return|NAME` or `exit|NAME`, and the variables then. */
export interface CfgtFlowEntry {
  key: string;
  vars: Record<string, CfgtValue>;
}

/**
 * A cfgt report saved (modules/cfgt/cfgt_int.c cfgt_save_node(), docs/cfgt.md): the report of
 * one message a SIP worker received, as the file `<uuid>/<msgid>.json` holds it at `t`. A report
 * is saved when its message's script ends and again when the process takes its next message
 * (with what it sent since): the later save replaces the file.
 */
export interface CfgtEvent {
  kind: "cfgt";
  t: Micros;
  proc: number;
  req?: number;
  /** The scenario: the Call-ID's part after `callid_prefix`, or `unknown`. */
  uuid: string;
  /** The message's number in its scenario, from 1. */
  msgid: number;
  flow: CfgtFlowEntry[];
  sipIn: string[];
  sipOut: string[];
}

/**
 * One step of a script run, for the playground's trace of one message (docs/trace.md): opt-in
 * like `cfgt` (ALL_EVENTS leaves it off; only an observer asking for `step` gets the hooks
 * compiled into the routes). `action`: a statement of `route` about to run (kamsim's action, as
 * cfgt's per-action hook sees it). `call`: a module or core function that has returned `result`,
 * with its arguments as written and, when reading them cannot change the run, as evaluated
 * (`null` otherwise), and whether kamsim only stands in for it (docs/kamailio/stand-ins.md).
 * `end`: the script run for the request ended; `pending` lists the header changes (lumps) still
 * recorded on the request and `text` is the request as the lumps would build it (no Via added).
 */
export interface StepEvent {
  kind: "step";
  t: Micros;
  op: "action" | "call" | "end";
  proc: number;
  req?: number;
  /** The route block the step is written in (`request_route`, `RELAY`, `failure_route[X]`...); "" on `end`. */
  route: string;
  /** Config file (`kamailio.cfg` or an include) and the step's place in it; absent on `end`. */
  file?: string;
  line?: number;
  col?: number;
  endLine?: number;
  /** `action`: `if`, `while`, `switch`, `assign`, `call`, `route`, `return`, `exit`, `drop`, `break`. */
  what?: string;
  /** `call`: the function's name, its arguments as written, as evaluated, its return code, stand-in or not. */
  fn?: string;
  args?: string[];
  values?: (string | null)[];
  result?: number;
  standIn?: boolean;
  /** `end`: the pending changes, `+ text` added, `- text` removed, and the request they build. */
  pending?: string[];
  text?: string;
}

/**
 * A traffic-file user agent changed (world/agents): a call's state (`call`), its registration
 * (`register`), its link (`link`: down, unplugged, or back up) or how it answers INVITEs
 * (`answer`). The playground's Traffic panel draws the agents from these. An observer asks for
 * them by name: ALL_EVENTS leaves them off, so `kamsim run --events` prints what it did before.
 */
export interface AgentEvent {
  kind: "agent";
  t: Micros;
  /** The agent's name. */
  agent: string;
  op: "call" | "register" | "link" | "answer";
  /** `call`: the Call-ID, this agent's side, the other end's URI (the callee dialled, or the caller's From). */
  callId?: string;
  role?: "caller" | "callee";
  peer?: string;
  /**
   * `call`: `calling`, `ringing`, `established`, `ended`, `failed` or `cancelled`;
   * `register`: `registering`, `registered`, `unregistered` or `failed`.
   */
  state?: string;
  /** `call`: the INVITE's final code; `register`: the REGISTER's. */
  code?: number;
  /** `register`: when the binding granted runs out (while `registered`). */
  expiresAt?: Micros;
  /** `link`: true when it went down, false when it came back. */
  down?: boolean;
  /** `answer`: how it answers INVITEs now: a final code (`200`, `486`...), `never` or `down`. */
  answer?: string;
}

export type SimEvent =
  | AgentEvent
  | CfgtEvent
  | StepEvent
  | LogEvent
  | RequestEvent
  | ReplyEvent
  | RouteEvent
  | MqEvent
  | TimerEvent
  | PikeEvent
  | ProcEvent
  | SipEvent
  | TmEvent
  | UlEvent
  | AccEvent;
export type SimEventKind = SimEvent["kind"];

/**
 * Which event kinds the observer wants; unwanted ones are never built. `cfgt` and `step` are the
 * kinds an observer must ask for by name: the traces under them wrap every script action
 * (runtime/cfgt/, runtime/step-trace.ts), so ALL_EVENTS leaves them off; and `agent`
 * (the playground's Traffic panel asks for it): `kamsim run --events` prints what it did before.
 */
export type EventWants = Readonly<Record<SimEventKind, boolean>>;

export const ALL_EVENTS: EventWants = {
  log: true,
  request: true,
  reply: true,
  route: true,
  mq: true,
  timer: true,
  pike: true,
  proc: true,
  sip: true,
  tm: true,
  ul: true,
  acc: true,
  cfgt: false,
  step: false,
  agent: false,
};

/** No event kind: what a front end that wants only some kinds starts from. */
export const NO_EVENTS: EventWants = Object.fromEntries(
  Object.keys(ALL_EVENTS).map((k) => [k, false]),
) as unknown as EventWants;

/**
 * Where events go: what the script runtime and the modules see of the simulation kernel
 * (sim/kernel.ts implements it), so that they emit without depending on the kernel itself.
 */
export interface EventOutput {
  readonly wants: EventWants;
  /** Emits an event stamped at `e.t` (at or after the current virtual time). */
  emit(e: SimEvent): void;
}

/**
 * `[SSSS.mmm] line`: the CLI's text format, written as Kamailio writes stderr — a line whose
 * text had no final newline is continued by the next one (no time stamp in between).
 */
export function createLogWriter(write: (text: string) => void): (e: LogEvent) => void {
  let open = false;
  return (e) => {
    write(open ? e.line : `[${formatTimestamp(e.t)}] ${e.line}`);
    if (e.nl) write("\n");
    open = !e.nl;
  };
}

/** One JSON line, as README.md's "Command line" describes `--format jsonl`: `t` in seconds (millisecond precision). */
export function formatJsonLine(e: SimEvent): string {
  const { t, ...rest } = e;
  const out: Record<string, unknown> = { t: Math.floor(t / 1000) / 1000, ...rest };
  if (e.kind === "log") {
    delete out.line;
    delete out.nl;
  }
  return JSON.stringify(out);
}
