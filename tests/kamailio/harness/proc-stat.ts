/**
 * What the harness reads of /proc to end exactly the Kamailio processes it started: a process's
 * parent, process group, start time and name (proc(5), /proc/PID/stat), so that a PID is only
 * signalled while it still names the same Kamailio.
 */
import { readdirSync, readFileSync } from "node:fs";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A process's state, parent, process group, start time (field 22) and name, or undefined when gone. */
export function readStat(
  pid: number,
): { state: string; ppid: number; pgrp: number; start: string; comm: string } | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return undefined;
  }
  // comm may hold spaces and parentheses: the fields after it start at the last ')'.
  const close = text.lastIndexOf(")");
  const comm = text.slice(text.indexOf("(") + 1, close);
  const f = text
    .slice(close + 2)
    .trim()
    .split(" ");
  return { comm, state: f[0] ?? "", ppid: Number(f[1]), pgrp: Number(f[2]), start: f[19] ?? "" };
}

/** A process that has ended but was not reaped yet (a zombie): nothing left to signal. */
const ended = (state: string) => state === "Z" || state === "X";

/**
 * The live Kamailio processes of the process group `pgrp` (PID → start time): a Kamailio spawned
 * by startKamailio leads its own group, so these are its processes and no one else's. Zombies are
 * left out: an orphan's is reaped by init, if at all (this VM's init does not), never by a signal.
 */
export function groupMembers(pgrp: number): Map<number, string> {
  const out = new Map<number, string>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readStat(Number(name));
    if (stat && stat.pgrp === pgrp && stat.comm === "kamailio" && !ended(stat.state)) out.set(Number(name), stat.start);
  }
  return out;
}

/**
 * Ends, by PID, the processes Kamailio's main (`pid`, leading its own group) left behind: those
 * of `known` still alive as the same process, and every Kamailio still in its group.
 */
export async function endStragglers(pid: number, known: ReadonlyMap<number, string> = new Map()): Promise<void> {
  for (let i = 0; i < 50; i++) {
    const left = new Map(groupMembers(pid));
    for (const [p, start] of known) {
      const s = readStat(p);
      if (s !== undefined && s.start === start && s.comm === "kamailio" && !ended(s.state)) left.set(p, start);
    }
    if (left.size === 0) return;
    for (const p of left.keys()) {
      try {
        process.kill(p, i < 20 ? "SIGTERM" : "SIGKILL");
      } catch {
        // already gone
      }
    }
    await sleep(50);
  }
}
