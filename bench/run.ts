/**
 * `npm run bench`: prints one JSON line per benchmark. Numbers, not a test: nothing fails here.
 * Run on one core of the CI machine for comparable figures.
 */
import { analyzeConfig } from "../src/engine/index.js";
import { frontEndConfig } from "./configs.js";

interface Result {
  bench: string;
  [k: string]: string | number;
}

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
  const lines = text.split("\n").length;
  for (let i = 0; i < 20; i++) analyzeConfig(text); // warm-up: let the JIT settle
  const times = timeIt(() => analyzeConfig(text), 50);
  const diagnostics = analyzeConfig(text).diagnostics.length;
  return {
    bench: "frontend.preprocess+parse+check",
    lines,
    diagnostics,
    median_ms: Number((times[times.length >> 1] as number).toFixed(2)),
    min_ms: Number((times[0] as number).toFixed(2)),
    p90_ms: Number((times[Math.floor(times.length * 0.9)] as number).toFixed(2)),
    target_ms: 30,
  };
}

for (const bench of [frontEnd]) console.log(JSON.stringify(bench()));
