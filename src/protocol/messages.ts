/**
 * The one protocol between the playground's page and its worker: plain, structured-clone-safe
 * data, a `type` tag on every message, and a version. Both ends switch exhaustively; messages
 * are checked once where they arrive (`parseToWorker`, `parseFromWorker`).
 */
import type { PlacedDiagnostic, ProgramInfo, SimEvent } from "../engine/index.js";
import type { AgentAction, AgentRow, SendOneFields } from "./agents.js";
import type { MessageTrace, TraceTarget } from "./trace.js";
import type { RegistrationsView, TransactionsView } from "./views.js";

/** 2: diagnostics carry the config's ProgramInfo, processes their label. */
export const PROTOCOL_VERSION = 2;

/** What the page asks of the worker. */
export type ToWorker =
  /**
   * Compile config + traffic and prepare a fresh simulation (paused at t = 0); `defines`: the
   * playground's defines box, as `-D NAME=VALUE` gives them (none when absent).
   */
  | { type: "load"; v: number; config: string; traffic: string; seed?: number; defines?: Record<string, string> }
  /** Check texts while the user types (diagnostics only; nothing runs). */
  | { type: "check"; v: number; config: string; traffic: string; defines?: Record<string, string> }
  /**
   * Run at `speed` × real time (`Infinity`: as fast as possible); with `until` (virtual µs), pause
   * when the clock reaches it (a lesson's checkpoint, a test's fixed moment).
   */
  | { type: "run"; v: number; speed: number; until?: number }
  | { type: "pause"; v: number }
  /** Run the next task only. */
  | { type: "step"; v: number }
  /** Back to t = 0 with the same texts. */
  | { type: "reset"; v: number }
  | { type: "speed"; v: number; speed: number }
  /** The page has drawn the last frame: the worker may send the next one (flow control). */
  | { type: "frameAck"; v: number }
  /** A burst of requests from `src` at `rate`/s for `duration` s, from now. */
  | { type: "flood"; v: number; src: string; rate: number; duration: number }
  /** One request of `method` from `src`, now; `fields` as a stream writes them (R-URI, From, To, headers, body). */
  | { type: "sendOne"; v: number; method: string; src: string; fields?: SendOneFields }
  /** The traffic file's agent at `agent` (its index) does `action` now (written into Save traffic). */
  | { type: "agentAction"; v: number; agent: number; action: AgentAction }
  /** A stream's rate from now on. */
  | { type: "rate"; v: number; stream: number; rate: number }
  /** A kamcmd-style command against the current state. */
  | { type: "rpc"; v: number; id: number; command: string; args: string[] }
  /** The SIP text of request `req` (for the Log's line details). */
  | { type: "request"; v: number; id: number; req: number }
  /** The wire text of network message `msg` (a Ladder row's id), kept with the ladder's rows. */
  | { type: "message"; v: number; id: number; msg: number }
  /** The run's traffic as a file: traffic.json plus a stream per Flood and Send one. */
  | { type: "saveTraffic"; v: number; id: number }
  /** The trace of one message the proxy received (docs/trace.md): replayed on demand. */
  | { type: "trace"; v: number; id: number; target: TraceTarget };

/** Counters the dashboard shows in large numerals. */
export interface Counters {
  received: number;
  dropped: number;
  refused: number;
  queued: number;
  alerts: number;
  replies: number;
  /** Requests that arrived in the last virtual second (a rate over virtual time, not per frame). */
  rate: number;
}

/** What the worker tells the page. */
export type FromWorker =
  /**
   * Diagnostics of the texts last checked or loaded (placed: file, line, col), and what that
   * config declares (modules, routes, queues, timers, tables), for the editor's helpers.
   */
  | { type: "diagnostics"; v: number; config: PlacedDiagnostic[]; traffic: PlacedDiagnostic[]; program: ProgramInfo }
  /** A simulation is ready (or could not be made: `ok` false, see diagnostics). */
  | {
      type: "loaded";
      v: number;
      ok: boolean;
      processes: ProcessInfo[];
      queues: QueueInfo[];
      timers: TimerInfo[];
      streams: StreamInfo[];
      /** pike's settings, when pike is loaded: the limit per window and the window's length (µs). */
      pike?: { limit: number; windowUs: number };
      /** The traffic file's agents as they start (absent when it has none). */
      agents?: AgentRow[];
    }
  /** At most one per display frame: the events since the last frame, and the state now. */
  | {
      type: "frame";
      v: number;
      /** Virtual time now, in microseconds. */
      t: number;
      running: boolean;
      /** The run reached the traffic's duration. */
      ended: boolean;
      /** Log, timer, queue and pike events since the last frame (capped; see `dropped`). */
      events: SimEvent[];
      /** Events left out of this frame to keep it small (the counters still count them). */
      dropped: number;
      counters: Counters;
      /** Items in each queue now. */
      queues: Record<string, number>;
      /** Routes entered since the last frame (the editor marks their headers). */
      routesRan: string[];
      /** Each queue's depth over the frame, sampled in virtual time (peak and last per 50 ms). */
      queuePoints: Record<string, { t: number; v: number }[]>;
      /** Items each queue dropped on overflow since the last frame, counted from every mq event. */
      queueDrops: Record<string, number>;
      /** Microseconds each process (by index) was busy since the last frame. */
      busyUs: Record<number, number>;
      /** Which processes are busy now (by index). */
      busy: number[];
      /** Firings of each timer since t = 0, counted from every firing (the events carry the newest only). */
      timerFirings: Record<string, number>;
      /** Datagrams waiting in the socket's receive queue now. */
      rxQueued: number;
      /** pike's busiest nodes now. */
      pike: PikeRow[];
      /** SIP messages on the network since the last frame (absent when none sent or ended). */
      ladder?: LadderDelta;
      /** The agents whose state changed since the last frame (absent when none did). */
      agents?: AgentRow[];
      /** usrloc's table, when a `ul` event changed it since the last frame (protocol/views.ts). */
      registrations?: RegistrationsView;
      /** tm's transactions, when a `tm` event changed them since the last frame. */
      transactions?: TransactionsView;
    }
  | { type: "rpcResult"; v: number; id: number; ok: boolean; text: string }
  /** A request's SIP text, or undefined when it is too old to be kept. */
  | { type: "requestText"; v: number; id: number; text: string | undefined }
  /** A network message's wire text, or undefined when the ladder no longer keeps it. */
  | { type: "messageText"; v: number; id: number; text: string | undefined }
  /** The run's traffic file; `exact` false when it cannot replay the run (see `note`). */
  | { type: "runTraffic"; v: number; id: number; text: string; exact: boolean; note: string }
  /** The trace asked for, or why there is none. */
  | { type: "trace"; v: number; id: number; trace?: MessageTrace; error?: string }
  /** Something the user asked for could not be done (e.g. a Flood after the run's end). */
  | { type: "notice"; v: number; message: string }
  /** Something failed inside the worker (a bug): the page says so and restarts it. */
  | { type: "crash"; v: number; message: string };

export interface ProcessInfo {
  index: number;
  pid: number;
  name: string;
  /** The engine's short name for views (`SIP worker 0`, `rtimer ta`). */
  label: string;
  kind: string;
}

export interface QueueInfo {
  name: string;
  /** 0 = unlimited. */
  limit: number;
}

export interface TimerInfo {
  name: string;
  intervalUs: number;
  mode: number;
}

export interface StreamInfo {
  index: number;
  name: string;
  src: string;
  method: string;
  rate: number;
  /** The most requests it sends (`count` in traffic.json); null when only time bounds it. */
  count: number | null;
}

/** One address in pike's tree, for the Pike view. */
export interface PikeRow {
  prefix: string;
  depth: number;
  hits: number;
  leafHits: number;
  blocked: boolean;
  isAddress: boolean;
}

/**
 * One SIP message on the simulated network, as the Ladder draws it: one row per datagram sent
 * (engine `sip` events: `send`, then `recv` or `lost`; a message too large for a datagram is
 * `lost` at once with no `send`). The wire text stays in the worker (`message` asks for it).
 */
export interface LadderRow {
  /** The datagram's id in the run's `sip` events. */
  id: number;
  /** Virtual µs it was sent at. */
  t: number;
  /** Virtual µs it arrived or was lost at; absent while in flight. */
  end?: number;
  /** Why it was lost (the `sip` event's `why`); absent when it arrived or is in flight. */
  lost?: "loss" | "nobody" | "down" | "size";
  /** Addresses, `ip:port`. */
  from: string;
  to: string;
  /** Endpoint names (an agent's, `kamailio` for the proxy); "" when nobody listens there. */
  fromNode: string;
  toNode: string;
  /** A request's method, or the CSeq method a reply answers. */
  method: string;
  /** A reply's status code and reason phrase. */
  status?: number;
  reason?: string;
  callId: string;
}

/** The ladder's news in one frame: rows sent since the last frame, and the ends of earlier rows. */
export interface LadderDelta {
  /** New rows in send order (the newest, at most as many as the page keeps). */
  rows: LadderRow[];
  /** Rows of earlier frames that have since arrived or been lost. */
  ends: { id: number; end: number; lost?: LadderRow["lost"] }[];
  /** Messages sent since t = 0 (rows dropped from the worker's ring included). */
  total: number;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null;
}

const TO_WORKER = new Set([
  "load",
  "check",
  "run",
  "pause",
  "step",
  "reset",
  "speed",
  "frameAck",
  "flood",
  "sendOne",
  "agentAction",
  "rate",
  "rpc",
  "request",
  "message",
  "saveTraffic",
  "trace",
]);
const FROM_WORKER = new Set([
  "diagnostics",
  "loaded",
  "frame",
  "rpcResult",
  "requestText",
  "messageText",
  "runTraffic",
  "notice",
  "crash",
  "trace",
]);

/** Checks a message arriving at the worker; undefined when it is not one of ours. */
export function parseToWorker(data: unknown): ToWorker | undefined {
  if (!isObject(data) || data.v !== PROTOCOL_VERSION || typeof data.type !== "string" || !TO_WORKER.has(data.type))
    return undefined;
  return data as ToWorker;
}

/** Checks a message arriving at the page; undefined when it is not one of ours. */
export function parseFromWorker(data: unknown): FromWorker | undefined {
  if (!isObject(data) || data.v !== PROTOCOL_VERSION || typeof data.type !== "string" || !FROM_WORKER.has(data.type))
    return undefined;
  return data as FromWorker;
}
