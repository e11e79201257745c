/**
 * Kamailio's process table, numbered as Kamailio numbers it in every log line (pt.c, main.c):
 * 0 main, 1..children SIP workers (udp receivers), then the slow timer, timer and secondary
 * timer, then the processes modules fork in their child_init(PROC_MAIN), in load order
 * (rtimer's, jsonrpcs', usrloc's timer, ctl's handler...).
 */
import type { Process, ProcessKind, ProcessRequest } from "../runtime/process.js";

/** Simulated PIDs: 1000 + index, so that output is the same on every run and machine. */
const PID_BASE = 1000;

function makeProcess(index: number, kind: ProcessKind, name: string, label = name): Process {
  return { index, pid: PID_BASE + index, kind, name, label, vars: [], local: new Map(), pkg: undefined, busyUntil: 0 };
}

export function buildProcessTable(children: number, listen: string, modules: readonly ProcessRequest[]): Process[] {
  const table: Process[] = [makeProcess(0, "main", "main process - attendant", "main process")];
  for (let i = 0; i < children; i++)
    table.push(makeProcess(table.length, "receiver", `udp receiver child=${i} sock=${listen}`, `SIP worker ${i}`));
  table.push(makeProcess(table.length, "slow_timer", "slow timer"));
  table.push(makeProcess(table.length, "timer", "timer"));
  table.push(makeProcess(table.length, "secondary_timer", "secondary timer"));
  for (const m of modules) {
    const p = makeProcess(table.length, "module", m.name, m.label);
    table.push(p);
    m.attach(p);
  }
  return table;
}
