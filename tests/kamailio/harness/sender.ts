/**
 * Plays a traffic plan to a real Kamailio over UDP on loopback: the same arrivals kamsim makes
 * (`createArrivals` with the plan's seed), the same request text (kamsim's own `RequestFactory`,
 * hence `buildRequest`), each sent from a socket bound to the arrival's source address and port
 * (any 127.x address can be bound on Linux) at t0 + its planned time; every reply is recorded.
 *
 * When a planned source port is taken, the socket gets a free port instead and the request text
 * names that port (Via and Contact stay truthful); the deviation is reported, since `$sp` then
 * differs from kamsim's.
 */
import { createSocket, type Socket } from "node:dgram";
import { performance } from "node:perf_hooks";
import { createRng } from "../../../src/engine/base/rng.js";
import { type Arrival, createArrivals } from "../../../src/engine/traffic/arrivals.js";
import { RequestFactory } from "../../../src/engine/traffic/requests.js";
import type { TrafficPlan } from "../../../src/engine/traffic/types.js";

/** A request as sent, and what came back. */
export interface SentRequest {
  /** 1-based, in arrival order: the same number kamsim gives it (`req`). */
  req: number;
  /** Planned time, seconds. */
  planned: number;
  /** When it was sent, seconds since t0. */
  sent: number;
  src: string;
  /** Port actually used. */
  sport: number;
  method: string;
  callId: string;
  cseq: string;
  /** Reply status codes, in the order they came. */
  replies: string[];
}

export interface SendResult {
  requests: SentRequest[];
  /** Sources that could not get their planned port: `127.0.0.9:5060 → 127.0.0.9:41234`. */
  deviations: string[];
  /** Replies that matched no request (first lines). */
  stray: string[];
  /** Socket errors while sending (e.g. Kamailio not listening). */
  errors: string[];
}

/**
 * The smallest gap kept between two sends that were planned apart (ms): a sender that fell
 * behind (a busy machine) does not fire its overdue requests back to back, where Kamailio's
 * SIP workers would take them at once and handle them in racing order.
 */
const MIN_GAP_MS = 5;

/** More requests than a differential case should need (each one costs real time). */
const MAX_REQUESTS = 5000;

const header = (text: string, names: RegExp): string => {
  for (const line of text.split(/\r?\n/)) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m && names.test((m[1] as string).trim())) return (m[2] as string).trim();
  }
  return "";
};
const keyOf = (text: string) => `${header(text, /^(call-id|i)$/i)}|${header(text, /^cseq$/i)}`;

/** The plan's arrivals, in order, exactly as kamsim's simulation takes them. */
export function planArrivals(plan: TrafficPlan, seed: number): Arrival[] {
  const arrivals = createArrivals(plan, createRng(seed));
  const out: Arrival[] = [];
  for (let a = arrivals.next(); a; a = arrivals.next()) {
    if (out.length >= MAX_REQUESTS) throw new Error(`traffic plans more than ${MAX_REQUESTS} requests`);
    out.push(a);
  }
  return out;
}

function checkLoopback(src: string): void {
  if (!/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(src))
    throw new Error(`source ${src} is not in 127.0.0.0/8: a differential case may only send from loopback`);
}

/** A socket bound to src:sport (or src and a free port) and connected to Kamailio; errors go to `errors`. */
function bindSocket(src: string, sport: number, port: number, errors: string[]): Promise<Socket> {
  const attempt = (p: number) =>
    new Promise<Socket>((resolve, reject) => {
      const s = createSocket("udp4");
      const fail = (e: Error) => {
        s.close();
        reject(e);
      };
      s.once("error", fail);
      s.bind(p, src, () =>
        s.connect(port, "127.0.0.1", () => {
          s.off("error", fail);
          // ECONNREFUSED here means Kamailio was not listening when a request came.
          s.on("error", (e) => errors.push(`${src}:${s.address().port}: ${e.message}`));
          resolve(s);
        }),
      );
    });
  return attempt(sport).catch(() => attempt(0));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until performance.now() ≥ target: a timer for the bulk, a short spin for the last ms. */
async function waitUntil(target: number): Promise<void> {
  const ahead = target - performance.now();
  if (ahead > 3) await sleep(ahead - 2);
  const spinEnd = Math.min(target, performance.now() + 5);
  while (performance.now() < spinEnd) {
    // busy-wait for at most 5 ms
  }
}

/**
 * Sends the plan's requests to 127.0.0.1:`port`, t = 0 being `t0` (performance.now() ms), and
 * keeps listening for replies until `t0 + endSeconds`.
 */
export async function sendTraffic(
  plan: TrafficPlan,
  seed: number,
  port: number,
  t0: number,
  endSeconds: number,
): Promise<SendResult> {
  const arrivals = planArrivals(plan, seed);
  const factory = new RequestFactory(plan);
  const sockets = new Map<string, Socket>();
  const deviations: string[] = [];
  const stray: string[] = [];
  const errors: string[] = [];
  const byKey = new Map<string, SentRequest>();
  const requests: SentRequest[] = [];
  try {
    for (const a of arrivals) {
      checkLoopback(a.src);
      const id = `${a.src}:${a.sport}`;
      if (sockets.has(id)) continue;
      const s = await bindSocket(a.src, a.sport, port, errors);
      const got = s.address().port;
      if (got !== a.sport) deviations.push(`${id} → ${a.src}:${got}`);
      s.on("message", (buf) => {
        const text = buf.toString("utf8");
        // The version as Kamailio writes it: sl copies the request's (`sip/2.0 200 OK` answers
        // a request written with `sip/2.0`).
        const code = /^\S+ (\d+)/.exec(text)?.[1] ?? "?";
        const r = byKey.get(keyOf(text));
        if (r) r.replies.push(code);
        else stray.push(text.split("\r\n")[0] ?? "");
      });
      sockets.set(id, s);
    }
    let lastSend = Number.NEGATIVE_INFINITY;
    let lastPlanned = Number.NEGATIVE_INFINITY;
    for (const [i, a] of arrivals.entries()) {
      const s = sockets.get(`${a.src}:${a.sport}`) as Socket;
      const built = factory.textFor({ ...a, sport: s.address().port });
      if ("error" in built) throw new Error(`request ${i + 1}: ${built.error}`);
      // Sent byte for byte as built or written in the traffic file (a raw message's bare LF line
      // ends, garbage and all): the receive path under test judges exactly these bytes.
      const text = built.text;
      const r: SentRequest = {
        req: i + 1,
        planned: a.t / 1e6,
        sent: Number.NaN,
        src: a.src,
        sport: s.address().port,
        method: built.method,
        callId: header(text, /^(call-id|i)$/i),
        cseq: header(text, /^cseq$/i),
        replies: [],
      };
      byKey.set(keyOf(text), r);
      requests.push(r);
      const planned = t0 + a.t / 1000;
      await waitUntil(Math.max(planned, lastSend + Math.min(planned - lastPlanned, MIN_GAP_MS)));
      lastSend = performance.now();
      lastPlanned = planned;
      r.sent = (lastSend - t0) / 1000;
      try {
        s.send(Buffer.from(text, "utf8"));
      } catch (e) {
        errors.push(`request ${r.req}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    await waitUntil(t0 + endSeconds * 1000);
  } finally {
    await Promise.all([...sockets.values()].map((s) => new Promise((r) => s.close(() => r(undefined)))));
  }
  return { requests, deviations, stray, errors };
}
