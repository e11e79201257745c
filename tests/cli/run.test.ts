/**
 * `kamsim run` on the classic example with the default scenario: the flood's ALERT lines come
 * only at timer firings, one per queued item, none before the flood; the runaway-while lines
 * appear exactly at firings with more than 100 items waiting, each losing one item.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_TRAFFIC } from "../../src/engine/index.js";
import { runEngine } from "../support/engine.js";
import { kamsim, root } from "./kamsim.js";

const classic = join(root, "examples", "classic", "kamailio.cfg");

const stamp = (l: string) => Number(/^\[\s*([\d.]+)\]/.exec(l)?.[1]);

describe("kamsim run, classic example, default scenario", () => {
  const r = kamsim(["run", "examples/classic/kamailio.cfg"]);
  const lines = r.stdout.split("\n").filter(Boolean);
  const alerts = lines.filter((l) => l.includes(" ALERT: <script>: ALERT: src [203.0.113.66:"));
  const runaway = lines.filter((l) => l.includes("runaway while"));

  it("exits 0 and prints lines in Kamailio's stderr layout", () => {
    expect(r.code).toBe(0);
    expect(lines.length).toBeGreaterThan(100);
    for (const l of lines)
      expect(l).toMatch(/^\[\s*\d+\.\d{3}\] [ \d]\d\(\d+\) (ALERT|BUG|CRITICAL|ERROR|WARNING|NOTICE|INFO|DEBUG|): /);
  });

  it("prints ALERT lines only at timer firings (every 5 s), none before the flood", () => {
    expect(alerts.length).toBeGreaterThan(0);
    for (const l of alerts) expect(stamp(l) % 5).toBe(0);
    expect(Math.min(...alerts.map(stamp))).toBeGreaterThan(10.5);
    // The rtimer process (after 4 workers, 3 core timers) writes them.
    for (const l of alerts) expect(l).toMatch(/\] {2}8\(1008\) ALERT/);
  });

  it("prints one ALERT per queued item except the one each runaway firing loses", () => {
    const sim = runEngine(readClassic(), DEFAULT_TRAFFIC);
    const added = sim.events.filter((e) => e.kind === "mq" && e.op === "add").length;
    expect(added).toBeGreaterThan(200);
    expect(alerts.length).toBe(added - runaway.length);
  });

  it("prints the two runaway-while lines exactly at firings where more than 100 items wait", () => {
    const sim = runEngine(readClassic(), DEFAULT_TRAFFIC);
    // Queue depth when each firing starts = adds minus fetches before it.
    let depth = 0;
    const depthAt = new Map<number, number>();
    for (const e of sim.events) {
      if (e.kind === "timer" && e.phase === "fired") depthAt.set(e.t, depth);
      if (e.kind === "mq" && e.op === "add") depth++;
      if (e.kind === "mq" && e.op === "fetch") depth--;
    }
    const over = [...depthAt].filter(([, d]) => d > 100).map(([t]) => t / 1e6);
    expect(over.length).toBeGreaterThan(0);
    const runawayTimes = [...new Set(runaway.map(stamp))];
    expect(runawayTimes).toEqual(over);
    expect(runaway.filter((l) => l.includes("more then 100 loops")).length).toBe(over.length);
    const errorAt = lines.filter((l) => l.includes("run action error at: examples/classic/kamailio.cfg:28"));
    expect(errorAt.map(stamp)).toEqual(over);
  });

  it("gives the same text as the engine run in slices, as the playground's worker runs it", () => {
    const sliced = runEngine(readClassic(), DEFAULT_TRAFFIC, { slice: 0.016 });
    expect(sliced.text.replaceAll("kamailio.cfg:", "examples/classic/kamailio.cfg:")).toBe(r.stdout);
  });
});

describe("kamsim run, errors", () => {
  it("names the bad key of a bad traffic file and exits 1", () => {
    const dir = mkdtempSync(join(tmpdir(), "kamsim-run-"));
    const file = join(dir, "traffic.json");
    writeFileSync(file, JSON.stringify({ duration: 5, streams: [{ src: "192.0.2.1", rate: -3 }] }));
    const r = kamsim(["run", classic, "--traffic", file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("streams[0].rate");
    expect(r.stdout).toBe("");
  });

  it("reports unknown keys", () => {
    const dir = mkdtempSync(join(tmpdir(), "kamsim-run-"));
    const file = join(dir, "traffic.json");
    writeFileSync(file, JSON.stringify({ duration: 5, streamz: [] }));
    const r = kamsim(["run", classic, "--traffic", file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("streamz");
  });

  it("exits 1 with diagnostics for a config with errors, and 2 for usage errors", () => {
    const dir = mkdtempSync(join(tmpdir(), "kamsim-run-"));
    const cfg = join(dir, "bad.cfg");
    writeFileSync(cfg, "request_route { nope(); }\n");
    const r = kamsim(["run", cfg]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.cfg:1:17: error: /);
    expect(kamsim(["run", classic, "--format", "xml"]).code).toBe(2);
  });

  it("prints every event kind as JSON lines with --format jsonl --events", () => {
    const r = kamsim(["run", classic, "--format", "jsonl", "--events", "--duration", "16"]);
    expect(r.code).toBe(0);
    const events = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    const kinds = new Set(events.map((e) => e.kind));
    expect([...kinds].sort()).toEqual(["log", "mq", "pike", "proc", "reply", "request", "route", "sip", "timer"]);
    // sl's replies go on the wire to the streams' sources, where no agent listens: each is sent
    // and lost for want of a receiver (docs/kamailio/network.md).
    const sip = events.filter((e) => e.kind === "sip");
    const sent = sip.filter((e) => e.op === "send");
    expect(sent.length).toBe(events.filter((e) => e.kind === "reply").length);
    expect(sip.filter((e) => e.op === "lost" && e.why === "nobody").length).toBe(sent.length);
  });
});

function readClassic(): string {
  return readFileSync(classic, "utf8");
}
