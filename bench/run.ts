/**
 * `npm run bench`: prints one JSON line per benchmark. Numbers, not a test: nothing fails here.
 * Run on an otherwise idle machine for comparable figures (the engine uses one core).
 */
import {
  analyzeConfig,
  compileConfig,
  createSimulation,
  FIRST_LINE,
  NO_EVENTS,
  parseTrafficText,
  seconds,
} from "../src/engine/index.js";
import { highlightLine } from "../src/ui/editor/highlight.js";
import { callsBench } from "./calls.js";
import { frontEndConfig } from "./configs.js";
import { scaleBench } from "./scale.js";
import { CLASSIC_CONFIG, classicLoadTraffic, sixtyStatementConfig, sixtyStatementTraffic } from "./scenarios.js";

interface Result {
  bench: string;
  [k: string]: string | number;
}

const round = (n: number, d = 2) => Number(n.toFixed(d));

function timeIt(fn: () => void, iterations: number): number[] {
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b);
}

function frontEnd(): Result {
  const text = frontEndConfig(5000);
  for (let i = 0; i < 20; i++) analyzeConfig(text); // warm-up: let the JIT settle
  const times = timeIt(() => analyzeConfig(text), 50);
  return {
    bench: "frontend.preprocess+parse+check",
    lines: text.split("\n").length,
    diagnostics: analyzeConfig(text).diagnostics.length,
    median_ms: round(times[times.length >> 1] as number),
    min_ms: round(times[0] as number),
    p90_ms: round(times[Math.floor(times.length * 0.9)] as number),
    target_ms: 30,
  };
}

/**
 * The editor's highlighting of the same 5,000-line config, every line from the first as Monaco
 * asks for them (the engine's lexer a line at a time, then the classes). Monaco spreads this over
 * idle time, visible lines first; this is the whole document at once.
 */
function editor(): Result {
  const lines = frontEndConfig(5000).split("\n");
  const all = () => {
    let state = FIRST_LINE;
    for (const line of lines) state = highlightLine(line, state).state;
  };
  for (let i = 0; i < 20; i++) all();
  const times = timeIt(all, 50);
  return {
    bench: "editor.highlight.all-lines",
    lines: lines.length,
    median_ms: round(times[times.length >> 1] as number),
    min_ms: round(times[0] as number),
    p90_ms: round(times[Math.floor(times.length * 0.9)] as number),
    target_ms: 30,
  };
}

/** Runs a scenario in 10-second slices, sampling the heap between them. */
function simulate(name: string, config: string, traffic: string, target: number): Result {
  const cfg = compileConfig(config);
  const t = parseTrafficText(traffic);
  if ("errors" in t) throw new Error(JSON.stringify(t.errors));
  let logs = 0;
  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let peak = heapBefore;
  const t0 = performance.now();
  const sim = createSimulation(cfg, t.plan, {
    onEvent: () => logs++,
    wants: { ...NO_EVENTS, log: true },
  });
  for (let at = seconds(10); ; at += seconds(10)) {
    sim.runUntil(Math.min(at, t.plan.duration));
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    if (at >= t.plan.duration) break;
  }
  const ms = performance.now() - t0;
  globalThis.gc?.();
  const live = process.memoryUsage().heapUsed;
  return {
    bench: name,
    requests: sim.stats.received,
    dropped: sim.stats.dropped,
    log_lines: logs,
    wall_ms: round(ms, 1),
    requests_per_wall_second: Math.round((sim.stats.received / ms) * 1000),
    target_requests_per_wall_second: target,
    peak_heap_mb: round(peak / 1e6, 1),
    heap_after_gc_mb: round(live / 1e6, 1),
    target_peak_heap_mb: 200,
  };
}

/** The benchmarks by name; scripts/bench.js runs each in a fresh process so JIT state does not carry over. */
export const BENCHES: Readonly<Record<string, () => Result>> = {
  frontend: frontEnd,
  editor,
  classic: () => simulate("sim.classic.1000rps+flood.600s", CLASSIC_CONFIG, classicLoadTraffic(), 1_000_000),
  sixty: () => simulate("sim.request_route.60-statements", sixtyStatementConfig(), sixtyStatementTraffic(), 300_000),
  calls: callsBench,
  scale: () => scaleBench(),
};

const which = process.argv[2];
for (const [name, bench] of Object.entries(BENCHES)) if (!which || which === name) console.log(JSON.stringify(bench()));
