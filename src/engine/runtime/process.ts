/**
 * The processes a script runs in, as modules and the kernel see them: Kamailio's process kinds
 * (main, SIP workers, timers, module processes), each with its script state. The table itself
 * is built by sim/processes.ts.
 */
import type { Micros } from "../base/time.js";
import type { ProcessState } from "./context.js";

export type ProcessKind = "main" | "receiver" | "slow_timer" | "timer" | "secondary_timer" | "ctl" | "module";

export interface Process extends ProcessState {
  kind: ProcessKind;
  /** Kamailio's description (`udp receiver child=0 sock=127.0.0.1:5060`, `RTIMER EXEC child=0 timer=ta`). */
  name: string;
  /** A short name for views (`SIP worker 0`, `rtimer ta`, `rtimer ta #1`, `slow timer`). */
  label: string;
  /** Virtual time until which the process is busy. */
  busyUntil: Micros;
}

/** A process a module asks for (rtimer's timer processes). */
export interface ProcessRequest {
  name: string;
  /** The short name views show. */
  label: string;
  /** Called with the process once it exists. */
  attach(p: Process): void;
}
