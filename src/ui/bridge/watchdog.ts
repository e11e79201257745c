/**
 * The page's watchdog over the simulation worker. Engine work can run long — a script loop with
 * `max_while_loops=0` matching a regular expression against a megabyte string, a config that
 * takes seconds to compile — and a busy worker reads no message: the page said "running" or
 * "loading" for ever and Reset was a message nobody read. The bridge tells the watchdog which
 * answer it waits for; when the worker sends nothing at all for `limitMs` while an answer is
 * awaited, `hung` is called (the bridge then ends the worker and starts another).
 *
 * Only awaited answers count: a page that has not acknowledged the last frame (a hidden tab
 * paints nothing) awaits no frame, and the worker, by its flow control, sends none — that is not
 * a hang. Time while the page is hidden does not count either.
 */

/** What the page waits for: a fresh run (`loaded`), diagnostics, a frame, a reply to a request. */
export type Awaited = "loaded" | "diagnostics" | "frame" | "reply";

/** The worker's message types, by the answer each one is. */
const ANSWERS: Readonly<Record<string, Awaited>> = {
  loaded: "loaded",
  diagnostics: "diagnostics",
  frame: "frame",
  rpcResult: "reply",
  requestText: "reply",
  runTraffic: "reply",
};

export interface WatchdogClock {
  now(): number;
  every(fn: () => void, ms: number): unknown;
  stop(handle: unknown): void;
  /** Whether the page is out of sight (its waiting then does not count). */
  hidden(): boolean;
}

const browserClock: WatchdogClock = {
  now: () => performance.now(),
  every: (fn, ms) => setInterval(fn, ms),
  stop: (h) => clearInterval(h as ReturnType<typeof setInterval>),
  hidden: () => typeof document !== "undefined" && document.visibilityState === "hidden",
};

/** How often the watchdog looks (its answer comes at most this late). */
const CHECK_EVERY_MS = 500;
/**
 * A look this much later than due means the page itself could not run (a starved machine: a CI
 * runner at load 20 held a page's timers for seconds): that time does not count against the
 * worker, which was starved alike.
 */
const STARVED_MS = 1_000;

export class Watchdog {
  /** Answers awaited, by kind. A frame is awaited or not: any frame answers every request for one. */
  private readonly counts = new Map<Exclude<Awaited, "frame">, number>();
  private frame = false;
  /** When the worker last showed progress while an answer was awaited; undefined when none is. */
  private since: number | undefined;
  private timer: unknown;
  /** When the watchdog last looked (or started looking). */
  private lastCheck = 0;

  /**
   * `limitMs` for a frame or a reply; `loadLimitMs` for a fresh run or diagnostics, which a new
   * worker gives only after fetching and starting its script and compiling the texts — seconds
   * on a loaded machine (a CI runner at load 20 took 9–16 s for nine pages at once), though the
   * compile itself is bounded (2 MB of text, linear regular expressions).
   */
  constructor(
    readonly limitMs: number,
    private readonly hung: (what: Awaited, waitedMs: number) => void,
    private readonly clock: WatchdogClock = browserClock,
    readonly loadLimitMs = limitMs,
  ) {}

  /** The page sent something the worker answers with `what`. */
  expect(what: Awaited): void {
    if (what === "frame") this.frame = true;
    else this.counts.set(what, (this.counts.get(what) ?? 0) + 1);
    if (this.since === undefined) this.since = this.clock.now();
    if (this.timer === undefined) {
      this.lastCheck = this.clock.now();
      this.timer = this.clock.every(() => this.check(), CHECK_EVERY_MS);
    }
  }

  /** A message of `type` came from the worker: progress, and maybe the awaited answer. */
  heard(type: string): void {
    const what = ANSWERS[type];
    if (what === "frame") this.frame = false;
    else if (what !== undefined) {
      const n = this.counts.get(what) ?? 0;
      if (n > 1) this.counts.set(what, n - 1);
      else this.counts.delete(what);
    }
    if (this.waiting()) this.since = this.clock.now();
    else this.clear();
  }

  /** How long the page has waited for an answer with no word from the worker (0 when it awaits none). */
  waitedMs(): number {
    return this.since === undefined ? 0 : this.clock.now() - this.since;
  }

  /** Forgets everything awaited (the worker was replaced). */
  clear(): void {
    this.counts.clear();
    this.frame = false;
    this.since = undefined;
    if (this.timer !== undefined) this.clock.stop(this.timer);
    this.timer = undefined;
  }

  private waiting(): boolean {
    return this.frame || this.counts.size > 0;
  }

  /** The most telling answer awaited: a fresh run, then a frame, then diagnostics, then a reply. */
  private awaited(): Awaited {
    if (this.counts.has("loaded")) return "loaded";
    if (this.frame) return "frame";
    return this.counts.has("diagnostics") ? "diagnostics" : "reply";
  }

  private check(): void {
    if (this.since === undefined) return;
    const now = this.clock.now();
    const late = now - this.lastCheck - CHECK_EVERY_MS;
    this.lastCheck = now;
    // Out of sight, the page's own timers and paints are throttled: the wait starts again.
    if (this.clock.hidden()) {
      this.since = now;
      return;
    }
    if (late > STARVED_MS) this.since = Math.min(now, this.since + late);
    const waited = now - this.since;
    const what = this.awaited();
    if (waited <= (what === "loaded" || what === "diagnostics" ? this.loadLimitMs : this.limitMs)) return;
    this.clear();
    this.hung(what, waited);
  }
}
