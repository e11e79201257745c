/**
 * cfgt reports from both sides (issue 12 §3, docs/cfgt.md): Kamailio 5.6.3 with its cfgt and
 * debugger modules loaded (`cfgtest=1`), and kamsim's `cfgt` events as `kamsim run --cfgt`
 * writes them; and the case's stored recording of Kamailio's reports.
 *
 * A recording (`recording.cfgt.jsonl` beside the case) holds, one JSON object a line, a `meta`
 * line (Kamailio's version and package, the date, the load, the port Kamailio listened on —
 * sl's To-tags in `sip_out` hash it, core/tags.h) and then every report file cfgt wrote,
 * `{"kind":"cfgt","path":"<scenario>/<msgid>.json","text":…}`, the file's text as it was.
 * Nothing in it comes from kamsim.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import {
  type CfgtEvent,
  cfgtReportPath,
  compileConfig,
  createSimulation,
  formatCfgtReport,
  NO_EVENTS,
} from "../../../src/engine/index.js";
import type { HostPort } from "../../../src/engine/runtime/sip-net.js";
import { freeUdpPort, startKamailio } from "./kamailio-process.js";
import { kamailioVersion, recordCase } from "./record-case.js";
import { readPlan } from "./run-case.js";
import { sendTraffic } from "./sender.js";

export const CFGT_RECORDING = "recording.cfgt.jsonl";

/**
 * What the Kamailio side appends to the case's config: cfgt after pv (its README: pv must be
 * loaded first), the debugger after cfgt (it binds cfgt's API), reports under `basedir`.
 * The case's config itself stays the one kamsim runs.
 */
export function cfgtPrelude(basedir: string): string {
  return [
    "",
    'loadmodule "cfgt.so"',
    'loadmodule "debugger.so"',
    `modparam("cfgt", "basedir", "${basedir}")`,
    'modparam("debugger", "cfgtest", 1)',
    "",
  ].join("\n");
}

/** Report files by path (`<scenario>/<msgid>.json`), sorted. */
export type CfgtFiles = Map<string, string>;

export interface CfgtRecording {
  meta: { kamailio: string; package: string; recorded: string; load: number; proxy: string };
  files: CfgtFiles;
}

function readTree(dir: string): CfgtFiles {
  const out: CfgtFiles = new Map();
  for (const scenario of readdirSync(dir).sort())
    for (const f of readdirSync(join(dir, scenario)).sort())
      out.set(`${scenario}/${f}`, readFileSync(join(dir, scenario, f), "utf8"));
  return out;
}

/** The case through Kamailio: its reports, and the port it listened on. */
export async function runKamailioCfgt(caseDir: string): Promise<{ files: CfgtFiles; port: number; load: number }> {
  const plan = readPlan(caseDir);
  const work = mkdtempSync(join(tmpdir(), "kamsim-cfgt-"));
  try {
    const out = join(work, "reports");
    mkdirSync(out);
    const cfg = join(work, "kamailio.cfg");
    copyFileSync(join(caseDir, "kamailio.cfg"), cfg);
    writeFileSync(cfg, readFileSync(cfg, "utf8") + cfgtPrelude(out));
    const port = await freeUdpPort();
    const load = loadavg()[0] ?? 0;
    const run = await startKamailio(cfg, work, port);
    try {
      const sent = await sendTraffic(plan, plan.seed, port, run.t0, plan.duration / 1e6);
      if (sent.errors.length > 0 || sent.deviations.length > 0)
        throw new Error(`sending failed: ${[...sent.errors, ...sent.deviations].join("; ")}`);
    } finally {
      await run.stop();
    }
    return { files: readTree(out), port, load };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The case through kamsim listening on `listen`: the files `kamsim run --cfgt` would leave. */
export function runKamsimCfgt(caseDir: string, listen: HostPort): CfgtFiles {
  const plan = readPlan(caseDir);
  const compiled = compileConfig(readFileSync(join(caseDir, "kamailio.cfg"), "utf8"), { name: "kamailio.cfg" });
  if (!compiled.ok) throw new Error("kamsim rejects the config");
  const files: CfgtFiles = new Map();
  const sim = createSimulation(compiled, plan, {
    onEvent: (e) => {
      // A later save of the same report replaces the file, as in cli/cfgt.ts.
      if (e.kind === "cfgt") files.set(cfgtReportPath(e), formatCfgtReport(e as CfgtEvent));
    },
    wants: { ...NO_EVENTS, cfgt: true },
    listen,
  });
  sim.runUntil(plan.duration);
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)));
}

export function formatCfgtRecording(r: CfgtRecording): string {
  const lines = [JSON.stringify({ kind: "meta", ...r.meta })];
  for (const [path, text] of r.files) lines.push(JSON.stringify({ kind: "cfgt", path, text }));
  return `${lines.join("\n")}\n`;
}

export function readCfgtRecording(file: string): CfgtRecording {
  let meta: CfgtRecording["meta"] | undefined;
  const files: CfgtFiles = new Map();
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (line.trim() === "") continue;
    const { kind, ...o } = JSON.parse(line);
    if (kind === "meta") meta = o;
    else if (kind === "cfgt") files.set(o.path, o.text);
    else throw new Error(`${file}: unknown kind ${kind}`);
  }
  if (!meta) throw new Error(`${file}: no meta line`);
  return { meta, files };
}

/** Records the case's reports from Kamailio: `npx tsx tests/kamailio/harness/cfgt.ts CASE_DIR`. */
export async function recordCfgt(caseDir: string): Promise<CfgtRecording> {
  const { files, port, load } = await runKamailioCfgt(caseDir);
  const meta = { ...kamailioVersion(), recorded: new Date().toISOString(), load, proxy: `127.0.0.1:${port}` };
  const r = { meta, files };
  writeFileSync(join(caseDir, CFGT_RECORDING), formatCfgtRecording(r));
  return r;
}

/**
 * Records an example or a call case with user agents (examples/first-call: registrations, a
 * call through tm) into `file`: record-case.ts runs it as the examples' recordings are made (the
 * agents over UDP, Kamailio on 127.0.0.1:5060 or the config's own `listen`), here with cfgt and
 * the debugger appended to its config.
 */
export async function recordCfgtExample(exampleDir: string, file: string): Promise<CfgtRecording> {
  const work = mkdtempSync(join(tmpdir(), "kamsim-cfgt-example-"));
  try {
    const out = join(work, "reports");
    const dir = join(work, "case");
    mkdirSync(out);
    mkdirSync(dir);
    copyFileSync(join(exampleDir, "traffic.json"), join(dir, "traffic.json"));
    writeFileSync(join(dir, "kamailio.cfg"), readFileSync(join(exampleDir, "kamailio.cfg"), "utf8") + cfgtPrelude(out));
    const load = loadavg()[0] ?? 0;
    const run = await recordCase(dir, {});
    if (run.deviations.length > 0) throw new Error(`the run deviated: ${run.deviations.join("; ")}`);
    // record-case.ts runs Kamailio on the config's own `listen` port, or on 5060.
    const own = /^\s*listen\s*=\s*(?:udp:)?127\.0\.0\.1:(\d+)\s*$/m.exec(
      readFileSync(join(dir, "kamailio.cfg"), "utf8"),
    );
    const meta = {
      ...kamailioVersion(),
      recorded: new Date().toISOString(),
      load,
      proxy: `127.0.0.1:${own?.[1] ?? 5060}`,
    };
    const r = { meta, files: readTree(out) };
    writeFileSync(file, formatCfgtRecording(r));
    return r;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

// `npx tsx tests/kamailio/harness/cfgt.ts CASE_DIR` records a case;
// `... cfgt.ts --example EXAMPLE_DIR FILE` records an example with agents.
if (process.argv[1]?.endsWith("harness/cfgt.ts") && process.argv[2]) {
  const [a, b, c] = process.argv.slice(2) as [string, string?, string?];
  const r = a === "--example" && b && c ? await recordCfgtExample(b, c) : await recordCfgt(a);
  console.log(`${r.files.size} reports recorded from ${r.meta.kamailio}`);
  process.exit(0);
}
