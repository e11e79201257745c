/**
 * The Traffic panel's agents through the worker's host, driven as the page drives it with a fake
 * clock: the first-call example, bob set to answer busy and alice made to call him mid-run, carol
 * down then back. The frames' agent rows follow the engine's `agent` events; the saved traffic
 * lists every press as an agent action; and `kamsim run` of that file gives the run's log and the
 * same SIP messages, at the same times, as the Ladder's rows of the live run.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runEngine } from "../../tests/support/engine.js";
import { hostHarness } from "../../tests/support/host-run.js";
import { compileConfig, createLogWriter, createSimulation, type LogEvent, parseTrafficText } from "../engine/index.js";
import type { AgentRow } from "../protocol/agents.js";
import type { FromWorker, LadderRow } from "../protocol/messages.js";

const example = join(import.meta.dirname, "..", "..", "examples", "first-call");
const config = readFileSync(join(example, "kamailio.cfg"), "utf8");
const exampleTraffic = JSON.parse(readFileSync(join(example, "traffic.json"), "utf8")) as {
  duration: number;
  agents: object[];
};
// The example's phones and a third one that goes down (alice's call to her lost) and comes back; a longer run.
const traffic = JSON.stringify({
  ...exampleTraffic,
  duration: 24,
  agents: [
    ...exampleTraffic.agents,
    { name: "carol", address: "127.0.30.1:5060", register: { at: 1.5, expires: 3600 } },
  ],
});

const frames = (posted: FromWorker[]) => posted.flatMap((m) => (m.type === "frame" ? [m] : []));

/** Each agent's latest row: the `loaded` ones, then every frame's changes. */
function agentRows(posted: FromWorker[]): Map<string, AgentRow> {
  const rows = new Map<string, AgentRow>();
  for (const m of posted) {
    const list = m.type === "loaded" ? m.agents : m.type === "frame" ? m.agents : undefined;
    for (const r of list ?? []) rows.set(r.name, r);
  }
  return rows;
}

describe("agents in the playground's host", () => {
  it("answer busy, call now, down and up: the rows follow, the saved traffic replays the run", () => {
    const h = hostHarness();
    h.send({ type: "load", config, traffic });
    const loaded = h.posted.find((m) => m.type === "loaded");
    expect(loaded?.type === "loaded" && loaded.agents?.map((a) => [a.name, a.answer, a.registration])).toEqual([
      ["alice", "200", "none"],
      ["bob", "200", "none"],
      ["carol", "200", "none"],
    ]);
    h.send({ type: "run", speed: 10 });
    h.advance(1_300); // 13 virtual s: the example's call is over (BYE at 12.5 s)
    let rows = agentRows(h.posted);
    expect(rows.get("bob")?.registration).toBe("registered");
    expect(rows.get("alice")?.last).toMatchObject({ peer: "bob", role: "caller", state: "ended", code: 200 });
    h.send({ type: "agentAction", agent: 1, action: { do: "answer", answer: 486 } });
    h.send({ type: "agentAction", agent: 0, action: { do: "call", to: "bob" } });
    h.send({ type: "agentAction", agent: 2, action: { do: "down" } });
    h.send({ type: "agentAction", agent: 0, action: { do: "call", to: "carol" } });
    h.advance(300);
    rows = agentRows(h.posted);
    expect(rows.get("bob")?.answer).toBe("486");
    expect(rows.get("alice")?.last).toMatchObject({ peer: "bob", state: "failed", code: 486 });
    expect(rows.get("carol")?.down).toBe(true);
    expect(rows.get("alice")?.calls).toEqual([{ peer: "carol", role: "caller", state: "calling" }]);
    h.send({ type: "agentAction", agent: 2, action: { do: "up" } });
    h.advance(1_500);
    expect(frames(h.posted).at(-1)?.ended).toBe(true);
    rows = agentRows(h.posted);
    expect(rows.get("carol")).toMatchObject({ down: false, registration: "registered" });

    h.send({ type: "saveTraffic", id: 1 });
    const saved = h.posted.find((m) => m.type === "runTraffic");
    if (saved?.type !== "runTraffic") throw new Error("no runTraffic answer");
    expect(saved.exact).toBe(true);
    expect(saved.note).toBe("0 stream(s) added by Flood and Send one, 5 agent action(s)");
    const file = JSON.parse(saved.text) as { agents: { name: string; actions?: { at: number; do: string }[] }[] };
    const actions = file.agents.map((a) => (a.actions ?? []).map((x) => x.do));
    expect(actions).toEqual([["call", "call"], ["answer"], ["down", "up"]]);
    // bob's answer keeps the example's timing (trying, ring 0.5, after 2.5), with 486 in place.
    expect(file.agents[1]?.actions?.[0]).toMatchObject({ answer: { trying: true, ring: 0.5, after: 2.5, code: 486 } });
    const at = file.agents[0]?.actions?.[0]?.at ?? 0;
    expect(at).toBeGreaterThan(13);
    expect(at).toBeLessThan(13.2);

    // The replay: the same log, and the Ladder's rows are its sip events, time for time.
    let log = "";
    const write = createLogWriter((s) => {
      log += s;
    });
    for (const f of frames(h.posted)) for (const e of f.events) if (e.kind === "log") write(e as LogEvent);
    const replay = runEngine(config, saved.text);
    expect(log).toContain("call to bob failed: 486 Busy Here");
    expect(replay.text).toBe(log);
    const ladder: LadderRow[] = frames(h.posted).flatMap((f) => f.ladder?.rows ?? []);
    const sent = replay.events.flatMap((e) => (e.kind === "sip" && e.op === "send" ? [e] : []));
    expect(ladder.map((r) => [r.id, r.t, r.fromNode, r.toNode, r.method, r.status])).toEqual(
      sent.map((e) => [e.id, e.t, e.fromNode, e.toNode, e.method, e.status]),
    );
    const lostDown = replay.events.filter((e) => e.kind === "sip" && e.op === "lost" && e.why === "down");
    expect(lostDown.length).toBeGreaterThan(0);

    // Every row says what the agents themselves hold at the end (their summaries, not events).
    const cfg = compileConfig(config, { name: "kamailio.cfg" });
    const p = parseTrafficText(saved.text);
    if ("errors" in p) throw new Error("saved traffic unreadable");
    const sim = createSimulation(cfg, p.plan, { onEvent: () => {} });
    sim.runUntil(p.plan.duration);
    for (const a of sim.agentSummary()) {
      const row = rows.get(a.name);
      const open = a.calls.filter((c) => !["ended", "failed", "cancelled"].includes(c.state));
      const over = a.calls.filter((c) => c.ended !== null);
      const last = over.sort((x, y) => (x.ended ?? 0) - (y.ended ?? 0)).at(-1);
      expect(row?.registration, a.name).toBe(a.registration.state);
      expect(row?.expiresAt ?? null, a.name).toBe(a.registration.expiresAt);
      expect(
        row?.calls.map((c) => [c.role, c.state]),
        a.name,
      ).toEqual(open.map((c) => [c.role, c.state]));
      expect(row?.last && [row.last.role, row.last.state, row.last.code], a.name).toEqual(
        last && [last.role, last.state, last.code],
      );
    }
  });

  it("Send one with the composer's R-URI, From, To, headers and body: a stream with those fields, the request as composed", () => {
    const h = hostHarness();
    h.send({ type: "load", config, traffic });
    h.send({ type: "run", speed: 10 });
    h.advance(300);
    h.send({
      type: "sendOne",
      method: "MESSAGE",
      src: "127.0.40.1",
      fields: {
        ruri: "sip:bob@127.0.0.1",
        from: "sip:dave@example.com",
        to: "sip:bob@127.0.0.1",
        headers: { Subject: "composed", "Content-Type": "text/plain" },
        body: "hi bob",
      },
    });
    h.advance(100);
    h.send({ type: "saveTraffic", id: 2 });
    const saved = h.posted.find((m) => m.type === "runTraffic");
    if (saved?.type !== "runTraffic") throw new Error("no runTraffic answer");
    const file = JSON.parse(saved.text) as { streams: Record<string, unknown>[] };
    expect(file.streams.at(-1)).toMatchObject({
      name: "send-message-1",
      method: "MESSAGE",
      count: 1,
      ruri: "sip:bob@127.0.0.1",
      from: "sip:dave@example.com",
      headers: { Subject: "composed" },
      body: "hi bob",
    });
    const relayed = runEngine(config, saved.text).events.find(
      (e) => e.kind === "sip" && e.op === "send" && e.method === "MESSAGE" && e.fromNode === "kamailio",
    );
    const text = relayed?.kind === "sip" ? relayed.text : "";
    expect(text).toMatch(/^MESSAGE sip:bob@127\.0\.20\.1:5060 SIP\/2\.0\r\n/);
    expect(text).toContain("\r\nSubject: composed\r\n");
    expect(text).toContain("\r\nFrom: <sip:dave@example.com>;tag=");
    expect(text.endsWith("\r\n\r\nhi bob")).toBe(true);
  });
});
