/**
 * How fast `kamsim check examples/classic/kamailio.cfg` starts, beside a bare `node -e 0` on the
 * same machine (issue 8; target: under 3× of it). Both run as fresh processes, interleaved so
 * that a change of machine load hits both alike; prints the median of each and their ratio as
 * one JSON line. `kamsim` here is cli/bin.js, what `npx kamsim` runs once npx has found it (npx's
 * own start, npm's, is not the CLI's). KAMSIM_BENCH_RUNS sets the number of runs (default 21).
 */
import { spawnSync } from "node:child_process";
import { loadavg } from "node:os";

const runs = Number(process.env.KAMSIM_BENCH_RUNS) || 21;
const bare = ["-e", "0"];
const kamsim = ["cli/bin.js", "check", "examples/classic/kamailio.cfg"];

function once(args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: "utf8" });
  const ms = performance.now() - t0;
  // A notice on stderr means the bundle was not used (stale and not rebuildable): say so, loudly.
  if (r.status !== 0 || r.stderr) throw new Error(`node ${args.join(" ")}: exit ${r.status}: ${r.stderr}`);
  return ms;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1] as number;
};
const round = (n: number) => Number(n.toFixed(1));

// Warm-up: the page cache, and a rebuild of the bundle if a source changed since the last start.
once(bare);
once(kamsim);
const load = loadavg()[0] as number;
const times = { bare: [] as number[], kamsim: [] as number[] };
for (let i = 0; i < runs; i++) {
  times.bare.push(once(bare));
  times.kamsim.push(once(kamsim));
}
const b = median(times.bare);
const k = median(times.kamsim);
console.log(
  JSON.stringify({
    bench: "cli.start.check-classic",
    runs,
    node_e0_median_ms: round(b),
    kamsim_check_median_ms: round(k),
    ratio: Number((k / b).toFixed(2)),
    target_ratio: 3,
    node_e0_min_ms: round(Math.min(...times.bare)),
    kamsim_check_min_ms: round(Math.min(...times.kamsim)),
    load_average_1m: Number(load.toFixed(2)),
  }),
);
