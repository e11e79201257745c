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
 *
 * A case with user agents (`agents`) plays them over UDP as the differential harness does
 * (udp-agents.ts) and records what each sent and received. Kamailio then listens on kamsim's
 * default socket, 127.0.0.1:5060 (unless the config names its own): the port is in the messages
 * and in sl's and tm's To-tags, and the case's expected.log is kamsim's run as written. The case
 * fails when that port is taken.
 */
import { execFileSync } from "node:child_process";
import { createSocket } from "node:dgram";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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
import { agentsOf, playAgentsFor } from "./play-agents.js";
import type { RecordedCaseOptions } from "./recorded-cases.js";
import type { Recording } from "./recording.js";
import { kamsimOnLoopback } from "./recording-compare.js";
import { caseConfig, raisePriority, readPlan } from "./run-case.js";
import { sendTraffic } from "./sender.js";
import { watchStalls } from "./stalls.js";
import { WallClock } from "./wall-clock.js";

/** kamsim's default listening socket (runtime/core-settings.ts), where recorded agents find Kamailio. */
const DEFAULT_SIP_PORT = 5060;

/** Fails unless UDP 127.0.0.1:`port` can be bound now. */
async function checkFree(port: number): Promise<void> {
  const s = createSocket("udp4");
  try {
    await new Promise<void>((resolve, reject) => {
      s.once("error", reject);
      s.bind(port, "127.0.0.1", () => resolve());
    });
  } catch (e) {
    throw new Error(
      `127.0.0.1:${port} is taken (${e instanceof Error ? e.message : String(e)}): a case with user agents is recorded with Kamailio there, kamsim's default socket`,
    );
  } finally {
    await new Promise((r) => s.close(() => r(undefined)));
  }
}

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

/**
 * Runs the case in `dir` on the real Kamailio (and on kamsim); `given` replaces its case.json (a
 * variant's options); `first`: the mapped sources' first second byte (address-map.ts; the side
 * lane's differs from the main lane's).
 */
export async function recordCase(dir: string, given?: RecordedCaseOptions, first?: number): Promise<RecordedRun> {
  const started = performance.now();
  const load = Number(readFileSync("/proc/loadavg", "utf8").split(" ")[0]);
  raisePriority();
  const options =
    given ?? (existsSync(join(dir, "case.json")) ? JSON.parse(readFileSync(join(dir, "case.json"), "utf8")) : {});
  const config = caseConfig(dir, options);
  const ownPort = /^\s*listen\s*=\s*(?:udp:)?127\.0\.0\.1:(\d+)\s*$/m.exec(config)?.[1];
  const plan = readPlan(dir);
  const end = plan.duration / 1e6;
  const { kamsim, mapped } = kamsimOnLoopback(config, plan, first, options.defines);

  const agents = agentsOf(mapped.plan);
  const http = await serveEndpoints(plan);
  const work = mkdtempSync(join(tmpdir(), "kamsim-rec-"));
  const file = join(work, CONFIG_NAME);
  writeFileSync(file, http.rewrite(config));
  let playing: Awaited<ReturnType<typeof playAgentsFor>> | undefined;
  try {
    let port: number;
    if (ownPort) port = Number(ownPort);
    else if (agents.length > 0) {
      port = DEFAULT_SIP_PORT;
      await checkFree(port);
    } else port = await freeUdpPort();
    const proxy = { ip: "127.0.0.1", port };
    if (agents.length > 0) playing = await playAgentsFor(agents, proxy, kamsim.loss, kamsim.agents);
    const run = await startKamailio(file, work, port, { listen: !ownPort, defines: options.defines });
    const stalls = watchStalls();
    const clock = new WallClock(run.t0);
    playing?.start(clock);
    try {
      const kids = waitForChildren(run, 3 + kamsim.workers.size, 1500);
      const sent = await sendTraffic(mapped.plan, plan.seed, port, run.t0, end);
      const cut = performance.now();
      await playing?.close();
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
      const setup = [
        ...sent.errors.slice(0, 10).map((e) => `sending: ${e}`),
        ...(playing?.errors ?? []).slice(0, 10).map((e) => `agents: ${e}`),
      ];
      if (sent.stray.length) setup.push(`replies to no request: ${sent.stray[0]}`);
      if (run.overflowed) setup.push("Kamailio printed too many lines to read");
      return {
        recording: {
          meta: {
            ...kamailioVersion(),
            recorded: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
            addresses: Object.fromEntries([...mapped.map.forward].filter(([a, b]) => a !== b)),
            endpoints: Object.fromEntries(http.origins),
            load,
            maxStall,
            maxLateness: Math.max(0, clock.maxLateness / 1000, ...sent.requests.map((q) => q.sent - q.planned)),
            ...(agents.length > 0 ? { proxy: `${proxy.ip}:${proxy.port}` } : {}),
          },
          records,
          requests,
          agents: (playing?.agents ?? []).map((a) => ({
            ...a,
            sent: a.sent.filter((m) => m.t < end),
            received: a.received.filter((m) => m.t < end),
          })),
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
    await playing?.close();
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
