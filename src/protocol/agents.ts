/**
 * The traffic file's SIP user agents as the Traffic panel shows them, and what its buttons ask
 * the worker to do (docs/agents.md, "Actions"). The worker derives the rows from the engine's
 * `agent` events (worker/agents.ts); plain data, as everything in protocol/.
 */

/** A call not over yet, or the last one that ended, as an agent row shows it. */
export interface AgentCallView {
  /** The other end: an agent's name when one has that user, else the URI's user part or the URI. */
  peer: string;
  role: "caller" | "callee";
  /** `calling`, `ringing`, `established`; for the last call also `ended`, `failed`, `cancelled`. */
  state: string;
  /** The INVITE's final code, once there is one. */
  code?: number;
}

/** One agent's state now. */
export interface AgentRow {
  /** Its place in the traffic file's `agents` (what an action names). */
  index: number;
  name: string;
  /** `ip:port`. */
  address: string;
  /** `none`, `registering`, `registered`, `unregistered` or `failed` (the last REGISTER's outcome). */
  registration: string;
  /** While `registered`: when the binding runs out (virtual µs); past it, the binding has expired. */
  expiresAt?: number;
  /** Its calls not over yet (at most a few; `more` counts the rest). */
  calls: AgentCallView[];
  /** Calls not over beyond those listed. */
  more: number;
  /** The latest call that ended, failed or was cancelled. */
  last?: AgentCallView;
  /** Down: unplugged by a `down` action until an `up`. */
  down: boolean;
  /** How it answers INVITEs now: a final code (`200`, `486`...), `never` or `down`. */
  answer: string;
}

/** What an agent's buttons ask: one call to `to` now, go down, come back, answer otherwise. */
export type AgentAction =
  | { do: "call"; to: string }
  | { do: "down" }
  | { do: "up" }
  /** A final code (200, 486...) with the agent's other answer steps kept, or `never` (no answer). */
  | { do: "answer"; answer: number | "never" };

/** The extra fields of a Send one request, as a stream of the traffic file writes them. */
export interface SendOneFields {
  ruri?: string;
  from?: string;
  to?: string;
  /** Extra headers, in order (not Via, From, To, Call-ID, CSeq, Content-Length). */
  headers?: Record<string, string>;
  body?: string;
}
