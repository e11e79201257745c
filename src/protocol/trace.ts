/**
 * The trace of one message (issue 12 §2): what the proxy did with one request or reply it
 * received, as the worker builds it on demand from a replay of the run (src/worker/trace.ts,
 * docs/trace.md). Plain data, part of the page–worker protocol.
 */

/** Which message to trace: a proxy request id (the Log's and the queues' `req`), or a datagram the proxy received (a Ladder arrow). */
export type TraceTarget =
  | {
      /** The proxy's request id in the run. */
      req: number;
      /** Virtual µs at which the live run saw it (a log line's time): the replay runs there at once. */
      at: number;
    }
  | {
      /** The datagram's text, as sent. */
      text: string;
      /** Virtual µs it reached the proxy (the Ladder row's end). */
      at: number;
    }
  | {
      /** A Ladder row's id (the worker knows its text while the ladder keeps it). */
      msg: number;
      /** Virtual µs it reached the proxy (the row's end). */
      at: number;
    };

/** One line of the trace, in the order the proxy ran them; `depth` is the route nesting (0: the top route). */
export type TraceEntry =
  | { kind: "enter"; route: string; depth: number }
  /** A route left: its return code, and how (`exit`, `drop`, `return`, or the end of its actions). */
  | { kind: "exit"; route: string; depth: number; rc?: number; how: "exit" | "drop" | "return" | "end" }
  /** A statement run: `if`, `assign`, `call`, `route`, `return`, `exit`... at a line of `file`. */
  | { kind: "action"; route: string; depth: number; file: string; line: number; what: string }
  /**
   * A function called: its arguments as written and as evaluated (`null`: not evaluated, see
   * docs/trace.md), its return code, and whether kamsim only stands in for it ("not simulated").
   */
  | {
      kind: "call";
      route: string;
      depth: number;
      file: string;
      line: number;
      fn: string;
      args: string[];
      values: (string | null)[];
      result: number;
      standIn: boolean;
    };

/** A variable at a route boundary (cfgt's flow); `carried`: a `$var` value left by an earlier message of the same process. */
export interface TraceVar {
  name: string;
  value: string;
  carried?: boolean;
}

export interface MessageTrace {
  /** The proxy's request id. */
  req: number;
  /** The SIP worker that handled it. */
  proc: number;
  /** Virtual µs it started and ended in the worker. */
  t: number;
  done: number;
  /** The message as received, and whether it is a reply (the core's onreply_route, tm's reply routes). */
  sipIn: string;
  reply: boolean;
  callId: string;
  /** A reply: the method of its CSeq (the request whose transaction it belongs to). */
  cseqMethod: string;
  /** A reply tm matched: the request that created its transaction (its id and start), to trace it. */
  transaction?: { req: number; t: number };
  entries: TraceEntry[];
  /** The lines of kamailio.cfg run, ascending; per route, the lines run in it. */
  lines: number[];
  routeLines: Record<string, number[]>;
  /** cfgt's flow: each route boundary with the variables then (cfgt's mask: AVPs, $var, xavps, others). */
  flow: { key: string; vars: TraceVar[] }[];
  /** Datagrams the worker sent while handling it (cfgt's sip_out). */
  sent: string[];
  /** The request's pending header changes at the end of its script (`+ line`, `- line`) and the request they build. */
  pending: string[];
  pendingText?: string;
  /** Wall ms the replay took in the worker. */
  ms: number;
}
