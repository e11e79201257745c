/**
 * The worker's host, driven as the page drives it, with a fake clock: a Flood pressed mid-run
 * becomes a stream of the run, and the run's saved traffic replays the run's log exactly.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runEngine } from "../../tests/support/engine.js";
import { NO_REQUESTS, RTIMER_EVERY_MICROSECOND } from "../../tests/support/rtimer-every-microsecond.js";
import { createLogWriter, DEFAULT_TRAFFIC, type LogEvent } from "../engine/index.js";
import { type FromWorker, PROTOCOL_VERSION, type ToWorker } from "../protocol/messages.js";
import { MAX_FRAME_LOGS, MAX_FRAME_TIMER_EVENTS } from "./frames.js";
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

  it("compiles check and load with the page's defines: the run and the inactive lines follow them", () => {
    const config = [
      "debug=2",
      "children=1",
      'loadmodule "xlog.so"',
      "request_route {",
      "#!ifdef WITH_X",
      '    xlog("L_INFO", "with x\\n");',
      "#!else",
      '    xlog("L_INFO", "without\\n");',
      "#!endif",
      "    exit;",
      "}",
      "",
    ].join("\n");
    const traffic = JSON.stringify({
      duration: 2,
      streams: [{ name: "one", src: "192.0.2.1", method: "OPTIONS", rate: 1, pattern: "uniform", count: 1 }],
    });
    const inactive = (h: ReturnType<typeof harness>) =>
      h.posted.filter((m) => m.type === "diagnostics").map((m) => m.type === "diagnostics" && m.program.inactiveLines);
    const plain = harness();
    plain.send({ type: "check", config, traffic });
    plain.send({ type: "load", config, traffic });
    plain.send({ type: "run", speed: Number.POSITIVE_INFINITY });
    plain.advance(100);
    expect(inactive(plain)).toEqual([[{ from: 6, to: 6 }], [{ from: 6, to: 6 }]]);
    expect(plain.logText()).toContain("INFO: <script>: without");

    const h = harness();
    h.send({ type: "check", config, traffic, defines: { WITH_X: "" } });
    h.send({ type: "load", config, traffic, defines: { WITH_X: "" } });
    h.send({ type: "run", speed: Number.POSITIVE_INFINITY });
    h.advance(100);
    expect(inactive(h)).toEqual([[{ from: 8, to: 8 }], [{ from: 8, to: 8 }]]);
    expect(h.logText()).toContain("INFO: <script>: with x");
    expect(h.logText()).not.toContain("without");
    // Reset runs the same texts with the same defines.
    h.send({ type: "reset" });
    expect(inactive(h).at(-1)).toEqual([{ from: 8, to: 8 }]);
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

  it("simulates nearly all the time at max, reading its messages between slices, frames at the page's pace", () => {
    // Every reading of the clock costs 0.5 ms of work; a timer's delay is time the worker sleeps.
    let wall = 0;
    let slept = 0;
    let soon: (() => void)[] = [];
    let timers: { at: number; fn: () => void }[] = [];
    const frames: number[] = [];
    let acks = 0;
    const host: SimulationHost = new SimulationHost({
      post: (m) => {
        if (m.type !== "frame") return;
        frames.push(m.t);
        // The page draws the frame and acks it at its next display frame (16 ms).
        timers.push({
          at: wall + 16,
          fn: () => {
            acks++;
            host.handle({ type: "frameAck", v: PROTOCOL_VERSION });
          },
        });
      },
      now: () => {
        wall += 0.5;
        return wall;
      },
      later: (fn, ms) => void timers.push({ at: wall + ms, fn }),
      soon: (fn) => void soon.push(fn),
    });
    host.handle({
      type: "load",
      v: PROTOCOL_VERSION,
      config: classic,
      traffic: DEFAULT_TRAFFIC.replace('"duration": 30', '"duration": 3600'),
    });
    host.handle({ type: "run", v: PROTOCOL_VERSION, speed: Number.POSITIVE_INFINITY });
    const start = wall;
    while (wall - start < 1_000) {
      // The event loop: turns already queued first, else the earliest timer (sleeping till then).
      const turn = soon.shift();
      if (turn) {
        for (const due of timers.filter((x) => x.at <= wall)) due.fn();
        timers = timers.filter((x) => x.at > wall);
        turn();
        continue;
      }
      timers.sort((a, b) => a.at - b.at);
      const next = timers.shift();
      if (!next) break;
      if (next.at > wall) {
        slept += next.at - wall;
        wall = next.at;
      }
      next.fn();
    }
    expect(frames.at(-1)).toBeGreaterThan(0);
    // Asleep at most 5% of the time (it slept 16 ms after every 12 ms of simulation before).
    expect(slept / (wall - start)).toBeLessThan(0.05);
    // Frames go as the page takes them: about one per 16 ms display frame, never unasked.
    expect(frames.length - 1).toBeLessThanOrEqual(acks + 1);
    expect(frames.length).toBeGreaterThan(30);
    soon = [];
  });

  it("keeps every frame bounded and answers Reset at once under an rtimer firing every microsecond", () => {
    const config = RTIMER_EVERY_MICROSECOND;
    const traffic = NO_REQUESTS;
    // Every reading of the clock costs 0.1 ms; the page acks every frame at once.
    let wall = 0;
    const turns: (() => void)[] = [];
    const frames: (FromWorker & { type: "frame" })[] = [];
    let loaded = 0;
    const host: SimulationHost = new SimulationHost({
      post: (m) => {
        if (m.type === "loaded") loaded++;
        if (m.type !== "frame") return;
        frames.push(m);
        host.handle({ type: "frameAck", v: PROTOCOL_VERSION });
      },
      now: () => {
        wall += 0.1;
        return wall;
      },
      later: (fn) => void turns.push(fn),
      soon: (fn) => void turns.push(fn),
    });
    host.handle({ type: "load", v: PROTOCOL_VERSION, config, traffic });
    host.handle({ type: "run", v: PROTOCOL_VERSION, speed: Number.POSITIVE_INFINITY });
    for (let slice = 0; slice < 20; slice++) turns.shift()?.();
    expect(frames.length).toBe(21);
    let before = 0;
    for (const f of frames) {
      // A slice's work is bounded (the deadline is checked between chunks of at most a few
      // thousand events), and so is what a frame carries; the count of firings stays exact.
      expect(f.t - before, `virtual µs of one slice at ${f.t}`).toBeLessThanOrEqual(100_000);
      before = f.t;
      expect(f.events.filter((e) => e.kind === "timer").length).toBeLessThanOrEqual(MAX_FRAME_TIMER_EVENTS);
      expect(f.events.length).toBeLessThanOrEqual(MAX_FRAME_LOGS + MAX_FRAME_TIMER_EVENTS);
    }
    const last = frames.at(-1);
    // mode=1: the rtimer process runs the route and fires again 1 µs after it ends.
    expect(last?.timerFirings.t).toBeGreaterThan(10_000);
    expect(frames.some((f) => f.dropped > 0)).toBe(true);
    // Reset between two slices: a fresh simulation at once, and the old run's turn does nothing.
    host.handle({ type: "reset", v: PROTOCOL_VERSION });
    expect(loaded).toBe(2);
    const after = frames.length;
    expect(frames.at(-1)?.t).toBe(0);
    while (turns.length) turns.shift()?.();
    expect(frames.length).toBe(after);
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
