/**
 * The worker's `trace` message (docs/trace.md) through the host, as the page asks it: first-call
 * with a Send one pressed before running, run to its end at the fastest speed; then a Ladder row
 * (bob's 200 OK, by its id) and a Log line's request (the Send one's OPTIONS, by its id) are
 * traced. The replay includes what the user added: without it, the OPTIONS would not exist there.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { hostHarness } from "../../tests/support/host-run.js";
import type { LogEvent } from "../engine/index.js";
import { type LadderRow, PROTOCOL_VERSION } from "../protocol/messages.js";

const example = join(import.meta.dirname, "..", "..", "examples", "first-call");
const config = readFileSync(join(example, "kamailio.cfg"), "utf8");
const traffic = readFileSync(join(example, "traffic.json"), "utf8");

describe("the host's trace of one message", () => {
  const { host, posted, send, runToEnd } = hostHarness();
  send({ type: "load", config, traffic });
  send({ type: "sendOne", method: "OPTIONS", src: "192.0.2.200" });
  send({ type: "run", speed: Number.POSITIVE_INFINITY });
  runToEnd(10_000);
  const frames = posted.flatMap((m) => (m.type === "frame" ? [m] : []));
  const rows = new Map<number, LadderRow>();
  for (const f of frames) {
    for (const r of f.ladder?.rows ?? []) rows.set(r.id, r);
    for (const e of f.ladder?.ends ?? []) {
      const r = rows.get(e.id);
      if (r) r.end = e.end;
    }
  }
  const trace = (id: number, target: Parameters<typeof host.handle>[0]) => {
    host.handle(target);
    const answer = posted.find((m) => m.type === "trace" && m.id === id);
    if (answer?.type !== "trace") throw new Error("no answer");
    return answer;
  };

  it("traces a Ladder row by its id, and leads to its transaction's request", () => {
    const ok = [...rows.values()].find((r) => r.fromNode === "bob" && r.status === 200 && r.method === "INVITE");
    if (ok?.end === undefined) throw new Error("no 200 OK");
    const a = trace(1, { type: "trace", v: PROTOCOL_VERSION, id: 1, target: { msg: ok.id, at: ok.end } });
    expect(a.trace?.reply).toBe(true);
    expect(a.trace?.entries.find((e) => e.kind === "enter")).toMatchObject({ route: "onreply_route[CALL]" });
    const tx = a.trace?.transaction;
    if (!tx) throw new Error("no transaction");
    const b = trace(2, { type: "trace", v: PROTOCOL_VERSION, id: 2, target: { req: tx.req, at: tx.t } });
    expect(b.trace?.sipIn.startsWith("INVITE ")).toBe(true);
    expect(b.trace?.routeLines.RELAY?.length).toBeGreaterThan(0);
  });

  it("replays the Send one pressed: its request's trace is that OPTIONS", () => {
    const line = frames
      .flatMap((f) => f.events)
      .find((e): e is LogEvent => e.kind === "log" && e.msg.includes("OPTIONS") && e.req !== undefined);
    if (line?.req === undefined) throw new Error("no log line of the OPTIONS");
    const a = trace(3, { type: "trace", v: PROTOCOL_VERSION, id: 3, target: { req: line.req, at: line.t } });
    expect(a.trace?.req).toBe(line.req);
    expect(a.trace?.sipIn.startsWith("OPTIONS ")).toBe(true);
    expect(a.trace?.sipIn).toContain("192.0.2.200");
  });

  it("says why when a row is no longer kept", () => {
    const a = trace(4, { type: "trace", v: PROTOCOL_VERSION, id: 4, target: { msg: 999_999, at: 0 } });
    expect(a.trace).toBeUndefined();
    expect(a.error).toBe("the Ladder no longer keeps this message");
  });
});
