/**
 * The bridge owns the worker: it sends the page's requests, applies the worker's messages to
 * the store, and when the worker fails it says so and starts a new one with the same texts —
 * the editor's text is never lost, it lives in the store.
 */
import { formatTimestamp, parseDefinesText } from "../../engine/index.js";
import type { AgentAction, SendOneFields } from "../../protocol/agents.js";
import { type FromWorker, PROTOCOL_VERSION, parseFromWorker, type ToWorker } from "../../protocol/messages.js";
import type { MessageTrace, TraceTarget } from "../../protocol/trace.js";
import { applyFrame, applyLoaded } from "../store/apply.js";
import { useStore } from "../store/store.js";
import { closeTrace } from "../store/trace.js";
import { type Awaited, Watchdog } from "./watchdog.js";

/** The run's traffic as a file (see the worker's RunTraffic). */
export interface SavedTraffic {
  text: string;
  exact: boolean;
  note: string;
}

type Outgoing = ToWorker extends infer T ? (T extends { v: number } ? Omit<T, "v"> : never) : never;

const CHECK_DELAY_MS = 300;
/**
 * How long the worker may send nothing while the page awaits an answer before it is ended (see
 * watchdog.ts). Compiling the largest config (2 MB) and a script run at the step budget take
 * well under a second on a loaded machine; a frame is due every 16 ms.
 */
export const WATCHDOG_MS = 8_000;
/** The same for a fresh run or diagnostics: a new worker's start and a compile (see watchdog.ts). */
export const WATCHDOG_LOAD_MS = 30_000;
/** Reset and Apply replace a worker that has not answered for this long, instead of queueing behind it. */
const BUSY_MS = 1_000;

/** The answer each request gets from the worker (frameAck: only while running, see send). */
const ANSWER: Partial<Record<Outgoing["type"], Awaited>> = {
  load: "loaded",
  reset: "loaded",
  check: "diagnostics",
  run: "frame",
  step: "frame",
  pause: "frame",
  frameAck: "frame",
  rpc: "reply",
  request: "reply",
  message: "reply",
  saveTraffic: "reply",
};

export class WorkerBridge {
  private worker: Worker | undefined;
  private checkTimer: ReturnType<typeof setTimeout> | undefined;
  /** A run was asked for while a fresh run was being loaded (see "loaded"). */
  private runAfterLoad = false;
  private rpcId = 0;
  private readonly rpcWaiting = new Map<number, (text: string) => void>();
  private readonly savesWaiting = new Map<number, (saved: SavedTraffic) => void>();
  private readonly tracesWaiting = new Map<number, (r: { trace: MessageTrace } | { error: string }) => void>();
  private readonly watchdog = new Watchdog(WATCHDOG_MS, (what, ms) => this.hung(what, ms), undefined, WATCHDOG_LOAD_MS);
  /** Whether the worker holds texts to reset to (not after a load that hung). */
  private hasTexts = false;

  constructor(private readonly makeWorker: () => Worker) {}

  start(): void {
    this.spawn();
    this.load();
  }

  /** A new worker, with nothing loaded; the old one, if any, is ended. */
  private spawn(): void {
    this.worker?.terminate();
    this.watchdog.clear();
    this.hasTexts = false;
    this.worker = this.makeWorker();
    this.worker.onmessage = (e) => this.receive(e.data);
    this.worker.onerror = (e) => this.failed(e.message || "the simulation worker stopped");
  }

  /**
   * The worker sent nothing for WATCHDOG_MS while the page awaited an answer: it is ended and a
   * new one started, the texts kept (they live in the store). After a run that hung, the new
   * worker loads the same texts and stays paused at t = 0 — running them again is the user's
   * choice, so a script that always runs long cannot restart-loop the page. Texts whose loading
   * or checking hung are not loaded again until the user applies them.
   */
  private hung(what: Awaited, waitedMs: number): void {
    const s = useStore.getState();
    const secs = Math.round(waitedMs / 1000);
    const at = formatTimestamp(s.t).trim();
    for (const answer of this.rpcWaiting.values())
      answer("error: 500 - the simulation was stopped: it did not answer\n");
    this.rpcWaiting.clear();
    this.spawn();
    useStore.setState({ workerRestarts: s.workerRestarts + 1 });
    if (what === "loaded" || what === "diagnostics") {
      const doing = what === "loaded" ? "Loading" : "Checking";
      useStore.setState({ status: "error" });
      s.setNotice(
        `${doing} the texts took more than ${secs} s and was stopped. Your texts are kept: change them and Apply.`,
      );
      return;
    }
    s.setNotice(
      `The simulation took more than ${secs} s on one step and was stopped after t = ${at} s. It was loaded again at t = 0 and is paused; your texts are kept.`,
    );
    this.load();
  }

  /** Ends the worker (tests use this to check recovery). */
  kill(): void {
    this.worker?.terminate();
    this.failed("the simulation worker was stopped");
  }

  private failed(message: string): void {
    const s = useStore.getState();
    s.setNotice(`The simulation stopped unexpectedly (${message}). It was restarted; your texts are kept.`);
    useStore.setState({ workerRestarts: s.workerRestarts + 1, status: "loading" });
    this.worker?.terminate();
    this.start();
  }

  private send(msg: Outgoing): void {
    if (!this.worker) return;
    const answer = ANSWER[msg.type];
    const status = useStore.getState().status;
    // A frame follows an ack only while the worker runs, and a run only with a simulation loaded
    // or loading (a load that fails drops the wait, see receive).
    const noFrame = (msg.type === "frameAck" && status !== "running") || (msg.type === "run" && status === "error");
    if (answer && !noFrame) this.watchdog.expect(answer);
    this.worker.postMessage({ ...msg, v: PROTOCOL_VERSION });
  }

  private receive(data: unknown): void {
    const msg = parseFromWorker(data);
    if (!msg) return;
    this.watchdog.heard(msg.type);
    if (msg.type === "loaded") {
      this.hasTexts = true;
      // No simulation: a run asked for with it gets no frame.
      if (!msg.ok) this.watchdog.heard("frame");
    }
    this.apply(msg);
  }

  private apply(msg: FromWorker): void {
    switch (msg.type) {
      case "diagnostics":
        useStore.getState().setDiagnostics(msg.config, msg.traffic, msg.program);
        return;
      case "loaded":
        applyLoaded(msg);
        // A trace is of the run before: its lines may no longer be the config's.
        closeTrace();
        // Run asked for a fresh run first (after the end, or after edits): the worker runs it
        // next, so it is running, not "ready" — else a run that pauses by itself in its first
        // frame (runUntil at high speed) would read "ready" at t = 2.1 s instead of "paused".
        if (this.runAfterLoad && msg.ok) useStore.setState({ status: "running" });
        this.runAfterLoad = false;
        return;
      case "frame":
        applyFrame(msg);
        // After the page has painted it: at most one frame per display frame, never a backlog.
        requestAnimationFrame(() => this.send({ type: "frameAck" }));
        return;
      case "rpcResult":
      case "requestText":
      case "messageText":
        this.rpcWaiting.get(msg.id)?.(msg.text ?? "");
        this.rpcWaiting.delete(msg.id);
        return;
      case "trace":
        this.tracesWaiting.get(msg.id)?.(msg.trace ? { trace: msg.trace } : { error: msg.error ?? "no trace" });
        this.tracesWaiting.delete(msg.id);
        return;
      case "runTraffic":
        this.savesWaiting.get(msg.id)?.({ text: msg.text, exact: msg.exact, note: msg.note });
        this.savesWaiting.delete(msg.id);
        return;
      case "notice":
        useStore.getState().setNotice(msg.message);
        return;
      case "crash":
        this.failed(msg.message);
        return;
    }
  }

  /**
   * Compiles the editor's texts with the defines box's defines and prepares a fresh run (Apply,
   * Reset after edits). A box with a mistake is not half-applied: nothing is loaded, the page is
   * in error and the notice says what is wrong (in the CLI's words for -D). Returns whether it loaded.
   */
  load(): boolean {
    const s = useStore.getState();
    const { defines, error } = parseDefinesText(s.defines);
    if (error !== undefined) {
      useStore.setState({ status: "error" });
      s.setNotice(`Not loaded: the defines box says: ${error}.`);
      return false;
    }
    this.replaceIfBusy();
    useStore.setState({ status: "loading" });
    this.send({ type: "load", config: s.config, traffic: s.traffic, seed: s.seed, defines });
    s.markApplied();
    return true;
  }

  /**
   * Checks the texts shortly after the user stops typing (diagnostics only), with the defines
   * box's well-formed entries (so the dimmed #!ifdef regions follow the box as it is typed).
   */
  checkSoon(): void {
    clearTimeout(this.checkTimer);
    this.checkTimer = setTimeout(() => {
      const s = useStore.getState();
      const { defines } = parseDefinesText(s.defines);
      this.send({ type: "check", config: s.config, traffic: s.traffic, defines });
    }, CHECK_DELAY_MS);
  }

  /** Runs at the chosen speed; with `until` (virtual µs), pauses when the clock reaches it. */
  run(until?: number): void {
    const s = useStore.getState();
    if (s.dirty && !this.load()) return;
    if (useStore.getState().status === "ended") this.reset();
    this.runAfterLoad = useStore.getState().status === "loading" || s.status === "ended";
    this.send({ type: "run", speed: s.speed, ...(until !== undefined ? { until } : {}) });
    useStore.setState({ status: "running" });
  }

  pause(): void {
    this.send({ type: "pause" });
    useStore.setState({ status: "paused" });
  }

  step(): void {
    this.send({ type: "step" });
    useStore.setState({ status: "paused" });
  }

  reset(): void {
    if (useStore.getState().dirty || !this.hasTexts || this.replaceIfBusy()) this.load();
    else this.send({ type: "reset" });
  }

  /**
   * Reset and Apply always work: a worker that has not answered for BUSY_MS (deep in a long
   * step) would read them only when done, so it is replaced. Returns whether it was.
   */
  private replaceIfBusy(): boolean {
    if (this.watchdog.waitedMs() <= BUSY_MS) return false;
    this.spawn();
    return true;
  }

  setSpeed(speed: number): void {
    useStore.getState().setSpeed(speed);
    this.send({ type: "speed", speed });
  }

  flood(src: string, rate: number, duration: number): void {
    this.send({ type: "flood", src, rate, duration });
  }

  sendOne(method: string, src: string, fields?: SendOneFields): void {
    this.send({ type: "sendOne", method, src, ...(fields ? { fields } : {}) });
  }

  /** The traffic file's agent at `agent` does `action` now (written into Save traffic). */
  agentAction(agent: number, action: AgentAction): void {
    this.send({ type: "agentAction", agent, action });
  }

  setRate(stream: number, rate: number): void {
    this.send({ type: "rate", stream, rate });
  }

  /** The SIP text of a recent request ("" when it is too old). */
  requestText(req: number): Promise<string> {
    const id = ++this.rpcId;
    return new Promise((resolve) => {
      this.rpcWaiting.set(id, resolve);
      this.send({ type: "request", id, req });
    });
  }

  /** The wire text of a network message (a Ladder row's id; "" when the ladder no longer keeps it). */
  messageText(msg: number): Promise<string> {
    const id = ++this.rpcId;
    return new Promise((resolve) => {
      this.rpcWaiting.set(id, resolve);
      this.send({ type: "message", id, msg });
    });
  }

  /** What the proxy did with one message: the worker replays the run to it (docs/trace.md). */
  trace(target: TraceTarget): Promise<{ trace: MessageTrace } | { error: string }> {
    const id = ++this.rpcId;
    return new Promise((resolve) => {
      this.tracesWaiting.set(id, resolve);
      this.send({ type: "trace", id, target });
    });
  }

  /** traffic.json plus the streams Flood and Send one added: `kamsim run` with it replays this run. */
  saveTraffic(): Promise<SavedTraffic> {
    const id = ++this.rpcId;
    return new Promise((resolve) => {
      this.savesWaiting.set(id, resolve);
      this.send({ type: "saveTraffic", id });
    });
  }

  rpc(command: string, args: string[]): Promise<string> {
    const id = ++this.rpcId;
    return new Promise((resolve) => {
      this.rpcWaiting.set(id, resolve);
      this.send({ type: "rpc", id, command, args });
    });
  }
}

let bridge: WorkerBridge | undefined;

/** The page's one bridge (created by main.tsx). */
export function getBridge(): WorkerBridge {
  if (!bridge) throw new Error("the worker bridge is not started");
  return bridge;
}

export function startBridge(make: () => Worker): WorkerBridge {
  bridge = new WorkerBridge(make);
  bridge.start();
  return bridge;
}
