/**
 * Validation of one entry of `streams`: every key checked and named in its errors, defaults
 * filled (see `TrafficStream` for each default), times turned into microseconds.
 */
import { type Micros, seconds } from "../base/time.js";
import { parseAddressOrBlock } from "./address.js";
import type { FieldReader, JsonObject } from "./fields.js";
import { MAX_DURATION_S, MAX_HEADERS, MAX_RATE, MAX_SIP_TEXT, MAX_SRC_ENTRIES } from "./limits.js";
import { indexPath, keyPath } from "./path.js";
import { isToken } from "./raw-message.js";
import {
  DEFAULT_METHOD,
  DEFAULT_SPORT,
  DEFAULT_TO,
  defaultFrom,
  defaultStreamName,
  type PlannedStream,
  type TrafficHeader,
  type TrafficPattern,
} from "./types.js";

const STREAM_KEYS = [
  "name",
  "src",
  "sport",
  "method",
  "rate",
  "pattern",
  "start",
  "stop",
  "count",
  "from",
  "to",
  "ruri",
  "headers",
  "body",
] as const;

const NAME = /^[A-Za-z0-9_.-]{1,64}$/;
const URI = /^(?:sips?|tel):[^\s<>"]+$/i;

/**
 * Headers a stream's requests get from the stream itself (and their compact forms): giving them
 * again would make requests with two Vias or two CSeqs, which no real phone sends.
 */
const BUILT_HEADERS: ReadonlyMap<string, string> = new Map([
  ["via", "it is built for each request"],
  ["v", "it is Via, built for each request"],
  ["from", 'set the stream\'s "from" instead'],
  ["f", 'it is From; set the stream\'s "from" instead'],
  ["to", 'set the stream\'s "to" instead'],
  ["t", 'it is To; set the stream\'s "to" instead'],
  ["call-id", "it is built for each request"],
  ["i", "it is Call-ID, built for each request"],
  ["cseq", "it is the request's number"],
  ["content-length", "it is computed from the body"],
  ["l", "it is Content-Length, computed from the body"],
]);

/** What a stream's validation needs to know about the rest of the file. */
export interface StreamContext {
  /** The run's length (the default `stop`, and the clamp of every `stop`). */
  duration: Micros;
  /** Names taken by earlier streams, with their index. */
  names: Map<string, number>;
}

/** Validates `streams[index]`; `undefined` when it has errors (all reported). */
export function readStream(
  r: FieldReader,
  value: unknown,
  index: number,
  ctx: StreamContext,
): PlannedStream | undefined {
  const path = indexPath("streams", index);
  const o = r.object(value, path);
  if (!o) return undefined;
  const before = r.errors.length;
  r.onlyKeys(o, path, STREAM_KEYS);
  const name = readName(r, o, path, index, ctx.names);
  const src = readSrc(r, o, path);
  const sport = r.number(o, path, "sport", { def: DEFAULT_SPORT, integer: true, min: 1, max: 65535 });
  const method = readMethod(r, o, path);
  const rate = r.number(o, path, "rate", { min: 0, max: MAX_RATE });
  const pattern = readPattern(r, o, path);
  const window = readWindow(r, o, path, ctx.duration);
  const count = r.number(o, path, "count", { def: Number.POSITIVE_INFINITY, integer: true, min: 1 });
  const from = readUri(r, o, path, "from", defaultFrom(name ?? defaultStreamName(index)));
  const to = readUri(r, o, path, "to", DEFAULT_TO);
  const ruri = readUri(r, o, path, "ruri", to ?? DEFAULT_TO);
  const headers = readHeaders(r, o, path);
  const body = readBody(r, o, path);
  if (r.errors.length > before) return undefined;
  return {
    name: name as string,
    src: src as string[],
    sport: sport as number,
    method: method as string,
    rate: rate as number,
    pattern: pattern as TrafficPattern,
    start: (window as Window).start,
    stop: (window as Window).stop,
    count: count === Number.POSITIVE_INFINITY || count === undefined ? null : count,
    from: from as string,
    to: to as string,
    ruri: ruri as string,
    headers: headers as TrafficHeader[],
    body: body as string,
  };
}

function readName(
  r: FieldReader,
  o: JsonObject,
  path: string,
  index: number,
  names: Map<string, number>,
): string | undefined {
  const name = r.string(o, path, "name", defaultStreamName(index));
  if (name === undefined) return undefined;
  const at = keyPath(path, "name");
  if (!NAME.test(name)) {
    r.error(at, "must be 1 to 64 letters, digits, '_', '-' or '.'");
    return undefined;
  }
  const other = names.get(name);
  if (other !== undefined) {
    const given = o.name === undefined ? ` (the default name of a stream without one)` : "";
    r.error(at, `${JSON.stringify(name)}${given} is already the name of streams[${other}]`);
    return undefined;
  }
  names.set(name, index);
  return name;
}

function readSrc(r: FieldReader, o: JsonObject, path: string): string[] | undefined {
  const at = keyPath(path, "src");
  const v = o.src;
  if (v === undefined) {
    r.error(at, "is required (an address, a CIDR block, or a list of them)");
    return undefined;
  }
  const entries = typeof v === "string" ? [v] : v;
  if (!Array.isArray(entries)) {
    r.error(
      at,
      `must be an address, a CIDR block or a list of them, not ${typeof v === "object" ? "an object" : typeof v}`,
    );
    return undefined;
  }
  if (entries.length === 0 || entries.length > MAX_SRC_ENTRIES) {
    r.error(at, `must list 1 to ${MAX_SRC_ENTRIES} addresses or blocks`);
    return undefined;
  }
  const out: string[] = [];
  for (let i = 0; i < entries.length; i++) {
    const e: unknown = entries[i];
    const p = typeof v === "string" ? at : indexPath(at, i);
    const parsed = typeof e === "string" ? parseAddressOrBlock(e) : undefined;
    if (parsed?.ok) out.push(parsed.text);
    else r.error(p, parsed ? parsed.message : "must be an address or a CIDR block in a string");
  }
  return out.length === entries.length ? out : undefined;
}

function readMethod(r: FieldReader, o: JsonObject, path: string): string | undefined {
  const method = r.string(o, path, "method", DEFAULT_METHOD);
  if (method !== undefined && !isToken(method)) {
    r.error(keyPath(path, "method"), `${JSON.stringify(method)} is not a SIP method (a token such as INVITE)`);
    return undefined;
  }
  return method;
}

function readPattern(r: FieldReader, o: JsonObject, path: string): TrafficPattern | undefined {
  const pattern = r.string(o, path, "pattern", "uniform");
  if (pattern === undefined || pattern === "uniform" || pattern === "poisson") return pattern;
  r.error(keyPath(path, "pattern"), `must be "uniform" or "poisson", not ${JSON.stringify(pattern)}`);
  return undefined;
}

interface Window {
  start: Micros;
  stop: Micros;
}

/** `start` and `stop`: a written stop before start is an error; every stop is clamped to the run. */
function readWindow(r: FieldReader, o: JsonObject, path: string, duration: Micros): Window | undefined {
  const start = r.number(o, path, "start", { def: 0, min: 0, max: MAX_DURATION_S });
  const stop = r.number(o, path, "stop", { def: Number.POSITIVE_INFINITY, min: 0, max: MAX_DURATION_S });
  if (start === undefined || stop === undefined) return undefined;
  if (start > stop) {
    r.error(keyPath(path, "start"), `is after stop (${start} > ${stop})`);
    return undefined;
  }
  const s = seconds(start);
  // A stream ends with the run, so that `--duration` can shorten any file.
  return {
    start: s,
    stop: Math.max(s, Math.min(stop === Number.POSITIVE_INFINITY ? duration : seconds(stop), duration)),
  };
}

function readUri(r: FieldReader, o: JsonObject, path: string, key: string, def: string): string | undefined {
  const uri = r.string(o, path, key, def);
  if (uri === undefined) return undefined;
  const bare = uri.replaceAll("{n}", "1");
  if (bare.includes("{") || bare.includes("}")) {
    r.error(keyPath(path, key), "has a placeholder other than {n}");
    return undefined;
  }
  if (!URI.test(bare) || uri.length > 1024) {
    r.error(keyPath(path, key), `${JSON.stringify(uri)} is not a sip:, sips: or tel: URI (no spaces, no <>)`);
    return undefined;
  }
  return uri;
}

function readHeaders(r: FieldReader, o: JsonObject, path: string): TrafficHeader[] | undefined {
  if (o.headers === undefined) return [];
  const at = keyPath(path, "headers");
  const h = r.object(o.headers, at);
  if (!h) return undefined;
  const names = Object.keys(h);
  if (names.length > MAX_HEADERS) {
    r.error(at, `has ${names.length} headers; at most ${MAX_HEADERS} are allowed`);
    return undefined;
  }
  const out: TrafficHeader[] = [];
  for (const name of names) {
    const hp = keyPath(at, name);
    const value = h[name];
    const built = BUILT_HEADERS.get(name.toLowerCase());
    if (!isToken(name)) r.error(hp, "is not a header name (letters, digits and -.!%*_+`'~)");
    else if (built) r.error(hp, `cannot be set here: ${built}`);
    else if (typeof value !== "string") r.error(hp, "must be a string");
    else if (/[\r\n]/.test(value)) r.error(hp, "must be one line (no line breaks in a header value)");
    else if (value.length > MAX_SIP_TEXT) r.error(hp, `is longer than ${MAX_SIP_TEXT} characters`);
    else out.push({ name, value });
  }
  return out.length === names.length ? out : undefined;
}

function readBody(r: FieldReader, o: JsonObject, path: string): string | undefined {
  const body = r.string(o, path, "body", "");
  if (body !== undefined && body.length > MAX_SIP_TEXT) {
    r.error(keyPath(path, "body"), `is longer than ${MAX_SIP_TEXT} characters`);
    return undefined;
  }
  return body;
}
