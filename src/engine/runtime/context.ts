/**
 * The state of one script run (Kamailio's run_act_ctx plus the message and the process):
 * control flags, the last return code, nesting depth, and the costs a blocking call adds.
 */

import type { Micros } from "../base/time.js";
import type { SipMessage } from "../sip/sip-message.js";
import type { PkgState } from "./pkg.js";
import type { PvExtras } from "./pv/extras.js";
import type { Services } from "./services.js";
import type { Value } from "./values.js";

/** Control flags, as action.c's run_flags. */
export const EXIT_R_F = 1;
export const RETURN_R_F = 2;
export const BREAK_R_F = 4;
export const DROP_R_F = 8;

/** What a script run needs to know about the process it runs in. */
export interface ProcessState {
  /** Kamailio's process index, printed first in every log line. */
  index: number;
  pid: number;
  /** `$var(...)`: private to the process, kept across messages; indexed by the slot the compiler gave each name. */
  vars: Value[];
  /** Per-module private state of the process (mqueue's last fetched items...). */
  local: Map<string, unknown>;
  /** What the process holds of its private memory (-M), once it holds a counted string (pkg.ts). */
  pkg?: PkgState;
}

export interface ScriptContext {
  sv: Services;
  proc: ProcessState;
  msg: SipMessage;
  /** The message came from the network (false for timer routes' fake message). */
  real: boolean;
  /** Where the message came from (`$si`, `$sp`); the fake message has Kamailio's values. */
  src: { ip: string; port: number };
  /** The socket it was received on (`$Ri`, `$Rp`); null for the fake message. */
  rcv: { ip: string; port: number } | null;
  flags: number;
  /** `$rc` / `$retcode` / `$?`. */
  rc: number;
  /** Nesting of action lists (Kamailio's rec_lev). */
  depth: number;
  /** max_recursive_level, kept here because every action list checks it. */
  maxDepth: number;
  /** `$avp(...)` of this message: name → values, newest last. */
  avps: Map<string, Value[]> | null;
  /** Message flags (setflag/isflagset). */
  msgFlags: number;
  /** State of the less used PVs of this message (`$xavp`, `$du`, `$bf`...), made on first write. */
  pvx: PvExtras | null;
  /** Virtual time the run started at. */
  start: Micros;
  /** Extra virtual time spent in blocking calls during this run. */
  cost: Micros;
  /** The route block running now, for events and log lines. */
  route: string;
  /** The request's id in this run, for a SIP worker; undefined in timer routes. */
  req?: number;
  /** The core `log_prefix` evaluated for this message, if set. */
  logPrefix?: string;
  /** `$Ts`/`$Tf` are cached per message on first use. */
  cachedTime?: number;
  /** Actions left before the step budget stops the run (a runaway guard of kamsim's own). */
  budget: number;
}
