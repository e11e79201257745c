/**
 * Real Kamailio's rate on the calls benchmark's config and traffic shape (bench/calls.ts), for the
 * ratio to kamsim's figure: `npx tsx bench/real-calls.ts [--phones N] [--cps A,B,...] [--window S]`
 * (not part of `npm test` or `npm run bench`: it takes real time and the machine).
 *
 * For each calls-per-second step it starts Debian's Kamailio 5.6.3 on Debian's stock
 * kamailio.cfg exactly as the differential harness does (tests/kamailio/harness: 127.0.0.1, a free
 * port, `nice -n -10`), and plays the calls benchmark's phones (callsTraffic(), moved into
 * 127.2.0.0/16) with the harness's UDP user agents — kamsim's own agent code on real sockets and
 * the wall clock. The phones register over the first 10 s, then place `cps` calls a second
 * (30 s each, as the benchmark) for `window` seconds. Counted, as in the benchmark, from the
 * phones' side: every datagram a phone sent to the proxy or received from it (the stock config
 * record-routes, so each is one the proxy received or sent), between the window's start and end,
 * per wall second. A step fails when a call placed in the window (up to 3 s before its end, time to
 * be answered) was not answered, or a phone's REGISTER was not answered 200. The figure reported is
 * the highest step with no failure — bounded by what this one Node process can generate, which it
 * says when its own timers ran late (`lateness`). With `--kamsim R` (kamsim's
 * `sip_messages_per_wall_second` from `npm run bench`'s calls line) it prints R / that figure.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { parseTrafficText } from "../src/engine/index.js";
import type { AgentSet, AgentSummary } from "../src/engine/world/agents/index.js";
import { createAgents } from "../src/engine/world/agents/index.js";
import { freeUdpPort, startKamailio, stopAllKamailios } from "../tests/kamailio/harness/kamailio-process.js";
import { raisePriority } from "../tests/kamailio/harness/run-case.js";
import { prepareAgents } from "../tests/kamailio/harness/udp-agents.js";
import { WallClock } from "../tests/kamailio/harness/wall-clock.js";
import { callsTraffic } from "./calls.js";

const STOCK_CONFIG = "/etc/kamailio/kamailio.cfg";
const REGISTER_S = 10;
const HOLD_S = 30;

const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? def) : def;
};
const phones = Number(arg("phones", "2000"));
const steps = arg("cps", "50,100,200").split(",").map(Number);
const window = Number(arg("window", "20"));
const kamsimRate = Number(arg("kamsim", "NaN"));

const totals = (s: readonly AgentSummary[]) => s.reduce((n, a) => n + a.counters.sent + a.counters.received, 0);

async function step(cps: number) {
  const duration = REGISTER_S + window + 1;
  // The benchmark's phones at 10.2.x.y, on loopback at 127.2.x.y (any 127/8 address can be bound).
  const traffic = JSON.parse(callsTraffic(phones, cps, HOLD_S, duration).replace(/"10\.2\./g, '"127.2.'));
  // A short window leaves the last phones no call of their own (count 0): they only answer.
  for (const a of traffic.agents) a.calls = a.calls.filter((c: { count: number }) => c.count >= 1);
  const parsed = parseTrafficText(JSON.stringify(traffic));
  if ("errors" in parsed) throw new Error(JSON.stringify(parsed.errors.slice(0, 3)));
  const plan = parsed.plan;
  const port = await freeUdpPort();
  const proxy = { ip: "127.0.0.1", port };
  let set: AgentSet | undefined;
  const play = await prepareAgents(
    (tr) => {
      set = createAgents(plan.agents, { proxy }, tr);
      return set;
    },
    { sent: new Map(), received: new Map() },
    { record: false },
  );
  const work = mkdtempSync(join(tmpdir(), "kamsim-real-calls-"));
  const file = join(work, "kamailio.cfg");
  writeFileSync(file, readFileSync(STOCK_CONFIG, "utf8"));
  try {
    const run = await startKamailio(file, work, port);
    const clock = new WallClock(run.t0);
    const marks: { wall: number; messages: number }[] = [];
    const mark = () => marks.push({ wall: performance.now(), messages: totals(set?.summary() ?? []) });
    clock.schedule(REGISTER_S * 1e6, mark);
    clock.schedule((REGISTER_S + window) * 1e6, mark);
    play.start(clock);
    await new Promise((r) => setTimeout(r, duration * 1000));
    const summary = set?.summary() ?? [];
    await play.close();
    await run.stop();
    const [a, b] = marks;
    const rate = a && b ? ((b.messages - a.messages) / (b.wall - a.wall)) * 1000 : Number.NaN;
    const lastCall = (REGISTER_S + window - 3) * 1e6;
    let placed = 0;
    let unanswered = 0;
    for (const s of summary)
      for (const c of s.calls)
        if (c.role === "caller" && c.started <= lastCall) {
          placed++;
          if (c.answered === null) unanswered++;
        }
    const unregistered = summary.filter((s) => s.registration.code !== 200).length;
    return {
      cps,
      phones,
      window_s: window,
      calls_placed: placed,
      calls_unanswered: unanswered,
      phones_not_registered: unregistered,
      sip_messages_per_wall_second: Math.round(rate),
      lateness_ms: Math.round(clock.maxLateness),
      errors: play.errors.length,
      ok: unanswered === 0 && unregistered === 0 && play.errors.length === 0,
    };
  } finally {
    await play.close();
    await stopAllKamailios();
    rmSync(work, { recursive: true, force: true });
  }
}

raisePriority();
const load = readFileSync("/proc/loadavg", "utf8").split(" ")[0];
let best: number | undefined;
for (const cps of steps) {
  const r = await step(cps);
  console.log(JSON.stringify({ bench: "real.calls.stock-config", load: Number(load), ...r }));
  if (!r.ok) break;
  best = Math.max(best ?? 0, r.sip_messages_per_wall_second);
}
console.log(
  JSON.stringify({
    bench: "real.calls.stock-config.best",
    sip_messages_per_wall_second: best ?? null,
    note: "highest step with every call answered and every phone registered; one Node process generates the load",
    ...(Number.isFinite(kamsimRate) && best
      ? { kamsim_sip_messages_per_wall_second: kamsimRate, ratio: Math.round((kamsimRate / best) * 10) / 10 }
      : {}),
  }),
);
