/**
 * Issue 11's first call from the command line: `kamsim run CONFIG --traffic
 * examples/first-call/traffic.json` with the example's own config and with Debian's stock
 * /etc/kamailio/kamailio.cfg (read at test time). `--format jsonl --events` shows every message
 * of the call as `sip` events with its wire text; what each phone receives there is compared with
 * what it received from Kamailio 5.6.3 in the example's recordings (the differential harness's
 * rules: harness/compare-sip.ts, random values normalised), and the plain log is the example's
 * expected.log.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { SipEvent } from "../../src/engine/index.js";
import { compareAgents } from "../kamailio/harness/compare-sip.js";
import { readRecording } from "../kamailio/harness/recording.js";
import type { AgentWire } from "../kamailio/harness/sip-normalize.js";
import { describeNeeding } from "../support/needs.js";
import { kamsim, root } from "./kamsim.js";

const example = join(root, "examples", "first-call");
const TRAFFIC = "examples/first-call/traffic.json";
const STOCK = "/etc/kamailio/kamailio.cfg";

/** Each phone's datagrams as the jsonl events show them (the proxy's side left out). */
function agentsOf(jsonl: string): AgentWire[] {
  const agents = new Map<string, AgentWire>();
  const agent = (name: string, addr: string) => {
    const known = agents.get(name);
    if (known) return known;
    const a: AgentWire = { name, addr, received: [], sent: [] };
    agents.set(name, a);
    return a;
  };
  for (const line of jsonl.split("\n").filter(Boolean)) {
    const e = JSON.parse(line) as SipEvent;
    if (e.kind !== "sip") continue;
    const t = e.t; // the jsonl output gives seconds
    if (e.op === "recv" && e.toNode !== "kamailio")
      agent(e.toNode, e.to).received.push({ t, peer: e.from, text: e.text });
    if (e.op === "send" && e.fromNode !== "kamailio")
      agent(e.fromNode, e.from).sent.push({ t, peer: e.to, text: e.text });
  }
  return [...agents.values()];
}

function expectCallAsRecorded(config: string, recording: string) {
  const r = kamsim(["run", config, "--traffic", TRAFFIC, "--format", "jsonl", "--events"]);
  expect(r.code, r.stderr).toBe(0);
  const mine = agentsOf(r.stdout);
  const rec = readRecording(join(example, recording));
  const received = rec.agents.reduce((n, a) => n + a.received.length, 0);
  // Every message of the call is there: as many as the phones received from Kamailio.
  expect(mine.reduce((n, a) => n + a.received.length, 0)).toBe(received);
  const cmp = compareAgents(mine, rec.agents, rec.meta.proxy ?? "127.0.0.1:5060", 0.15);
  expect(cmp.disagreements.map((d) => `${d.kind}: ${d.text}`)).toEqual([]);
  expect(cmp.matched).toBe(received);
}

describe("kamsim run, the first-call example", () => {
  it("prints the example's expected.log", () => {
    const r = kamsim(["run", "examples/first-call/kamailio.cfg", "--traffic", TRAFFIC]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(example, "expected.log"), "utf8"));
  });

  it("shows every message of the call with --events, each phone's as Kamailio 5.6.3 sent them", () => {
    expectCallAsRecorded("examples/first-call/kamailio.cfg", "recording.jsonl");
  });

  it("in text, --events puts every event as a `[time] # {json}` line among the log's", () => {
    const r = kamsim(["run", "examples/first-call/kamailio.cfg", "--traffic", TRAFFIC, "--events"]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split("\n").filter(Boolean);
    const events = lines.filter((l) => / # \{/.test(l));
    const log = lines.filter((l) => !/ # \{/.test(l)).map((l) => `${l}\n`);
    expect(log.join("")).toBe(readFileSync(join(example, "expected.log"), "utf8"));
    const jsonl = kamsim([
      "run",
      "examples/first-call/kamailio.cfg",
      "--traffic",
      TRAFFIC,
      "--format",
      "jsonl",
      "--events",
    ]);
    const others = jsonl.stdout.split("\n").filter((l) => l && !l.includes('"kind":"log"'));
    expect(events.map((l) => l.slice(l.indexOf("# ") + 2))).toEqual(others);
    expect(events.filter((l) => l.includes('"kind":"sip"')).length).toBeGreaterThan(0);
  });
});

describeNeeding(
  `Debian's stock ${STOCK} (package kamailio)`,
  existsSync(STOCK) ? { ok: true } : { ok: false, reason: `${STOCK} is missing` },
  "kamsim run, Debian's stock kamailio.cfg with the first-call traffic",
  () => {
    it("shows every message of the call with --events, each phone's as Kamailio 5.6.3 sent them", () => {
      expectCallAsRecorded(STOCK, "recording.stock.jsonl");
    });
  },
);
