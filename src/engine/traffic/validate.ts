/**
 * Traffic file → `TrafficPlan`, or every error found, each naming its key (README.md,
 * "Traffic files"). Nothing is simulated from a file with errors. Never throws on any input.
 *
 * Decisions worth knowing: unknown keys are errors (a typo must not pass as a default); a stream's
 * `stop` past `duration` is clamped to it and a message `at` or past `duration` is kept but never
 * delivered, so that `--duration` can shorten any file; a written `stop` before `start` is an
 * error; the expected number of requests of the whole file is capped (`MAX_PLANNED_REQUESTS`).
 */
import { lineColAt } from "../base/source.js";
import { seconds } from "../base/time.js";
import { parseSingleAddress } from "./address.js";
import { FieldReader, type JsonObject, type NumberRule } from "./fields.js";
import { type JsonPositions, scanJson } from "./json-scan.js";
import {
  MAX_AGENTS,
  MAX_COST_S,
  MAX_DURATION_S,
  MAX_ENDPOINTS,
  MAX_MESSAGES,
  MAX_PLANNED_REQUESTS,
  MAX_RX_QUEUE,
  MAX_SIP_TEXT,
  MAX_STREAMS,
  MAX_TEXT,
} from "./limits.js";
import { indexPath, keyPath } from "./path.js";
import { checkRawMessage } from "./raw-message.js";
import {
  DEFAULT_DURATION_S,
  DEFAULT_ENDPOINT_STATUS,
  DEFAULT_REQUEST_COST_S,
  DEFAULT_RX_QUEUE,
  DEFAULT_SEED,
  DEFAULT_SPORT,
  type PlannedAgent,
  type PlannedEndpoint,
  type PlannedMessage,
  type PlannedServer,
  type PlannedStream,
  type TrafficError,
  type TrafficResult,
} from "./types.js";
import { readAgents } from "./validate-agents.js";
import { readStream } from "./validate-stream.js";

/** Values given outside the file (the CLI's `--duration` and `--seed`) that replace the file's own. */
export interface TrafficOverrides {
  /** Run length in seconds, replacing `duration`. */
  duration?: number;
  /** Seed, replacing `seed`. */
  seed?: number;
  /**
   * The proxy's socket (the config's `listen`, kamsim's default or `-l`), when the caller knows it:
   * an agent at that very address is then an error naming its `address` (it could never receive).
   */
  proxy?: { ip: string; port: number };
}

const ROOT_KEYS = ["duration", "seed", "streams", "messages", "server", "endpoints", "agents"] as const;

/** The top-level lists' limits, checked while scanning (before anything is built from the text). */
const LIST_LIMITS: ReadonlyMap<string, number> = new Map([
  ["streams", MAX_STREAMS],
  ["messages", MAX_MESSAGES],
  ["agents", MAX_AGENTS],
]);

/** Parses and validates traffic file text; errors carry the line and column of their key. */
export function parseTrafficText(text: string, overrides: TrafficOverrides = {}): TrafficResult {
  if (text.length > MAX_TEXT)
    return { errors: [{ path: "(root)", message: `the file is larger than ${MAX_TEXT} characters` }] };
  // Editors on some systems start files with a byte-order mark; JSON.parse would refuse it.
  const skip = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const body = skip ? text.slice(1) : text;
  const scan = scanJson(body, (path) => LIST_LIMITS.get(path));
  const file = { name: "", text };
  if (!scan.ok) {
    const { line, col } = lineColAt(file, scan.offset + skip);
    if (scan.path !== undefined) return { errors: [{ path: scan.path, message: scan.message, line, col }] };
    return { errors: [{ path: "(root)", message: `invalid JSON: ${scan.message}`, line, col }] };
  }
  const result = validateTraffic(JSON.parse(body), overrides);
  if ("plan" in result) return result;
  const placed = result.errors.map((e) => placeError(e, scan.positions, (offset) => lineColAt(file, offset + skip)));
  // In text order, as a reader goes through the file; errors without a place keep their order, last.
  const rank = (e: TrafficError) => (e.line === undefined ? Number.POSITIVE_INFINITY : e.line * 1e9 + (e.col ?? 0));
  const order = placed.map((e, i) => ({ e, i })).sort((a, b) => rank(a.e) - rank(b.e) || a.i - b.i);
  return { errors: order.map((x) => x.e) };
}

function placeError(
  e: TrafficError,
  positions: JsonPositions,
  place: (offset: number) => { line: number; col: number },
): TrafficError {
  if (e.message.endsWith("on the command line)")) return e;
  const unknownKey = e.path.startsWith("(root)") && e.path !== "(root)";
  const path = e.path === "(root)" ? "" : unknownKey ? e.path.slice("(root)".length).replace(/^\./, "") : e.path;
  const offset =
    unknownKey || e.message.startsWith("unknown key") ? positions.keys.get(path) : positions.values.get(path);
  if (offset === undefined) return e;
  return { ...e, ...place(offset) };
}

/** Validates a parsed traffic file (any JSON value) into a plan, or lists every error. Never throws. */
export function validateTraffic(json: unknown, overrides: TrafficOverrides = {}): TrafficResult {
  const r = new FieldReader();
  const root = r.object(json, "");
  if (!root) return { errors: r.errors };
  r.onlyKeys(root, "", ROOT_KEYS);
  const durationS = readTop(r, root, overrides, "duration", { def: DEFAULT_DURATION_S, above: 0, max: MAX_DURATION_S });
  const seed = readTop(r, root, overrides, "seed", { def: DEFAULT_SEED, integer: true, min: 0, max: 0xffffffff });
  const duration = seconds(durationS ?? DEFAULT_DURATION_S);
  const names = new Map<string, number>();
  const streams = (r.list(root, "", "streams", MAX_STREAMS) ?? []).map((s, i) =>
    readStream(r, s, i, { duration, names }),
  );
  const messages = (r.list(root, "", "messages", MAX_MESSAGES) ?? []).map((m, i) => readMessage(r, m, i));
  const server = readServer(r, root.server);
  const endpoints = readEndpoints(r, root.endpoints);
  const agents = readAgents(r, root, overrides.proxy);
  if (r.errors.length > 0) return { errors: r.errors };
  const plan = {
    duration,
    seed: seed as number,
    streams: streams as PlannedStream[],
    messages: messages as PlannedMessage[],
    server: server as PlannedServer,
    endpoints: endpoints as PlannedEndpoint[],
    agents: agents as PlannedAgent[],
  };
  const planned = plannedRequests(plan.streams) + plan.messages.length;
  if (planned > MAX_PLANNED_REQUESTS) {
    r.error(
      plan.streams.length > 0 ? "streams" : "messages",
      `the file plans about ${thousands(planned)} requests; at most ${thousands(MAX_PLANNED_REQUESTS)} are allowed ` +
        "(lower a rate, shorten start…stop or set a count)",
    );
    return { errors: r.errors };
  }
  return { plan };
}

/** A top-level number, from the overrides when they give it (an error then says so). */
function readTop(
  r: FieldReader,
  root: JsonObject,
  overrides: TrafficOverrides,
  key: "duration" | "seed",
  rule: NumberRule,
): number | undefined {
  const override = overrides[key];
  if (override === undefined) return r.number(root, "", key, rule);
  const before = r.errors.length;
  const v = r.number({ [key]: override }, "", key, rule);
  for (const e of r.errors.slice(before)) e.message += ` (--${key} on the command line)`;
  return v;
}

/** 12345678 → "12,345,678" (locale-free, so the same text everywhere). */
function thousands(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+$)/g, ",");
}

/** Expected number of scheduled requests of the streams (poisson streams: the mean). */
function plannedRequests(streams: readonly PlannedStream[]): number {
  let total = 0;
  for (const s of streams) {
    const inWindow = (s.rate * (s.stop - s.start)) / 1_000_000;
    total += s.count === null ? inWindow : Math.min(inWindow, s.count);
  }
  return total;
}

function readMessage(r: FieldReader, value: unknown, index: number): PlannedMessage | undefined {
  const path = indexPath("messages", index);
  const o = r.object(value, path);
  if (!o) return undefined;
  const before = r.errors.length;
  r.onlyKeys(o, path, ["at", "src", "sport", "raw"]);
  const at = r.number(o, path, "at", { min: 0, max: MAX_DURATION_S });
  const srcText = r.string(o, path, "src");
  const src = srcText === undefined ? undefined : parseSingleAddress(srcText);
  if (src && !src.ok) r.error(keyPath(path, "src"), src.message);
  const sport = r.number(o, path, "sport", { def: DEFAULT_SPORT, integer: true, min: 1, max: 65535 });
  const rawText = r.string(o, path, "raw");
  const raw = rawText === undefined ? undefined : checkRawMessage(rawText);
  if (raw && !raw.ok) r.error(keyPath(path, "raw"), raw.message);
  if (r.errors.length > before || !src?.ok || !raw?.ok) return undefined;
  return { at: seconds(at as number), src: src.text, sport: sport as number, raw: raw.text, method: raw.method };
}

function readServer(r: FieldReader, value: unknown): PlannedServer | undefined {
  const o: JsonObject | undefined = value === undefined ? {} : r.object(value, "server");
  if (!o) return undefined;
  r.onlyKeys(o, "server", ["rx_queue", "request_cost"]);
  const rxQueue = r.number(o, "server", "rx_queue", {
    def: DEFAULT_RX_QUEUE,
    integer: true,
    min: 0,
    max: MAX_RX_QUEUE,
  });
  const cost = r.number(o, "server", "request_cost", { def: DEFAULT_REQUEST_COST_S, min: 0, max: MAX_COST_S });
  if (rxQueue === undefined || cost === undefined) return undefined;
  return { rxQueue, requestCost: seconds(cost) };
}

function readEndpoints(r: FieldReader, value: unknown): PlannedEndpoint[] | undefined {
  const o: JsonObject | undefined = value === undefined ? {} : r.object(value, "endpoints");
  if (!o) return undefined;
  const patterns = Object.keys(o);
  if (patterns.length > MAX_ENDPOINTS) {
    r.error("endpoints", `has ${patterns.length} entries; at most ${MAX_ENDPOINTS} are allowed`);
    return undefined;
  }
  const out: PlannedEndpoint[] = [];
  for (const pattern of patterns) {
    const e = readEndpoint(r, pattern, o[pattern]);
    if (e) out.push(e);
  }
  return out.length === patterns.length ? out : undefined;
}

function readEndpoint(r: FieldReader, pattern: string, value: unknown): PlannedEndpoint | undefined {
  const path = keyPath("endpoints", pattern);
  if (!/^https?:\/\/\S+$/.test(pattern)) {
    r.error(path, "must be an http:// or https:// URL pattern without spaces (* matches anything)");
    return undefined;
  }
  const o = r.object(value, path);
  if (!o) return undefined;
  r.onlyKeys(o, path, ["latency", "status", "body"]);
  const latency = r.number(o, path, "latency", { def: 0, min: 0, max: MAX_COST_S });
  const status = r.number(o, path, "status", { def: DEFAULT_ENDPOINT_STATUS, integer: true, min: 100, max: 599 });
  const body = r.string(o, path, "body", "");
  if (body !== undefined && body.length > MAX_SIP_TEXT * 16) r.error(keyPath(path, "body"), "is too long");
  if (latency === undefined || status === undefined || body === undefined) return undefined;
  return { pattern, latency: seconds(latency), status, body };
}
