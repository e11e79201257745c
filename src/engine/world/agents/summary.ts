/**
 * What an agent did, as plain data for the playground, the CLI and tests: its registration, its
 * calls, its out-of-dialog requests and its datagram counters.
 */
import type { Micros } from "../../base/time.js";
import type { UaCounters } from "./ua.js";

/**
 * A call's state. `calling`: INVITE sent or received, no provisional beyond 100 yet; `ringing`:
 * a 18x sent or received; `established`: 2xx sent or received; `ended`: BYE sent or received after
 * that; `failed`: a 300–699 final reply (or a timeout: code 408); `cancelled`: CANCEL sent or
 * received before the final reply, which was then 487.
 */
export type CallState = "calling" | "ringing" | "established" | "ended" | "failed" | "cancelled";

/** How many of an agent's latest calls its summary lists. */
export const RECENT_CALLS = 100;

export interface CallSummary {
  callId: string;
  role: "caller" | "callee";
  /** The other end: the Request-URI the caller dialled, or the caller's From URI. */
  peer: string;
  state: CallState;
  /** The initial INVITE's final code (408 when the agent's own Timer B fired); `null` before it. */
  code: number | null;
  started: Micros;
  /** When the 2xx was received (caller) or sent (callee). */
  answered: Micros | null;
  /** When the call ended, failed or was cancelled. */
  ended: Micros | null;
  /** Who hung up: this agent (`local`), the other side (`remote`), or no ACK/BYE reply (`timeout`). */
  endedBy: "local" | "remote" | "timeout" | null;
}

/** A registration. `registered` while the granted expiry lasts; `expired` when it ran out unrefreshed. */
export interface RegistrationSummary {
  state: "none" | "registering" | "registered" | "expired" | "unregistered" | "failed";
  /** When the binding runs out (while `registered` or `expired`). */
  expiresAt: Micros | null;
  /** Code of the last final reply to a REGISTER, `null` before one. */
  code: number | null;
  /** REGISTER requests sent (refreshes included, retransmissions not). */
  sent: number;
}

/** An OPTIONS or MESSAGE this agent sent. */
export interface RequestSummary {
  method: string;
  ruri: string;
  at: Micros;
  /** Final code (408 on the agent's own Timer F); `null` while pending. */
  code: number | null;
}

export interface AgentSummary {
  name: string;
  /** `ip:port`. */
  address: string;
  /** Its address-of-record, `sip:user@domain`. */
  aor: string;
  registration: RegistrationSummary;
  /** Its latest calls (placed and answered), oldest first: at most `RECENT_CALLS`. */
  calls: CallSummary[];
  /** Every call of the run so far, by state (a summary of a million calls stays small). */
  callTotals: Record<CallState, number>;
  requests: RequestSummary[];
  /** Requests answered besides new calls, ACKs and CANCELs, by method (OPTIONS, MESSAGE, BYE, a re-INVITE as INVITE...). */
  answered: Record<string, number>;
  counters: UaCounters;
}
