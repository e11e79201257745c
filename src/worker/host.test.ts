/**
 * The worker's host, driven as the page drives it, with a fake clock: a Flood pressed mid-run
 * becomes a stream of the run, and the run's saved traffic replays the run's log exactly.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runEngine } from "../../tests/support/engine.js";
import { createLogWriter, DEFAULT_TRAFFIC, type LogEvent } from "../engine/index.js";
import { type FromWorker, PROTOCOL_VERSION, type ToWorker } from "../protocol/messages.js";
import { SimulationHost } from "./host.js";

const classic = readFileSync(join(import.meta.dirname, "..", "..", "examples", "classic", "kamailio.cfg"), "utf8");

type Outgoing = ToWorker extends infer T ? (T extends { v: number } ? Omit<T, "v"> : never) : never;

/** A host with a clock that moves only when the test says, and everything it posted. */
function harness(autoAck = true) {
  const posted: FromWorker[] = [];
  let wall = 0;
  let pending: (() => void)[] = [];
  const host: SimulationHost = new SimulationHost({
    // The page acks every frame at once (flow control is tested below).
    post: (m) => {
      posted.push(m);
      if (m.type === "frame" && autoAck) host.handle({ type: "frameAck", v: PROTOCOL_VERSION });
    },
    now: () => wall,
    later: (fn) => void pending.push(fn),
  });
  return {
    posted,
    send: (m: Outgoing) => host.handle({ ...m, v: PROTOCOL_VERSION } as ToWorker),
    /** Lets `ms` of wall time pass, one 16 ms display frame at a time. */
    advance(ms: number) {
      for (let end = wall + ms; wall < end; ) {
        wall += 16;
        const run = pending;
        pending = [];
        for (const fn of run) fn();
      }
    },
    /** Wall time passes with no timer firing (a hidden tab, a starved CPU). */
    stall(ms: number) {
      wall += ms;
    },
    virtualNow: () => [...posted].reverse().find((m) => m.type === "frame")?.t ?? 0,
    logText() {
      let out = "";
      const write = createLogWriter((s) => {
        out += s;
      });
      for (const m of posted)
        if (m.type === "frame") for (const e of m.events) if (e.kind === "log") write(e as LogEvent);
      return out;
    },
  };
}

describe("the playground's host", () => {
  it("tells the page what the config declares, as the engine read it", () => {
    const h = harness();
    const config = classic.replace('"name=alert"', '"name=alert;size=25"');
    h.send({ type: "load", config, traffic: DEFAULT_TRAFFIC });
    const loaded = h.posted.find((m) => m.type === "loaded");
    const diags = h.posted.find((m) => m.type === "diagnostics");
    expect(loaded?.type === "loaded" && [loaded.queues, loaded.timers, loaded.pike]).toEqual([
      [{ name: "alert", limit: 25 }],
      [{ name: "ta", intervalUs: 5_000_000, mode: 1 }],
      { limit: 30, windowUs: 2_000_000 },
    ]);
    // Every process comes with the short name its lane shows, given by the engine (rtimer names its own).
    expect(loaded?.type === "loaded" && loaded.processes.map((p) => p.label)).toEqual([
      "main process",
      "SIP worker 0",
      "SIP worker 1",
      "SIP worker 2",
      "SIP worker 3",
      "slow timer",
      "timer",
      "secondary timer",
      "rtimer ta",
    ]);
    // The editor's completion and go to definition get the same, with where each name is written.
    const program = diags?.type === "diagnostics" ? diags.program : undefined;
    expect(program?.queues.map((q) => config.slice(q.span.start, q.span.end))).toEqual(["alert"]);
    expect(program?.modules.map((m) => m.name)).toContain("mqueue");
  });

  it("sends no frame while the page has not taken the last one, then one with everything", () => {
    const h = harness(false);
    h.send({ type: "load", config: classic, traffic: DEFAULT_TRAFFIC });
    h.send({ type: "run", speed: 10 });
    h.advance(2_000);
    const frames = () => h.posted.filter((m) => m.type === "frame");
    expect(frames()).toHaveLength(1); // the one after load, never acked
    h.send({ type: "frameAck" });
    expect(frames()).toHaveLength(2);
    const second = frames()[1];
    expect(second?.type === "frame" && second.events.some((e) => e.kind === "log")).toBe(true);
    h.advance(500);
    expect(frames()).toHaveLength(2);
  });

  it("replays a run with a Flood from its saved traffic, line for line", async () => {
    const h = harness();
    h.send({ type: "load", config: classic, traffic: DEFAULT_TRAFFIC });
    h.send({ type: "run", speed: 10 });
    h.advance(2_000); // 20 s of virtual time at 10×: after the file's own flood
    h.send({ type: "flood", src: "198.51.100.77", rate: 200, duration: 1 });
    h.send({ type: "sendOne", method: "OPTIONS", src: "198.51.100.8" });
    h.advance(1_500);
    expect(h.posted.some((m) => m.type === "frame" && m.ended)).toBe(true);

    h.send({ type: "saveTraffic", id: 1 });
    const saved = h.posted.find((m) => m.type === "runTraffic");
    if (saved?.type !== "runTraffic") throw new Error("no runTraffic answer");
    expect(saved.exact).toBe(true);
    const file = JSON.parse(saved.text) as { streams: { name: string; start: number; count?: number }[] };
    expect(file.streams.map((s) => s.name)).toEqual(["callers", "flood", "flood-1", "send-options-1"]);
    const added = file.streams[2];
    expect(added?.count).toBe(200);
    expect(added?.start).toBeGreaterThan(19.9);

    const played = h.logText();
    expect(played).toContain("ALERT: <script>: ALERT: src [198.51.100.77:5060]");
    expect(runEngine(classic, saved.text).text).toBe(played);
  });

  it("pauses by itself at the virtual time asked, at any speed, and runs on from there", () => {
    for (const speed of [1, 100, Number.POSITIVE_INFINITY]) {
      const h = harness();
      h.send({ type: "load", config: classic, traffic: DEFAULT_TRAFFIC });
      h.send({ type: "run", speed, until: 16_250_000 });
      h.advance(20_000);
      const last = h.posted.filter((m) => m.type === "frame").at(-1);
      expect(last?.type === "frame" && [last.t, last.running, last.ended]).toEqual([16_250_000, false, false]);
      // The log holds what happened up to that moment, none after it.
      const logs = h.posted.flatMap((m) => (m.type === "frame" ? m.events.filter((e) => e.kind === "log") : []));
      const expected = runEngine(classic, DEFAULT_TRAFFIC).events.filter((e) => e.kind === "log" && e.t <= 16_250_000);
      expect(logs.length).toBeGreaterThan(0);
      expect(logs).toEqual(expected);
      h.send({ type: "run", speed });
      h.advance(60_000);
      expect(h.posted.some((m) => m.type === "frame" && m.ended)).toBe(true);
    }
  });

  it("says why a Flood after the run's end is not sent", () => {
    const h = harness();
    h.send({ type: "load", config: classic, traffic: DEFAULT_TRAFFIC });
    h.send({ type: "run", speed: Number.POSITIVE_INFINITY });
    h.advance(5_000);
    h.send({ type: "flood", src: "198.51.100.77", rate: 200, duration: 1 });
    const notice = h.posted.find((m) => m.type === "notice");
    expect(notice?.type === "notice" && notice.message).toMatch(/run has ended/);
  });

  it("keeps the virtual clock at speed × wall time on a busy machine, never ahead", () => {
    // A loaded machine: timers fire 40 ms late and every frame costs 15 ms of wall time.
    let wall = 0;
    let pending: (() => void)[] = [];
    let t = 0;
    const host: SimulationHost = new SimulationHost({
      post: (m) => {
        if (m.type !== "frame") return;
        wall += 15;
        t = m.t;
        host.handle({ type: "frameAck", v: PROTOCOL_VERSION });
      },
      now: () => wall,
      later: (fn, ms) =>
        void pending.push(() => {
          wall += ms + 40;
          fn();
        }),
    });
    host.handle({ type: "load", v: PROTOCOL_VERSION, config: classic, traffic: DEFAULT_TRAFFIC });
    const start = wall;
    host.handle({ type: "run", v: PROTOCOL_VERSION, speed: 2 });
    while (wall - start < 5_000) {
      const run = pending;
      pending = [];
      for (const fn of run) fn();
      expect(t).toBeLessThanOrEqual((wall - start) * 2 * 1000);
    }
    // Behind by at most the tick in progress (its frame's 15 ms, at 2×).
    expect(t).toBeGreaterThanOrEqual((wall - start - 15) * 2 * 1000);
  });

  it("resumes after a long stall instead of simulating the whole gap at once", () => {
    const h = harness();
    h.send({ type: "load", config: classic, traffic: DEFAULT_TRAFFIC });
    h.send({ type: "run", speed: 1 });
    h.advance(1_000);
    const before = h.virtualNow();
    h.stall(10_000);
    h.advance(16);
    expect(h.virtualNow() - before).toBeLessThanOrEqual(300_000);
  });

  it("marks the saved traffic inexact after a rate slider moved", () => {
    const h = harness();
    h.send({ type: "load", config: classic, traffic: DEFAULT_TRAFFIC });
    h.send({ type: "rate", stream: 0, rate: 50 });
    h.send({ type: "saveTraffic", id: 7 });
    const saved = h.posted.find((m) => m.type === "runTraffic");
    expect(saved?.type === "runTraffic" && !saved.exact && saved.note).toMatch(/callers/);
  });
});
