/**
 * One differential case, end to end: kamsim runs the folder's kamailio.cfg against its
 * traffic.json in-process; then the real Kamailio starts on the same config, the harness sends
 * it the same requests at the same times (relative to t = 0, see kamailio-process.ts), stops
 * it at the plan's end, and the two runs are normalised and compared.
 *
 * A case folder may hold `case.json` (see `CaseOptions`): `tolerance`, and for a case kamsim
 * cannot agree with yet, `knownDeviation` (why) with `differs` (the disagreements expected).
 *
 * A config with its own `listen=udp:127.0.0.1:PORT` (e.g. to show `$Rp`) is started without the
 * harness's `-l` (Kamailio would listen on both, and fork SIP workers for each) and the requests
 * go to PORT.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { setPriority, tmpdir } from "node:os";
import { basename, join } from "node:path";
import { performance } from "node:perf_hooks";
import { parseTrafficText, type TrafficPlan } from "../../../src/engine/index.js";
import { compareRuns, type Disagreement, median } from "./compare.js";
import { compareAgents, renderAgents } from "./compare-sip.js";
import { freeUdpPort, NICENESS, startKamailio, waitForChildren } from "./kamailio-process.js";
import { CONFIG_NAME, runKamsim } from "./kamsim-run.js";
import { keepComparable, type LogRecord, toRecords } from "./normalize.js";
import { type AgentWire, agentsOf, playAgentsFor } from "./play-agents.js";
import { sendTraffic } from "./sender.js";
import { watchStalls } from "./stalls.js";
import { WallClock } from "./wall-clock.js";

export interface CaseResult {
  name: string;
  /** The case's `case.json`, defaults filled in. */
  options: CaseOptions;
  disagreements: Disagreement[];
  /** Log lines found on both sides. */
  matched: number;
  /** Comparable lines on each side. */
  kamsimLines: number;
  kamailioLines: number;
  /** Largest |Δt| of a matched line, seconds. */
  maxSkew: number;
  /** Median of Kamailio's time minus kamsim's over matched lines, seconds (the harness's offset). */
  medianSkew: number;
  /** Requests sent. */
  requests: number;
  /** Requests whose replies (or none) agree. */
  repliesAgreed: number;
  /** SIP messages the traffic's user agents received on both sides alike (compare-sip.ts), and in all. */
  messagesMatched: number;
  messages: number;
  /** pike BLOCK lines on Kamailio's side, and whether both sides refused the same requests first. */
  pikeBlocks: number;
  pikeAgreed: boolean;
  /** Largest delay of a send after its planned time, seconds. */
  maxLateness: number;
  /** Source ports that could not be bound as planned. */
  deviations: string[];
  /** The machine's 1-minute load average when the case started (a busy machine delays both sides). */
  load: number;
  /** Longest stall of the harness while Kamailio ran (seconds; see stalls.ts). */
  maxStall: number;
  /** Wall-clock seconds: whole case, and Kamailio's start until t = 0. */
  seconds: { total: number; startup: number };
  /** The compared records, printed, for reading a failure (the agents' messages after the log lines). */
  kamsimLog: string;
  kamailioLog: string;
}

/** A case's `case.json`. */
export interface CaseOptions {
  /** Seconds a matched line may be away from kamsim's time (default 0.15). */
  tolerance?: number;
  /**
   * Why kamsim cannot agree with Kamailio on this case yet. The case still runs and its result
   * is reported; the test then asserts that it still differs, exactly as `differs` says, so the
   * marker must go once kamsim is fixed.
   */
  knownDeviation?: string;
  /**
   * Regular expressions over the disagreements (`kind: text`) of a known deviation: every
   * disagreement must match one of them, and each must match at least one disagreement.
   */
  differs?: string[];
  /**
   * An absolute path of a config to run instead of the folder's kamailio.cfg, read when the case
   * runs (Debian's `/etc/kamailio/kamailio.cfg`: never copied into the repository). Missing, the
   * case fails.
   */
  config?: string;
  /** Preprocessor defines for both sides (Kamailio's `-A NAME`), e.g. `["WITH_ANTIFLOOD"]`. */
  defines?: string[];
}

/** The config a case runs: its case.json's `config`, else the folder's kamailio.cfg. */
export function caseConfig(dir: string, opts: Pick<CaseOptions, "config">): string {
  const file = opts.config ?? join(dir, CONFIG_NAME);
  if (!existsSync(file))
    throw new Error(`${file} is missing${opts.config ? " (case.json `config`: install Debian's kamailio)" : ""}`);
  return readFileSync(file, "utf8");
}

const DEFAULT_TOLERANCE = 0.15;

/**
 * Raises this process's CPU priority (it sends the requests and timestamps Kamailio's lines)
 * where allowed. Linux keeps a niceness per thread: every thread gets it, the garbage
 * collector's helpers too, or the main thread would wait for them on a busy machine.
 */
export function raisePriority(): void {
  for (const tid of readdirSync("/proc/self/task")) {
    try {
      setPriority(Number(tid), NICENESS);
    } catch {
      // not allowed (not root): run at normal priority
    }
  }
}

const render = (rs: readonly LogRecord[]) =>
  rs.map((r) => `[${r.t.toFixed(3)}] ${String(r.proc).padStart(2)}| ${r.text}\n`).join("");

export function readPlan(dir: string): TrafficPlan {
  const parsed = parseTrafficText(readFileSync(join(dir, "traffic.json"), "utf8"));
  if ("errors" in parsed)
    throw new Error(`traffic.json: ${parsed.errors.map((e) => `${e.path}: ${e.message}`).join("; ")}`);
  return parsed.plan;
}

/** Runs the case in `dir` on both sides and compares them. */
export async function runDifferentialCase(dir: string): Promise<CaseResult> {
  const started = performance.now();
  const load = Number(readFileSync("/proc/loadavg", "utf8").split(" ")[0]);
  raisePriority();
  const opts: CaseOptions = existsSync(join(dir, "case.json"))
    ? JSON.parse(readFileSync(join(dir, "case.json"), "utf8"))
    : {};
  const config = caseConfig(dir, opts);
  const defines = opts.defines ?? [];
  const ownPort = /^\s*listen\s*=\s*(?:udp:)?127\.0\.0\.1:(\d+)\s*$/m.exec(config)?.[1];
  const plan = readPlan(dir);
  const end = plan.duration / 1e6;
  const port = ownPort ? Number(ownPort) : await freeUdpPort();
  const proxy = { ip: "127.0.0.1", port };
  // With user agents, kamsim listens where Kamailio does: the messages carry the port (Via,
  // Record-Route, the agents' Request-URIs). Cases without agents keep kamsim's default socket.
  const agents = agentsOf(plan);
  const simOptions = { defines, ...(agents.length > 0 && !ownPort ? { listen: proxy } : {}) };
  // This run tells the agents which datagrams to lose and how many processes to wait for.
  const first = runKamsim(config, plan, plan.seed, simOptions);

  const work = mkdtempSync(join(tmpdir(), "kamsim-diff-"));
  const file = join(work, CONFIG_NAME);
  writeFileSync(file, config);
  // The agents' sockets are bound before Kamailio starts, so that t = 0 finds them ready.
  const playing = agents.length > 0 ? await playAgentsFor(agents, proxy, first.loss, first.agents) : undefined;
  try {
    const spawned = performance.now();
    const run = await startKamailio(file, work, port, { listen: !ownPort, defines });
    // From t = 0 on (the start-up scan of /proc keeps the event loop busy on purpose).
    const stalls = watchStalls();
    const clock = new WallClock(run.t0);
    playing?.start(clock);
    try {
      // Record the children for clean-up while the traffic runs (not awaited before sending).
      const kids = waitForChildren(run, 3 + first.workers.size, 1500);
      const sent = await sendTraffic(plan, plan.seed, port, run.t0, end);
      const cut = performance.now();
      await playing?.close();
      // A late t = 0 shifts every line like a stall does (see kamailio-process.ts).
      const maxStall = Math.max(stalls.stop(), run.t0Uncertainty / 1000);
      await kids;
      await run.stop();
      // Call cases: Kamailio's whole-second clock (time(0): usrloc's expiries, the seconds left in
      // a 200's Contact list) ticks at the phase its wall clock had at t = 0; kamsim runs again
      // with that phase. Other cases keep kamsim's clock, ticking at t = 0.
      const sim =
        agents.length > 0 && run.clockPhase > 0
          ? runKamsim(config, plan, plan.seed, { ...simOptions, clockPhase: run.clockPhase })
          : first;
      const realLines = run.lines.filter((l) => l.at <= cut).map((l) => ({ t: (l.at - run.t0) / 1000, text: l.text }));
      const firstRequest = sent.requests[0]?.planned ?? end;
      const kamsim = keepComparable(toRecords(sim.lines, ""), firstRequest, end);
      const real = keepComparable(toRecords(realLines, file), firstRequest, end);
      const cmp = compareRuns({
        kamsim,
        real,
        workers: sim.workers,
        requests: sent.requests,
        kamsimReplies: sim.replies,
        kamsimReceived: sim.received,
        tolerance: opts.tolerance ?? DEFAULT_TOLERANCE,
      });
      for (const e of sent.errors.slice(0, 10)) cmp.disagreements.push({ kind: "setup", text: `sending: ${e}` });
      if (run.overflowed) cmp.disagreements.push({ kind: "setup", text: "Kamailio printed too many lines to read" });
      if (sent.stray.length) cmp.disagreements.push({ kind: "setup", text: `replies to no request: ${sent.stray[0]}` });
      const realAgents: AgentWire[] = (playing?.agents ?? []).map((a) => ({
        ...a,
        received: a.received.filter((m) => m.t < end),
      }));
      const sip = compareAgents(
        sim.agents,
        realAgents,
        `${proxy.ip}:${proxy.port}`,
        opts.tolerance ?? DEFAULT_TOLERANCE,
      );
      cmp.disagreements.push(...sip.disagreements);
      for (const e of (playing?.errors ?? []).slice(0, 10))
        cmp.disagreements.push({ kind: "setup", text: `agents: ${e}` });
      const maxLateness = Math.max(0, clock.maxLateness / 1000, ...sent.requests.map((q) => q.sent - q.planned));
      return {
        name: basename(dir),
        options: { tolerance: DEFAULT_TOLERANCE, ...opts },
        disagreements: cmp.disagreements,
        matched: cmp.matched,
        kamsimLines: kamsim.length,
        kamailioLines: real.length,
        maxSkew: cmp.maxSkew,
        medianSkew: median(cmp.skews),
        requests: sent.requests.length,
        repliesAgreed: cmp.repliesAgreed,
        messagesMatched: sip.matched,
        messages: sip.total,
        pikeBlocks: cmp.pikeBlocks,
        pikeAgreed: cmp.pikeAgreed,
        maxLateness,
        deviations: sent.deviations,
        load,
        maxStall,
        seconds: { total: (performance.now() - started) / 1000, startup: (run.t0 - spawned) / 1000 },
        kamsimLog: render(kamsim) + renderAgents(sim.agents),
        kamailioLog: render(real) + renderAgents(realAgents),
      };
    } finally {
      stalls.stop();
      await run.stop();
    }
  } finally {
    await playing?.close();
    rmSync(work, { recursive: true, force: true });
  }
}
