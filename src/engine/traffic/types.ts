/**
 * The traffic file: what arrives at the simulated Kamailio and how the simulated world answers
 * (README.md, "Traffic files"). Two shapes live here: `TrafficFile`, the JSON as a person
 * writes it (seconds, optional keys, snake_case as in the design), and `TrafficPlan`, the checked
 * and normalised form the engine runs (integer microseconds, every default filled in, camelCase).
 * Only `validateTraffic` turns the one into the other.
 */
import type { Micros } from "../base/time.js";
import type { PlannedAgent } from "../world/agents/plan.js";
import type { PlannedEndpoint } from "../world/endpoints.js";

export type { PlannedAgent } from "../world/agents/plan.js";
export type { PlannedEndpoint } from "../world/endpoints.js";

/** A traffic file as written. Every key is optional; `validateTraffic` fills the defaults. */
export interface TrafficFile {
  /** Length of the run in virtual seconds; nothing arrives at or after it. Default 30. */
  duration?: number;
  /** Seed of the run's randomness (poisson gaps, `rand_event`): a whole number 0…2³²−1. Default 1. */
  seed?: number;
  /** Generated requests, one entry per kind of caller. Default none. */
  streams?: TrafficStream[];
  /** Exact requests given as raw SIP text, each delivered once. Default none. */
  messages?: TrafficMessage[];
  /** The simulated host's capacity. */
  server?: TrafficServer;
  /** Simulated HTTP services reached by blocking calls (`http_client_query`), keyed by URL pattern. */
  endpoints?: Record<string, TrafficEndpoint>;
  /** SIP user agents (phones, servers) at virtual addresses, talking to the proxy. Default none. */
  agents?: TrafficAgent[];
}

/**
 * A SIP user agent, as written (README.md, "User agents"): an RFC 3261 phone over UDP. Times are
 * seconds from the start of the run; delays are seconds from the moment named.
 */
export interface TrafficAgent {
  /** Unique among agents, letters, digits, `_`, `-`, `.`; it seeds the agent's tags, branches and Call-IDs. Required. */
  name: string;
  /** `IPv4` or `IPv4:port` where it listens and sends from (port default 5060); unique. Required. */
  address: string;
  /** User part of its address-of-record and Contact. Default: its name. */
  user?: string;
  /** Host part of its AOR and of the Request-URIs it makes. Default: the proxy's address. */
  domain?: string;
  /** Register with the proxy. Default: no registration. */
  register?: TrafficRegister;
  /** Calls it places. Default none. */
  calls?: TrafficCall[];
  /** OPTIONS and MESSAGE requests it sends outside any call. Default none. */
  requests?: TrafficRequest[];
  /**
   * How it answers an INVITE: `"down"` (it answers no request at all, though it still sends its own,
   * e.g. a registration, and reads their replies), `"never"` (it rings,
   * never answers), or the steps below. Default `{ "ring": 0, "after": 1, "code": 200 }`.
   */
  answer?: "down" | "never" | TrafficAnswer;
  /** Retransmit over UDP (RFC 3261 Timers A, E, G). Default true. */
  retransmit?: boolean;
  /** RFC 3261 T1, seconds. Default 0.5. */
  t1?: number;
  /** RFC 3261 T2, seconds (at least t1). Default 4. */
  t2?: number;
  /** Share 0…1 of the datagrams to or from this agent that the network loses (seeded). Default 0. */
  loss?: number;
  /** One-way latency of the agent's link, seconds. Default 0. */
  latency?: number;
  /** What it does at given moments besides the above: call now, go down, come back, answer otherwise. Default none. */
  actions?: TrafficAgentAction[];
}

/**
 * One thing an agent does at a moment of the run (the playground's agent buttons write these into
 * Save traffic). Actions at the same moment run before anything else scheduled then, agents in
 * file order, each agent's in its list's order (docs/agents.md, "Actions").
 */
export interface TrafficAgentAction {
  /** When, in seconds from the start of the run. Required. */
  at: number;
  /** `call`: place one call to `to`; `down`: unplug it (nothing in, nothing out); `up`: plug it back (it registers again); `answer`: answer the INVITEs that arrive from then on with `answer`. Required. */
  do: "call" | "down" | "up" | "answer";
  /** For `call`: the callee, an agent's name or a `sip:` URI. Required with `call`. */
  to?: string;
  /** For `call`: hang up (BYE) this long after the answer. Default: never. */
  hold?: number | null;
  /** For `answer`: the new answer, as the agent's `answer` key takes it. Required with `answer`. */
  answer?: "down" | "never" | TrafficAnswer;
}

/** A registration, as written. */
export interface TrafficRegister {
  /** When the first REGISTER is sent. Default 0. */
  at?: number;
  /** Expires asked for, whole seconds. Default 3600. */
  expires?: number;
  /** Register again halfway through the expiry the registrar granted. Default true. */
  refresh?: boolean;
  /** Unregister (REGISTER with Expires: 0) at this time. Default never. */
  unregister_at?: number;
}

/** A call, as written. */
export interface TrafficCall {
  /** When the INVITE is sent. Required. */
  at: number;
  /** The callee: an agent's name (its user at the caller's domain), or a `sip:` URI. Required. */
  to: string;
  /** Hang up (BYE) this long after the answer. Default: never. */
  hold?: number | null;
  /** CANCEL this long after the INVITE if no final reply came (sent once a provisional came). Default: never. */
  cancel?: number | null;
  /** Re-INVITE this long after the answer. Default: never. */
  reinvite?: number | null;
  /** Place `count` such calls, one every `every` seconds. Default 1. */
  count?: number;
  /** Seconds between repeated calls; required when count > 1. */
  every?: number;
}

/** An out-of-call request, as written. */
export interface TrafficRequest {
  /** When it is sent. Required. */
  at: number;
  /** `OPTIONS` or `MESSAGE`. Default `OPTIONS`. */
  method?: "OPTIONS" | "MESSAGE";
  /** An agent's name or a `sip:` URI. Default: the proxy itself. */
  to?: string;
  /** The body (text/plain). Default: `hello` for MESSAGE, none for OPTIONS. */
  body?: string;
}

/** How an agent answers an INVITE, as written; `ring` and `after` count from the INVITE's arrival. */
export interface TrafficAnswer {
  /** Send 100 Trying at once. Default false. */
  trying?: boolean;
  /** Send 180 Ringing after this long; `null`: no 180. Default 0. */
  ring?: number | null;
  /** Send the final reply after this long; `null`: never. Default 1. */
  after?: number | null;
  /** The final reply's code: 200, or a 3xx–6xx with a standard reason (302, 486, 480, 503, 603...). Default 200. */
  code?: number;
  /** The Contact of a 3xx redirect, a `sip:` URI. Default: the agent's own Contact. */
  contact?: string;
  /** After answering 200, hang up (BYE) this long after the ACK. Default: never. */
  bye?: number | null;
}

/** A stream of generated requests, as written. */
export interface TrafficStream {
  /**
   * A short name, unique in the file, made of letters, digits, `_`, `-` and `.`. It names the
   * stream in the UI, seeds its randomness and makes its default From. Default `stream<i>`, with
   * `i` its 1-based position.
   */
  name?: string;
  /**
   * Where the requests come from: one address (IPv4 or IPv6), a CIDR block, or a list of these.
   * All addresses are taken in turn, request n from the (n−1)-th of them (see `address.ts` for
   * which addresses of a block are used). Required.
   */
  src: string | string[];
  /** Source UDP port of every request, 1…65535. Default 5060. */
  sport?: number;
  /** SIP method of the requests (a token, like `INVITE` or `OPTIONS`). Default `INVITE`. */
  method?: string;
  /** Requests per second, ≥ 0 (0: idle until the playground raises it). Required. */
  rate: number;
  /** `uniform`: one request every 1/rate s, the first at `start`; `poisson`: seeded random gaps. Default `uniform`. */
  pattern?: TrafficPattern;
  /** First moment the stream may send, in seconds. Default 0. */
  start?: number;
  /** The stream sends before this moment only (exclusive), in seconds; clamped to `duration`. Default `duration`. */
  stop?: number;
  /** At most this many scheduled requests (a whole number ≥ 1). Default: no cap besides rate and stop. */
  count?: number;
  /** From URI; `{n}` is replaced by the request's number. Default `sip:<name>{n}@example.com`. */
  from?: string;
  /** To URI; `{n}` is replaced by the request's number. Default `sip:service@example.com`. */
  to?: string;
  /** Request-URI; `{n}` is replaced by the request's number. Default: the stream's `to`. */
  ruri?: string;
  /**
   * Extra headers, in order, values with `{n}` replaced. The headers made from the stream's own
   * keys (Via, From, To, Call-ID, CSeq, Content-Length) cannot be given here. Default none.
   */
  headers?: Record<string, string>;
  /** Message body; Content-Length is computed. Default empty (no body). */
  body?: string;
}

/** How a stream spaces its requests. */
export type TrafficPattern = "uniform" | "poisson";

/** One exact request, as written. */
export interface TrafficMessage {
  /** When it arrives, in seconds (at or after `duration`: never delivered, not an error). Required. */
  at: number;
  /** Source address: one IPv4 or IPv6 address (no block, no list). Required. */
  src: string;
  /** Source UDP port, 1…65535. Default 5060. */
  sport?: number;
  /**
   * The request as SIP text: a request line `METHOD URI SIP/2.0`, header lines, a blank line,
   * then the body if any. Lines may end in `\n` or `\r\n`; the head is normalised to `\r\n`.
   * Required.
   */
  raw: string;
}

/** The simulated host, as written. */
export interface TrafficServer {
  /** Datagrams the listening socket's receive queue holds while every SIP worker is busy; overflow drops. Default 1000. */
  rx_queue?: number;
  /** Virtual seconds a SIP worker spends on each request besides its blocking calls. Default 0.00005. */
  request_cost?: number;
}

/** A simulated HTTP service, as written. */
export interface TrafficEndpoint {
  /** Seconds before the answer arrives (the calling process stays busy meanwhile). Default 0. */
  latency?: number;
  /** HTTP status code of the answer, 100…599. Default 200. */
  status?: number;
  /** Body of the answer. Default empty. */
  body?: string;
}

/** The checked traffic, ready to run: times in microseconds, defaults filled in. */
export interface TrafficPlan {
  /** Length of the run; nothing arrives at or after it. */
  duration: Micros;
  /** Seed of the run's randomness, a whole number 0…2³²−1. */
  seed: number;
  /** The streams, in file order (their index is their identity in arrivals and events). */
  streams: PlannedStream[];
  /** The raw messages, in file order (not sorted by time; arrivals merge them in). */
  messages: PlannedMessage[];
  /** The simulated host. */
  server: PlannedServer;
  /** The simulated HTTP services, in file order; the first whose pattern matches a URL answers it. */
  endpoints: PlannedEndpoint[];
  /** The SIP user agents, in file order. */
  agents: PlannedAgent[];
}

/** A checked stream. */
export interface PlannedStream {
  /** Unique name (given, or `stream<i>` with `i` the 1-based position). */
  name: string;
  /** Source addresses and CIDR blocks in canonical text (lower-case, RFC 5952 IPv6), at least one. */
  src: string[];
  /** Source UDP port. */
  sport: number;
  /** SIP method. */
  method: string;
  /** Requests per second at the start of the run (the playground may change it live). */
  rate: number;
  /** Spacing of the requests. */
  pattern: TrafficPattern;
  /** First moment the stream may send. */
  start: Micros;
  /** The stream sends before this moment only; never after `duration`, never before `start`. */
  stop: Micros;
  /** Cap on the number of scheduled requests; `null` for none. */
  count: number | null;
  /** From URI template (`{n}` not yet replaced). */
  from: string;
  /** To URI template. */
  to: string;
  /** Request-URI template. */
  ruri: string;
  /** Extra headers in file order, values as templates. */
  headers: TrafficHeader[];
  /** Message body, `""` for none. */
  body: string;
}

/** One extra header of a stream's requests. */
export interface TrafficHeader {
  /** Header name as written (a token). */
  name: string;
  /** Header value; a template where `{n}` stands for the request's number. */
  value: string;
}

/** A checked raw message. */
export interface PlannedMessage {
  /** When it arrives. */
  at: Micros;
  /** Source address in canonical text. */
  src: string;
  /** Source UDP port. */
  sport: number;
  /** The request text, head lines ending in `\r\n`, body as given. */
  raw: string;
  /** The method from its request line. */
  method: string;
}

/** The checked host parameters. */
export interface PlannedServer {
  /** Receive-queue capacity in datagrams (0: a datagram that finds every worker busy is dropped). */
  rxQueue: number;
  /** Virtual time a SIP worker spends on each request besides its blocking calls. */
  requestCost: Micros;
}

/** A problem with a traffic file: which key, and what is wrong with it. */
export interface TrafficError {
  /**
   * The offending key, as a path: `duration`, `streams[1].rate`, `server.rx_queue`,
   * `endpoints["http://a/*"].status`, `(root).foo` for an unknown top-level key, `(root)` for
   * the file as a whole.
   */
  path: string;
  /** What is wrong, in plain words. */
  message: string;
  /** 1-based line in the file's text, when known (only `parseTrafficText` knows the text). */
  line?: number;
  /** 1-based column (UTF-16 code units) in the file's text, when known. */
  col?: number;
}

/** The outcome of validation: a plan, or every error found (never both, never neither). */
export type TrafficResult = { plan: TrafficPlan } | { errors: TrafficError[] };

/** Default run length, seconds. */
export const DEFAULT_DURATION_S = 30;
/** Default seed. */
export const DEFAULT_SEED = 1;
/** Default source port of streams and messages. */
export const DEFAULT_SPORT = 5060;
/** Default method of a stream. */
export const DEFAULT_METHOD = "INVITE";
/** Default To URI of a stream (and so its default R-URI). */
export const DEFAULT_TO = "sip:service@example.com";
/** Default receive-queue capacity. */
export const DEFAULT_RX_QUEUE = 1000;
/** Default per-request cost, seconds. */
export const DEFAULT_REQUEST_COST_S = 0.00005;
/** Default HTTP status of an endpoint. */
export const DEFAULT_ENDPOINT_STATUS = 200;

/** The default From URI template of a stream with this name. */
export function defaultFrom(name: string): string {
  return `sip:${name}{n}@example.com`;
}

/** The default name of the stream at this 0-based index. */
export function defaultStreamName(index: number): string {
  return `stream${index + 1}`;
}
