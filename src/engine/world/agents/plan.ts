/**
 * The checked form of the traffic file's `agents` (traffic/validate-agents.ts makes it): SIP user
 * agents at virtual addresses, each with what it does on its own (register, call, send requests)
 * and how it answers. Times are integer microseconds; every default is filled in. These types
 * live in world/ because the agents run here; traffic/types.ts re-exports them.
 */
import type { Micros } from "../../base/time.js";
import type { HostPort } from "../../runtime/sip-net.js";

/** One user agent, checked. */
export interface PlannedAgent {
  /** Unique name; it seeds the agent's branches, tags and Call-IDs. */
  name: string;
  /** Where it listens and sends from (IPv4, UDP port). */
  address: HostPort;
  /** User part of its AOR and Contact. */
  user: string;
  /** Host part of its AOR and of the Request-URIs it makes; `null`: the proxy's address. */
  domain: string | null;
  /** Its registration, if it registers. */
  register: PlannedRegister | null;
  /** Calls it places, in file order. */
  calls: PlannedCall[];
  /** Out-of-dialog OPTIONS/MESSAGE it sends, in file order. */
  requests: PlannedRequest[];
  /** How it answers requests that reach it. */
  answer: PlannedAnswer;
  /** UDP retransmissions (Timers A, E, G) on; timeouts (B, F, H) apply either way. */
  retransmit: boolean;
  /** RFC 3261 T1 (round-trip estimate). */
  t1: Micros;
  /** RFC 3261 T2 (cap of non-INVITE retransmission intervals). */
  t2: Micros;
  /** Share of datagrams to or from this agent that the network loses, 0…1 (the network applies it). */
  loss: number;
  /** One-way latency of this agent's link (the network applies it). */
  latency: Micros;
  /** What it does at given moments besides its plan (call, down, up, answer), in file order. */
  actions: PlannedAction[];
}

/**
 * One thing an agent does at `at`: place one call, go down (its link unplugged: nothing reaches it,
 * nothing leaves it), come back up (and register again when it has a registration), or answer
 * the INVITEs that arrive from then on otherwise.
 */
export type PlannedAction =
  | { at: Micros; do: "call"; call: PlannedCall }
  | { at: Micros; do: "down" }
  | { at: Micros; do: "up" }
  | { at: Micros; do: "answer"; answer: PlannedAnswer };

/** A registration: REGISTER at `at`, refreshed before it expires when `refresh`. */
export interface PlannedRegister {
  at: Micros;
  /** Expires asked for, whole seconds (0 only unregisters). */
  expires: number;
  /** Send a new REGISTER halfway through the granted expiry (as most phones do). */
  refresh: boolean;
  /** Send REGISTER with `Expires: 0` at this time; `null`: never. */
  unregisterAt: Micros | null;
}

/** Who a call or request is for: another agent's user, or a literal Request-URI. */
export type PlannedTarget = { user: string } | { uri: string };

/** A call (or `count` calls, one every `every`). Delays count from the moments named below. */
export interface PlannedCall {
  /** When the (first) INVITE is sent. */
  at: Micros;
  /** The callee. */
  to: PlannedTarget;
  /** BYE this long after the call is answered (2xx received); `null`: the caller never hangs up. */
  hold: Micros | null;
  /** CANCEL this long after the INVITE was sent, if no final reply came by then; `null`: never. */
  cancel: Micros | null;
  /** Re-INVITE this long after the call is answered; `null`: none. */
  reinvite: Micros | null;
  /** Gap between repeated calls (with `count` > 1). */
  every: Micros;
  /** How many such calls. */
  count: number;
}

/** An out-of-dialog request (OPTIONS, MESSAGE). */
export interface PlannedRequest {
  at: Micros;
  method: "OPTIONS" | "MESSAGE";
  /** The target; `null`: the proxy itself (`sip:<proxy>`). */
  to: PlannedTarget | null;
  /** Body (MESSAGE: text/plain); `""` for none. */
  body: string;
}

/**
 * How the agent answers an INVITE: `down` answers no request at all (its own requests and their
 * replies go on: it may register, then be unreachable); otherwise 100 at
 * once when `trying`, 180 at `ring`, then the final `code` at `after` (both counted from the
 * INVITE's arrival; `after` null: no final reply ever). `bye`: the callee hangs up that long
 * after the ACK of its 2xx. A 3xx carries `contact` (or the agent's own) as its Contact.
 */
export type PlannedAnswer =
  | { down: true }
  | {
      down: false;
      trying: boolean;
      ring: Micros | null;
      after: Micros | null;
      code: number;
      bye: Micros | null;
      /** The Contact of a 3xx (where the caller should try); `null`: the agent's own. */
      contact: string | null;
    };

/** Reason phrases of the codes an agent may answer with (RFC 3261 section 21). */
export const REASONS: ReadonlyMap<number, string> = new Map([
  [100, "Trying"],
  [180, "Ringing"],
  [181, "Call Is Being Forwarded"],
  [182, "Queued"],
  [183, "Session Progress"],
  [200, "OK"],
  [300, "Multiple Choices"],
  [301, "Moved Permanently"],
  [302, "Moved Temporarily"],
  [305, "Use Proxy"],
  [380, "Alternative Service"],
  [400, "Bad Request"],
  [401, "Unauthorized"],
  [403, "Forbidden"],
  [404, "Not Found"],
  [405, "Method Not Allowed"],
  [406, "Not Acceptable"],
  [407, "Proxy Authentication Required"],
  [408, "Request Timeout"],
  [410, "Gone"],
  [415, "Unsupported Media Type"],
  [420, "Bad Extension"],
  [480, "Temporarily Unavailable"],
  [481, "Call/Transaction Does Not Exist"],
  [482, "Loop Detected"],
  [483, "Too Many Hops"],
  [484, "Address Incomplete"],
  [486, "Busy Here"],
  [487, "Request Terminated"],
  [488, "Not Acceptable Here"],
  [491, "Request Pending"],
  [500, "Server Internal Error"],
  [501, "Not Implemented"],
  [502, "Bad Gateway"],
  [503, "Service Unavailable"],
  [504, "Server Time-out"],
  [600, "Busy Everywhere"],
  [603, "Decline"],
  [604, "Does Not Exist Anywhere"],
  [606, "Not Acceptable"],
]);

/** Defaults (seconds where the file writes seconds). */
export const AGENT_DEFAULTS = {
  port: 5060,
  expires: 3600,
  t1S: 0.5,
  t2S: 4,
  ringS: 0,
  afterS: 1,
  code: 200,
  messageBody: "hello",
} as const;
