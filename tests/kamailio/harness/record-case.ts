/**
 * One golden case or example through the real Kamailio, the way the differential harness runs
 * its cases (run-case.ts: same start, t = 0, sender, stop and normalisation), with two additions
 * a golden case needs:
 * - its documentation source addresses are mapped into 127.0.0.0/8 for the run and mapped back
 *   in the output (address-map.ts);
 * - its simulated HTTP `endpoints` are served on 127.0.0.1, the config copy given to Kamailio
 *   names the local servers, and the output names the case's URLs again (http-endpoints.ts).
 * The result is a `Recording` (recording.ts), fresh from Kamailio, plus kamsim's run of the same
 * config on the same mapped traffic for the comparison (recording-compare.ts).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { TrafficPlan } from "../../../src/engine/index.js";
import { KAMAILIO_BINARY } from "../kamailio.js";
import { mapTextBack } from "./address-map.js";
import { serveEndpoints } from "./http-endpoints.js";
import { freeUdpPort, startKamailio, waitForChildren } from "./kamailio-process.js";
import { CONFIG_NAME, type KamsimResult } from "./kamsim-run.js";
import { keepComparable, toRecords } from "./normalize.js";
import type { Recording } from "./recording.js";
import { kamsimOnLoopback } from "./recording-compare.js";
import { raisePriority, readPlan } from "./run-case.js";
import { sendTraffic } from "./sender.js";
import { watchStalls } from "./stalls.js";

export interface RecordedRun {
  recording: Recording;
  /** kamsim's run of the same config on the same mapped traffic, its output mapped back. */
  kamsim: KamsimResult;
  plan: TrafficPlan;
  /** Source ports that could not be bound as planned. */
  deviations: string[];
  /** Socket errors and replies to no request. */
  setup: string[];
  /** HTTP requests the local endpoints served. */
  served: string[];
  seconds: number;
}

let version: { kamailio: string; package: string } | undefined;

/** Kamailio's version line and Debian package version (asked once). */
export function kamailioVersion(): { kamailio: string; package: string } {
  if (!version) {
    const v = execFileSync(KAMAILIO_BINARY, ["-v"], { encoding: "utf8" }).split("\n")[0]?.trim() ?? "";
    let pkg = "";
    try {
      // dpkg-query's own field syntax, not a template string.
      const format = ["$", "{Version}"].join("");
      pkg = execFileSync("dpkg-query", ["-W", "-f", format, "kamailio"], { encoding: "utf8" }).trim();
    } catch {
      pkg = "unknown (no dpkg)";
    }
    version = { kamailio: v, package: pkg };
  }
  return version;
}

/** Runs the case in `dir` on the real Kamailio (and on kamsim). */
export async function recordCase(dir: string): Promise<RecordedRun> {
  const started = performance.now();
  const load = Number(readFileSync("/proc/loadavg", "utf8").split(" ")[0]);
  raisePriority();
  const config = readFileSync(join(dir, CONFIG_NAME), "utf8");
  const ownPort = /^\s*listen\s*=\s*(?:udp:)?127\.0\.0\.1:(\d+)\s*$/m.exec(config)?.[1];
  const plan = readPlan(dir);
  const end = plan.duration / 1e6;
  const { kamsim, mapped } = kamsimOnLoopback(config, plan);

  const http = await serveEndpoints(plan);
  const work = mkdtempSync(join(tmpdir(), "kamsim-rec-"));
  const file = join(work, CONFIG_NAME);
  writeFileSync(file, http.rewrite(config));
  try {
    const port = ownPort ? Number(ownPort) : await freeUdpPort();
    const run = await startKamailio(file, work, port, { listen: !ownPort });
    const stalls = watchStalls();
    try {
      const kids = waitForChildren(run, 3 + kamsim.workers.size, 1500);
      const sent = await sendTraffic(mapped.plan, plan.seed, port, run.t0, end);
      const cut = performance.now();
      // A late t = 0 shifts every line like a stall does (see kamailio-process.ts).
      const maxStall = Math.max(stalls.stop(), run.t0Uncertainty / 1000);
      await kids;
      await run.stop();
      const back = (text: string) => http.mapBack(mapTextBack(text, mapped.map));
      const realLines = run.lines.filter((l) => l.at <= cut).map((l) => ({ t: (l.at - run.t0) / 1000, text: l.text }));
      const firstRequest = sent.requests[0]?.planned ?? end;
      const records = keepComparable(toRecords(realLines, file), firstRequest, end).map((r) => ({
        ...r,
        text: back(r.text),
      }));
      const requests = sent.requests.map((q) => ({ ...q, src: mapped.map.back.get(q.src) ?? q.src }));
      const setup = [...sent.errors.slice(0, 10).map((e) => `sending: ${e}`)];
      if (sent.stray.length) setup.push(`replies to no request: ${sent.stray[0]}`);
      return {
        recording: {
          meta: {
            ...kamailioVersion(),
            recorded: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
            addresses: Object.fromEntries([...mapped.map.forward].filter(([a, b]) => a !== b)),
            endpoints: Object.fromEntries(http.origins),
            load,
            maxStall,
            maxLateness: Math.max(0, ...sent.requests.map((q) => q.sent - q.planned)),
          },
          records,
          requests,
        },
        kamsim,
        plan,
        deviations: sent.deviations,
        setup,
        served: http.served,
        seconds: (performance.now() - started) / 1000,
      };
    } finally {
      stalls.stop();
      await run.stop();
    }
  } finally {
    await http.close();
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Starts and stops one Kamailio on a minimal config. The first start in a fresh Node process
 * finds t = 0 late (cold code in the /proc scan; measured up to 0.27 s at load 13, every line of
 * that case then looking early), so a suite warms up once before its first case.
 */
export async function warmUp(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), "kamsim-warm-"));
  try {
    const file = join(work, CONFIG_NAME);
    writeFileSync(file, "debug=2\nlog_stderror=yes\nchildren=1\nrequest_route {\n    drop;\n}\n");
    const run = await startKamailio(file, work, await freeUdpPort());
    await waitForChildren(run, 2, 500);
    await run.stop();
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
