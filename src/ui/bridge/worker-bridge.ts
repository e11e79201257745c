/**
 * The bridge owns the worker: it sends the page's requests, applies the worker's messages to
 * the store, and when the worker fails it says so and starts a new one with the same texts —
 * the editor's text is never lost, it lives in the store.
 */
import { type FromWorker, PROTOCOL_VERSION, parseFromWorker, type ToWorker } from "../../protocol/messages.js";
import { applyFrame, applyLoaded } from "../store/apply.js";
import { useStore } from "../store/store.js";

/** The run's traffic as a file (see the worker's RunTraffic). */
export interface SavedTraffic {
  text: string;
  exact: boolean;
  note: string;
}

type Outgoing = ToWorker extends infer T ? (T extends { v: number } ? Omit<T, "v"> : never) : never;

const CHECK_DELAY_MS = 300;

export class WorkerBridge {
  private worker: Worker | undefined;
  private checkTimer: ReturnType<typeof setTimeout> | undefined;
  private rpcId = 0;
  private readonly rpcWaiting = new Map<number, (text: string) => void>();
  private readonly savesWaiting = new Map<number, (saved: SavedTraffic) => void>();

  constructor(private readonly makeWorker: () => Worker) {}

  start(): void {
    this.worker = this.makeWorker();
    this.worker.onmessage = (e) => this.receive(e.data);
    this.worker.onerror = (e) => this.failed(e.message || "the simulation worker stopped");
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
    this.worker?.postMessage({ ...msg, v: PROTOCOL_VERSION });
  }

  private receive(data: unknown): void {
    const msg = parseFromWorker(data);
    if (msg) this.apply(msg);
  }

  private apply(msg: FromWorker): void {
    switch (msg.type) {
      case "diagnostics":
        useStore.getState().setDiagnostics(msg.config, msg.traffic, msg.program);
        return;
      case "loaded":
        applyLoaded(msg);
        return;
      case "frame":
        applyFrame(msg);
        // After the page has painted it: at most one frame per display frame, never a backlog.
        requestAnimationFrame(() => this.send({ type: "frameAck" }));
        return;
      case "rpcResult":
      case "requestText":
        this.rpcWaiting.get(msg.id)?.(msg.text ?? "");
        this.rpcWaiting.delete(msg.id);
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

  /** Compiles the editor's texts and prepares a fresh run (Apply, Reset after edits). */
  load(): void {
    const s = useStore.getState();
    useStore.setState({ status: "loading" });
    this.send({ type: "load", config: s.config, traffic: s.traffic, seed: s.seed });
    s.markApplied();
  }

  /** Checks the texts shortly after the user stops typing (diagnostics only). */
  checkSoon(): void {
    clearTimeout(this.checkTimer);
    this.checkTimer = setTimeout(() => {
      const s = useStore.getState();
      this.send({ type: "check", config: s.config, traffic: s.traffic });
    }, CHECK_DELAY_MS);
  }

  /** Runs at the chosen speed; with `until` (virtual µs), pauses when the clock reaches it. */
  run(until?: number): void {
    const s = useStore.getState();
    if (s.dirty) this.load();
    if (useStore.getState().status === "ended") this.reset();
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
    if (useStore.getState().dirty) this.load();
    else this.send({ type: "reset" });
  }

  setSpeed(speed: number): void {
    useStore.getState().setSpeed(speed);
    this.send({ type: "speed", speed });
  }

  flood(src: string, rate: number, duration: number): void {
    this.send({ type: "flood", src, rate, duration });
  }

  sendOne(method: string, src: string): void {
    this.send({ type: "sendOne", method, src });
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
