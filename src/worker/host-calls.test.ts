/**
 * The playground's host with calls (issue 11): the first-call example, and Debian's stock
 * kamailio.cfg (read at test time, never copied here) pasted in with the example's traffic, run
 * to the end as the page runs them. The Log is `kamsim run`'s, the counters count the phones'
 * datagrams, the processes go busy and idle, and the frames' ladder carries one row per message
 * the run sent — the same messages as the engine's `sip` events — without their wire text (the
 * page asks for one message's text when it shows it). No view draws transactions, contacts or
 * acc records yet, so the worker does not ask the engine for them.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { runEngine } from "../../tests/support/engine.js";
import { runInHost as runHost } from "../../tests/support/host-run.js";
import { describeNeeding } from "../../tests/support/needs.js";
import { createLogWriter, type LogEvent, type SimulationOptions } from "../engine/index.js";
import type { FromWorker, LadderRow } from "../protocol/messages.js";

/** The options of every simulation created (the host's among them). */
const created: SimulationOptions[] = [];
vi.mock("../engine/index.js", async (original) => {
  const engine = await original<typeof import("../engine/index.js")>();
  return {
    ...engine,
    createSimulation: (...args: Parameters<typeof engine.createSimulation>) => {
      created.push(args[2]);
      return engine.createSimulation(...args);
    },
  };
});

const example = join(import.meta.dirname, "..", "..", "examples", "first-call");
const firstCallConfig = readFileSync(join(example, "kamailio.cfg"), "utf8");
const traffic = readFileSync(join(example, "traffic.json"), "utf8");
const STOCK = "/etc/kamailio/kamailio.cfg";

/** Loads and runs to the end at the page's fastest speed; returns everything the host posted. */
function runInHost(config: string): FromWorker[] {
  return runHost(config, traffic, 10_000);
}

function frames(posted: FromWorker[]) {
  return posted.flatMap((m) => (m.type === "frame" ? [m] : []));
}

function logOf(posted: FromWorker[]): string {
  let out = "";
  const write = createLogWriter((s) => {
    out += s;
  });
  for (const f of frames(posted)) for (const e of f.events) if (e.kind === "log") write(e as LogEvent);
  return out;
}

/** What the page shows of a run with calls, checked against the CLI's run of the same texts. */
function expectCallsShown(config: string, received: number) {
  const before = created.length;
  const posted = runInHost(config);
  const asked = created.slice(before).map((o) => o.wants);
  expect(asked.length).toBeGreaterThan(0);
  // Transactions and contacts for their views (the config loads tm and usrloc), no acc records.
  for (const w of asked)
    expect(w, "the host asks for SIP messages, transactions and contacts, no acc records").toMatchObject({
      sip: true,
      tm: true,
      ul: true,
      acc: false,
    });
  const fs = frames(posted);
  expect(fs.at(-1)?.ended).toBe(true);
  expect(logOf(posted)).toBe(runEngine(config, traffic).text);
  const last = fs.at(-1);
  // 5 requests from the phones (2 REGISTERs, INVITE, ACK, BYE) and bob's replies to the INVITE and the BYE.
  expect(last?.counters.received).toBe(received);
  expect(last?.counters.dropped).toBe(0);
  // The SIP workers were busy at some point (the Processes view's lanes).
  const busy = fs.reduce((n, f) => n + Object.values(f.busyUs).reduce((a, b) => a + b, 0), 0);
  expect(busy).toBeGreaterThan(0);
  const kinds = new Set(fs.flatMap((f) => f.events.map((e) => e.kind)));
  for (const k of ["sip", "tm", "ul", "acc"]) expect(kinds.has(k as never), `frames carry ${k} events`).toBe(false);
  // The ladder: every message sent, once, with its arrival, as the engine's own sip events say.
  const rows = new Map<number, LadderRow>();
  for (const f of fs) {
    for (const r of f.ladder?.rows ?? []) {
      expect(rows.has(r.id), `row ${r.id} sent twice`).toBe(false);
      expect(r, "rows carry no wire text").not.toHaveProperty("text");
      rows.set(r.id, { ...r });
    }
    for (const e of f.ladder?.ends ?? []) Object.assign(rows.get(e.id) ?? {}, e);
  }
  const sip = runEngine(config, traffic).events.flatMap((e) => (e.kind === "sip" ? [e] : []));
  const sent = sip.filter((e) => e.op === "send");
  expect([...rows.values()].map((r) => [r.id, r.t, r.fromNode, r.toNode, r.method, r.status])).toEqual(
    sent.map((e) => [e.id, e.t, e.fromNode, e.toNode, e.method, e.status]),
  );
  for (const e of sip.filter((x) => x.op !== "send")) expect(rows.get(e.id)?.end).toBe(e.t);
  expect(Math.max(...fs.map((f) => f.ladder?.total ?? 0))).toBe(sent.length);
  return posted;
}

describe("the playground's host with calls", () => {
  it("runs the first-call example: its Log, counters and processes", () => {
    const posted = expectCallsShown(firstCallConfig, 9);
    expect(logOf(posted)).toBe(readFileSync(join(example, "expected.log"), "utf8"));
  });
});

describeNeeding(
  `Debian's stock ${STOCK} (package kamailio)`,
  existsSync(STOCK) ? { ok: true } : { ok: false, reason: `${STOCK} is missing` },
  "the playground's host with Debian's stock config pasted in",
  () => {
    it("runs the first-call traffic through it: the Log, counters and processes", () => {
      expectCallsShown(readFileSync(STOCK, "utf8"), 9);
    });
  },
);
