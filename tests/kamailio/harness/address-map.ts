/**
 * Golden cases and examples send from documentation addresses (192.0.2.x, 198.51.100.x,
 * 203.0.113.x), which the harness cannot bind: it may only send from 127.0.0.0/8. For the
 * Kamailio run each IPv4 source a.b.c.d becomes 127.N.c.d, N = 10, 11, ... one per distinct
 * a.b (in order of first use); 127.x sources stay as they are. Mapping back turns every
 * 127.N.c.d in Kamailio's output into a.b.c.d again.
 *
 * The mapping keeps what pike's address tree sees below the first byte (modules/pike/ip_tree.c
 * builds one node per byte): two sources share a /24 or a /16 after mapping exactly when they
 * did before. Only the first byte is lost: sources in different /8s share 127/8 in Kamailio.
 * N ≥ 10 keeps every mapped source clear of 127.0.0.1, the address Kamailio listens on.
 */
import type { TrafficPlan } from "../../../src/engine/index.js";
import { planArrivals } from "./sender.js";

/** Original source → address used for Kamailio, and back. */
export interface AddressMap {
  /** `192.0.2.10` → `127.10.2.10`, for every original source (addresses only, not blocks). */
  forward: Map<string, string>;
  /** The reverse of `forward`. */
  back: Map<string, string>;
  /** a.b → N, the second byte of the mapped addresses. */
  prefixes: Map<string, number>;
}

/** The main lane's first mapped second byte. */
export const FIRST_SECOND_BYTE = 10;
/**
 * The side lane's (recordings-side.ts): long recordings run while the main lane runs, so their
 * sources start at 127.100 and never meet the main lane's 127.10, 127.11, ... on the same port.
 */
export const SIDE_SECOND_BYTE = 100;
const V4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(\/\d{1,2})?$/;

function mapOne(spec: string, prefixes: Map<string, number>, first: number): string {
  const m = V4.exec(spec);
  if (!m) throw new Error(`source ${spec}: only IPv4 sources can be mapped to loopback`);
  const [, a, b, c, d, len = ""] = m;
  if (a === "127") return spec;
  if (len && Number(len.slice(1)) < 16)
    throw new Error(`source block ${spec}: blocks wider than /16 cannot be mapped to loopback`);
  const key = `${a}.${b}`;
  let n = prefixes.get(key);
  if (n === undefined) {
    n = first + prefixes.size;
    prefixes.set(key, n);
  }
  return `127.${n}.${c}.${d}${len}`;
}

/**
 * The plan with every source mapped into 127.0.0.0/8 (streams' addresses and blocks, raw
 * messages' sources), and an empty map of single addresses (`loopbackPlan` fills it).
 */
export function mapPlanToLoopback(
  plan: TrafficPlan,
  first = FIRST_SECOND_BYTE,
): { plan: TrafficPlan; map: AddressMap } {
  const prefixes = new Map<string, number>();
  const streams = plan.streams.map((s) => ({ ...s, src: s.src.map((x) => mapOne(x, prefixes, first)) }));
  const messages = plan.messages.map((m) => ({ ...m, src: mapOne(m.src, prefixes, first) }));
  return { plan: { ...plan, streams, messages }, map: { forward: new Map(), back: new Map(), prefixes } };
}

/** Adds one arrival's address pair to the map (the same original must always map the same way). */
export function addPair(map: AddressMap, original: string, mapped: string): void {
  const known = map.forward.get(original);
  if (known !== undefined && known !== mapped) throw new Error(`source ${original} mapped to ${known} and ${mapped}`);
  map.forward.set(original, mapped);
  map.back.set(mapped, original);
}

const DOTTED = /(?<![\d.])127\.\d{1,3}\.\d{1,3}\.\d{1,3}(?![\d])/g;

/** Kamailio's text with every mapped source turned back into the original address. */
export function mapTextBack(text: string, map: AddressMap): string {
  if (map.back.size === 0) return text;
  return text.replace(DOTTED, (ip) => map.back.get(ip) ?? ip);
}

/**
 * The plan with its sources mapped into 127.0.0.0/8, and the map of every address its arrivals
 * use. The arrivals must be the same ones (times, ports, order), only their addresses mapped.
 */
export function loopbackPlan(plan: TrafficPlan, first = FIRST_SECOND_BYTE): { plan: TrafficPlan; map: AddressMap } {
  const mapped = mapPlanToLoopback(plan, first);
  const original = planArrivals(plan, plan.seed);
  const local = planArrivals(mapped.plan, plan.seed);
  if (original.length !== local.length) throw new Error("mapping the sources changed the number of arrivals");
  for (const [i, a] of original.entries()) {
    const b = local[i];
    if (!b || b.t !== a.t || b.sport !== a.sport) throw new Error(`mapping the sources changed arrival ${i + 1}`);
    addPair(mapped.map, a.src, b.src);
  }
  return mapped;
}
