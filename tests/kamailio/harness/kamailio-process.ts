/**
 * One real Kamailio for one differential case: started in the foreground on 127.0.0.1 and a free
 * port, with its own runtime dir, pid file and working dir, logging to stderr; ready once it has
 * forked its processes; stopped by its own PID, and then every process left in its own process
 * group by theirs. Every instance is registered, so a failed or timed-out test can still stop it
 * (`stopAllKamailios`).
 *
 * Why the group: a Kamailio stopped while it is still forking (the warm-up stops it half a second
 * after start) can fork a child after the harness last read its children; the main process exits,
 * the child is reparented to init, and — its shared memory gone — it loops printing
 * `ERROR: <core> [core/io_wait.h…]` to the harness's stderr pipe at full speed (seen: the test
 * worker grew to 4 GB and died). Spawned `detached`, Kamailio leads a process group of its own that
 * every child it forks joins, so the stragglers are found by group, however late they were forked;
 * and a run stops reading stderr after MAX_LINES lines, so no output can exhaust the harness.
 *
 * t = 0 of a run is the moment the harness first sees a child of Kamailio's main process in
 * /proc: Kamailio forks its SIP workers, then its timer processes, right after module
 * initialisation, and its timers (pike windows, rtimer) count from there. The main process's
 * list of children is read back to back during start-up, so t = 0 lies within about a
 * millisecond after the first fork (see README.md for the offsets measured).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createSocket } from "node:dgram";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { KAMAILIO_BINARY } from "../kamailio.js";
import { endStragglers, groupMembers, readStat } from "./proc-stat.js";

/** One line Kamailio wrote to stderr, with the moment the harness read it. */
export interface RawLine {
  /** performance.now() when the chunk ending this line arrived. */
  at: number;
  text: string;
}

export interface KamailioRun {
  /** UDP port Kamailio listens on (127.0.0.1). */
  port: number;
  /** Main process PID. */
  pid: number;
  /** performance.now() at t = 0 (first child seen). */
  t0: number;
  /**
   * How late t = 0 may be, ms: the time since the start of the scan of /proc before the one that
   * saw the first child (about 1 ms back to back; more when the machine kept the harness from
   * running).
   */
  t0Uncertainty: number;
  /**
   * Where in its second the wall clock (Kamailio's time(0)) was at t = 0, µs (0…999,999): its
   * whole seconds tick at t = 1e6 − phase, 2e6 − phase, ... (kamsim's `clockPhase`).
   */
  clockPhase: number;
  /** Children of the main process seen at start-up (PID → /proc start time), for clean-up. */
  children: Map<number, string>;
  /** Every stderr line so far (at most MAX_LINES, then one line saying the rest was not read). */
  lines: RawLine[];
  /** Kamailio printed more than MAX_LINES lines. */
  overflowed: boolean;
  /** Everything written to stdout (`Listening on ...`). */
  stdout(): string;
  /** Stops Kamailio (SIGTERM, then SIGKILL after a grace time); resolves once it is gone. */
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 10_000;
/** Niceness for Kamailio and for the harness itself (negative: ahead of other work). */
export const NICENESS = -10;
const STOP_GRACE_MS = 3_000;
/** More stderr lines than any case prints by far (the longest call case: a few thousand). */
const MAX_LINES = 200_000;
const running = new Set<KamailioRun>();

/** A UDP port on 127.0.0.1 that was free a moment ago. */
export function freeUdpPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createSocket("udp4");
    s.once("error", reject);
    s.bind(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/**
 * The PIDs whose parent is `pid`, with their start times (field 22 of /proc/PID/stat). Linux
 * lists a thread's children in /proc/PID/task/PID/children (Kamailio forks from its main thread):
 * one small read, where scanning all of /proc took 10–70 ms on a busy machine (hundreds of
 * processes) and held up the harness's event loop (stderr, the agents) right after t = 0. The
 * scan stays as the fallback for a kernel without that file.
 */
export function childrenOf(pid: number): Map<number, string> {
  const out = new Map<number, string>();
  let listed: string | undefined;
  try {
    listed = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8");
  } catch {
    listed = undefined;
  }
  if (listed !== undefined) {
    for (const child of listed.split(" ").filter(Boolean)) {
      const stat = readStat(Number(child));
      if (stat && stat.ppid === pid) out.set(Number(child), stat.start);
    }
    return out;
  }
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readStat(Number(name));
    if (stat && stat.ppid === pid) out.set(Number(name), stat.start);
  }
  return out;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts Kamailio on `file` inside `dir` and waits for its first child. Rejects (after stopping
 * it) if Kamailio exits or forks nothing within the start timeout. With `listen: false` the
 * config's own `listen` (on `port`) is used instead of `-l udp:127.0.0.1:port`; `defines` are
 * passed as `-A NAME`.
 */
export async function startKamailio(
  file: string,
  dir: string,
  port: number,
  opts: { listen?: boolean; defines?: readonly string[] } = {},
): Promise<KamailioRun> {
  const listen = opts.listen === false ? [] : ["-l", `udp:127.0.0.1:${port}`];
  // `-A NAME`: a preprocessor define, as `#!define NAME` at the top (a case.json's `defines`).
  const defines = (opts.defines ?? []).flatMap((d) => ["-A", d]);
  const args = ["-f", file, "-DD", "-E", ...listen, ...defines, "-Y", dir, "-P", join(dir, "k.pid"), "-w", dir];
  // Kamailio and its children (they inherit it) get a higher CPU priority where that is allowed
  // (root): on a busy machine its timers and workers then keep their times, as the comparison
  // needs. `nice` execs Kamailio under the same PID; without the right it warns and runs it anyway.
  // `detached`: Kamailio leads a process group of its own (see the header).
  const child = spawn("nice", ["-n", String(NICENESS), KAMAILIO_BINARY, ...args], {
    stdio: ["ignore", "pipe", "pipe"],
    cwd: dir,
    detached: true,
  });
  const lines: RawLine[] = [];
  let out = "";
  let partial = "";
  child.stdout?.on("data", (d) => (out += d));
  child.stderr?.on("data", (d: Buffer) => {
    const at = performance.now();
    const parts = (partial + d.toString("utf8")).split("\n");
    partial = parts.pop() ?? "";
    for (const text of parts) {
      if (lines.length >= MAX_LINES) {
        if (!run.overflowed)
          lines.push({
            at,
            text: `(kamsim harness: Kamailio printed more than ${MAX_LINES} lines; the rest is not read)`,
          });
        run.overflowed = true;
        return;
      }
      lines.push({ at, text });
    }
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const run: KamailioRun = {
    port,
    pid: child.pid ?? -1,
    t0: Number.NaN,
    t0Uncertainty: Number.NaN,
    clockPhase: 0,
    children: new Map(),
    lines,
    overflowed: false,
    stdout: () => out,
    stop: () => stopProcess(child, run, exited),
  };
  running.add(run);
  const deadline = performance.now() + START_TIMEOUT_MS;
  let previousScan = performance.now();
  while (performance.now() < deadline && child.exitCode === null && child.pid) {
    const scan = performance.now();
    const kids = childrenOf(child.pid);
    if (kids.size > 0) {
      run.t0 = performance.now();
      run.t0Uncertainty = run.t0 - previousScan;
      run.clockPhase = Math.floor(((performance.timeOrigin + run.t0) % 1000) * 1000);
      break;
    }
    previousScan = scan;
    // Scan again at once, only letting pending I/O (stderr, exit) through in between.
    await new Promise((r) => setImmediate(r));
  }
  if (Number.isNaN(run.t0)) {
    await run.stop();
    const why = child.exitCode !== null ? `exited with ${child.exitCode}` : "forked nothing in time";
    throw new Error(`kamailio ${why}:\n${lines.map((l) => l.text).join("\n")}`);
  }
  return run;
}

/** Waits until Kamailio has forked `count` children (or `ms` passed); records them for clean-up. */
export async function waitForChildren(run: KamailioRun, count: number, ms: number): Promise<number> {
  const deadline = performance.now() + ms;
  for (;;) {
    for (const [pid, start] of childrenOf(run.pid)) run.children.set(pid, start);
    if (run.children.size >= count || performance.now() >= deadline) return run.children.size;
    await sleep(10);
  }
}

async function stopProcess(child: ChildProcess, run: KamailioRun, exited: Promise<void>): Promise<void> {
  if (!running.has(run)) return exited;
  running.delete(run);
  for (const [pid, start] of childrenOf(run.pid)) run.children.set(pid, start);
  if (child.exitCode === null && child.signalCode === null && child.pid) {
    process.kill(child.pid, "SIGTERM");
    const timer = setTimeout(() => {
      if (child.exitCode === null && child.signalCode === null && child.pid) process.kill(child.pid, "SIGKILL");
    }, STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
  }
  // Kamailio's main process ends its children; any left over (main killed, or forked after the
  // last look) are ended by PID: the known ones if the PID still names the same process, and
  // whatever Kamailio is still in its group.
  await endStragglers(run.pid, run.children);
  child.stderr?.destroy();
  child.stdout?.destroy();
}

/** Stops every Kamailio this harness started and has not stopped yet. */
export async function stopAllKamailios(): Promise<void> {
  await Promise.all([...running].map((r) => r.stop()));
}

/** Last resort when Node exits: SIGKILL whatever is still registered, by PID. */
process.once("exit", () => {
  for (const r of running) {
    for (const pid of new Set([r.pid, ...r.children.keys(), ...groupMembers(r.pid).keys()])) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
  }
});
