/**
 * `kamsim run --cfgt DIR` against Kamailio 5.6.3's own cfgt module (issue 12 §3, docs/cfgt.md):
 * the case in cfgt/ (routes entered, returned from, exited, dropped; a route left by its last
 * action's call; a switch's break; `$var`, `$avp`, `$xavp` set) run by Kamailio with cfgt and the
 * debugger loaded (`cfgtest=1`) wrote the reports stored in cfgt/recording.cfgt.jsonl. kamsim's
 * reports must be the same files, with the same flow keys in the same order, the same variable
 * names in the same order and the same values, the same `sip_in` and `sip_out` — and, as it
 * turns out, the same bytes. Offline always; against a fresh Kamailio run where it is installed.
 * The reports of examples/first-call (tm relaying a call, replies through onreply_route[CALL])
 * and of the call case call-rr-failure-route (a failure_route) are stored too and compared
 * offline.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { kamsim } from "../cli/kamsim.js";
import { describeNeeding } from "../support/needs.js";
import { CFGT_RECORDING, type CfgtFiles, readCfgtRecording, runKamailioCfgt, runKamsimCfgt } from "./harness/cfgt.js";
import { stopAllKamailios } from "./harness/kamailio-process.js";
import { KAMAILIO_NEED, kamailioAvailability } from "./kamailio.js";

const CASE = join(import.meta.dirname, "cfgt");

interface Shape {
  keys: string[];
  vars: string[][];
  values: unknown[];
  sipIn: string[];
  sipOut: string[];
}

/** A report's parts, in the order the file lists them. */
function shape(text: string): Shape {
  const o = JSON.parse(text) as {
    flow: Record<string, Record<string, unknown>>[];
    sip_in: string[];
    sip_out: string[];
  };
  expect(Object.keys(o)).toEqual(["flow", "sip_in", "sip_out"]);
  const entries = o.flow.map((f) => Object.entries(f)[0] as [string, Record<string, unknown>]);
  return {
    keys: entries.map(([k]) => k),
    vars: entries.map(([, v]) => Object.keys(v)),
    values: entries.map(([, v]) => v),
    sipIn: o.sip_in,
    sipOut: o.sip_out,
  };
}

/** kamsim's files against Kamailio's, part by part (the first difference names its file and part). */
function expectSameReports(ours: CfgtFiles, theirs: CfgtFiles): void {
  expect([...ours.keys()]).toEqual([...theirs.keys()]);
  for (const [path, text] of theirs) {
    const a = shape(ours.get(path) as string);
    const b = shape(text);
    expect(a.keys, `${path}: flow keys`).toEqual(b.keys);
    expect(a.vars, `${path}: variable names`).toEqual(b.vars);
    expect(a.values, `${path}: values`).toEqual(b.values);
    expect(a.sipIn, `${path}: sip_in`).toEqual(b.sipIn);
    expect(a.sipOut, `${path}: sip_out`).toEqual(b.sipOut);
    expect(ours.get(path), `${path}: the file's bytes`).toBe(text);
  }
}

const recording = readCfgtRecording(join(CASE, CFGT_RECORDING));
const [recordedIp, recordedPort] = recording.meta.proxy.split(":") as [string, string];
const recordedSocket = { ip: recordedIp, port: Number(recordedPort) };

describe("cfgt reports: kamsim against the stored recording of Kamailio 5.6.3", () => {
  it("the recording shows what the case is for", () => {
    const flows = [...recording.files.values()].map((t) => shape(t).keys);
    // Every scenario naming: a prefixed Call-ID's scenario, one without the prefix, a second scenario.
    expect([...recording.files.keys()]).toEqual(
      expect.arrayContaining(["lesson/1.json", "other/1.json", "unknown/1.json"]),
    );
    expect(flows).toContainEqual(["start|DEFAULT_ROUTE", "start|CHECK", "return|CHECK", "exit|DEFAULT_ROUTE"]);
    // `drop` leaves a route as `exit|` in 5.6.3 (_cfgt_set_type() overwrites DROP_D).
    expect(flows).toContainEqual(["start|DEFAULT_ROUTE", "start|DISCARD", "exit|DISCARD"]);
    expect(flows).toContainEqual(["start|DEFAULT_ROUTE", "return|DEFAULT_ROUTE"]);
    // OUTER's last action calls INNER: INNER is left when DEFAULT_ROUTE runs again, OUTER one action later.
    expect(flows).toContainEqual([
      "start|DEFAULT_ROUTE",
      "start|OUTER",
      "start|INNER",
      "return|INNER",
      "start|OUTER",
      "exit|DEFAULT_ROUTE",
    ]);
  });

  it("kamsim writes the same reports: files, flow keys, variable names and values, sip_in, sip_out", () => {
    expectSameReports(runKamsimCfgt(CASE, recordedSocket), recording.files);
  });

  // Recorded by harness/cfgt.ts --example: the agents over UDP, Kamailio on the recorded port.
  const root = join(import.meta.dirname, "..", "..");
  it.each([
    ["examples/first-call", "first-call.cfgt.jsonl", 9, "registrations, a call relayed by tm, onreply_route[CALL]"],
    [
      "tests/kamailio/cases/call-rr-failure-route",
      "call-rr-failure-route.cfgt.jsonl",
      8,
      "a 486 through failure_route[F], whose script callbacks add a dump",
    ],
  ])("%s too (%s, %i reports: %s)", (dir, file, count) => {
    const stored = readCfgtRecording(join(CASE, file));
    expect(stored.files.size).toBe(count);
    const [ip, port] = stored.meta.proxy.split(":") as [string, string];
    expectSameReports(runKamsimCfgt(join(root, dir), { ip, port: Number(port) }), stored.files);
  });

  describe("kamsim run --cfgt DIR", () => {
    let dir = "";
    afterEach(() => rmSync(dir, { recursive: true, force: true }));
    it("writes them under DIR/<scenario>/<msgid>.json", () => {
      dir = mkdtempSync(join(tmpdir(), "kamsim-cfgt-cli-"));
      const cfg = join(CASE, "kamailio.cfg");
      const traffic = join(CASE, "traffic.json");
      const r = kamsim(["run", cfg, "--traffic", traffic, "-l", recording.meta.proxy, "--cfgt", dir]);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      const files: CfgtFiles = new Map();
      for (const scenario of readdirSync(dir).sort())
        for (const f of readdirSync(join(dir, scenario)).sort())
          files.set(`${scenario}/${f}`, readFileSync(join(dir, scenario, f), "utf8"));
      expectSameReports(files, recording.files);
    });

    it("takes cfgt's callid_prefix", () => {
      dir = mkdtempSync(join(tmpdir(), "kamsim-cfgt-cli-"));
      const cfg = join(CASE, "kamailio.cfg");
      const traffic = join(CASE, "traffic.json");
      // The prefix's last character, `s`, ends the scenario (_cfgt_get_hdr()): NGCP%lesson%1 has
      // an empty one before the next `s`, NGCP%other%1 lacks the prefix: all eight are `unknown`.
      const r = kamsim(["run", cfg, "--traffic", traffic, "--cfgt", dir, "--cfgt-callid-prefix", "NGCP%les"]);
      expect(r.code).toBe(0);
      expect(readdirSync(dir)).toEqual(["unknown"]);
      expect(readdirSync(join(dir, "unknown")).length).toBe(8);
    });
  });
});

describeNeeding(KAMAILIO_NEED, kamailioAvailability(), "cfgt reports: a fresh Kamailio 5.6.3 run", () => {
  afterEach(async () => {
    await stopAllKamailios();
  });
  it("kamsim on Kamailio's port writes what Kamailio's cfgt writes", async () => {
    const live = await runKamailioCfgt(CASE);
    expectSameReports(runKamsimCfgt(CASE, { ip: "127.0.0.1", port: live.port }), live.files);
  }, 30_000);
});
