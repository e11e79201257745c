/**
 * Issue 11's scale limits: 100,000 registered contacts and 50,000 transactions in flight at once
 * must fit in the 400 MB memory target. A teaching config (save, lookup, t_relay) takes 100,000
 * REGISTERs from distinct users in 10 s, then 50,000 INVITEs to them in the next 5 s. Every
 * contact is an address where no one listens, so each INVITE's branch is lost and its
 * transaction waits for fr_timer (30 s by default, modules/tm/timer.c): at 15 s all 50,000 are
 * alive. The heap is sampled after every simulated second (its peak) and measured after a
 * collection before the traffic and at 15 s (live); usrloc's and tm's own answers (ul.dump,
 * tm.stats) say what it holds then.
 */
import {
  compileConfig,
  createSimulation,
  NO_EVENTS,
  parseTrafficText,
  type RpcResult,
  seconds,
} from "../src/engine/index.js";

export const SCALE_CONFIG = `#!KAMAILIO
debug=2
log_stderror=yes
children=8

loadmodule "tm.so"
loadmodule "sl.so"
loadmodule "pv.so"
loadmodule "textops.so"
loadmodule "usrloc.so"
loadmodule "registrar.so"

request_route {
    if (is_method("REGISTER")) {
        save("location");
        exit;
    }
    if (!lookup("location")) {
        sl_send_reply("404", "Not Found");
        exit;
    }
    t_relay();
}
`;

/** 100,000 REGISTERs (users u1..u100000, one contact each, 10.x.y.z) then 50,000 INVITEs to u1..u50000. */
export function scaleTraffic(contacts = 100_000, transactions = 50_000): string {
  const regRate = contacts / 10;
  const invRate = transactions / 5;
  return JSON.stringify({
    duration: 16,
    seed: 1,
    streams: [
      {
        name: "reg",
        src: "10.0.0.0/8",
        method: "REGISTER",
        rate: regRate,
        pattern: "uniform",
        start: 0,
        stop: 10,
        ruri: "sip:kamsim.test",
        from: "sip:u{n}@kamsim.test",
        to: "sip:u{n}@kamsim.test",
        headers: { Contact: "<sip:u{n}@10.200.0.1:5060>", Expires: "3600" },
      },
      {
        name: "inv",
        src: "192.0.2.0/24",
        method: "INVITE",
        rate: invRate,
        pattern: "uniform",
        start: 10,
        stop: 15,
        ruri: "sip:u{n}@kamsim.test",
        to: "sip:u{n}@kamsim.test",
      },
    ],
    server: { rx_queue: 1_000_000, request_cost: 0.00001 },
  });
}

const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;

function heapNow(): number {
  globalThis.gc?.();
  globalThis.gc?.();
  return process.memoryUsage().heapUsed;
}

/** Runs to 15 s in 1 s slices; the heap's peak and its live size then, with what usrloc and tm hold. */
export function scaleBench(contacts = 100_000, transactions = 50_000): { bench: string; [k: string]: string | number } {
  const bench = `sim.scale.${contacts}-contacts.${transactions}-transactions`;
  const cfg = compileConfig(SCALE_CONFIG);
  if (!cfg.ok) throw new Error("scale config does not compile");
  const t = parseTrafficText(scaleTraffic(contacts, transactions));
  if ("errors" in t) throw new Error(JSON.stringify(t.errors));
  const sim = createSimulation(cfg, t.plan, { onEvent: () => {}, wants: NO_EVENTS });
  const before = heapNow();
  let peak = before;
  const t0 = performance.now();
  for (let s = 1; s <= 15; s++) {
    sim.runUntil(seconds(s));
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }
  const ms = performance.now() - t0;
  const live = heapNow();
  const text = (r: RpcResult) => (r.ok ? r.text : "");
  const inFlight = /current: (\d+)/.exec(text(sim.rpc("tm.stats", [])))?.[1];
  const dump = text(sim.rpc("ul.dump", ["brief"]));
  return {
    bench,
    aors_registered: Number(/Records: (\d+)/.exec(dump)?.[1] ?? 0),
    transactions_in_flight: Number(inFlight ?? 0),
    wall_ms: Math.round(ms),
    heap_before_mb: mb(before),
    heap_peak_mb: mb(peak),
    heap_live_at_15s_mb: mb(live),
    heap_growth_mb: mb(live - before),
    target_peak_heap_mb: 400,
  };
}
