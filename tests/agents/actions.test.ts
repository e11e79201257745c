/**
 * Agents' `actions` (docs/agents.md, "Actions") through the first-call example's config: a call
 * placed at a moment, a callee's answer changed to 486 (which failure_route[MISSED] logs), an agent
 * gone down (nothing from it, what reaches it lost as `down`) and back (it registers again); the
 * `agent` events that tell the Traffic panel; the same file giving the same output; and an action
 * added to a running simulation giving the events of the file that lists it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  compileConfig,
  createSimulation,
  parseTrafficText,
  type SimEvent,
  type SipEvent,
  seconds,
  validateTraffic,
} from "../../src/engine/index.js";

const config = readFileSync(join(import.meta.dirname, "..", "..", "examples", "first-call", "kamailio.cfg"), "utf8");

const alice = { name: "alice", address: "127.0.10.1:5060", register: { at: 0.5, expires: 3600 } };
const bob = { name: "bob", address: "127.0.20.1:5060", register: { at: 1, expires: 3600 } };

function file(aliceActions: object[], bobActions: object[], duration = 12) {
  return {
    duration,
    seed: 1,
    agents: [
      { ...alice, actions: aliceActions },
      { ...bob, actions: bobActions },
    ],
  };
}

function plan(traffic: unknown) {
  const t = parseTrafficText(JSON.stringify(traffic));
  if ("errors" in t) throw new Error(JSON.stringify(t.errors));
  return t.plan;
}

function sim(traffic: unknown) {
  const cfg = compileConfig(config, { name: "kamailio.cfg" });
  const events: SimEvent[] = [];
  const p = plan(traffic);
  const s = createSimulation(cfg, p, { onEvent: (e) => events.push(e), wants: { agent: true } });
  return { s, events, duration: p.duration };
}

function run(traffic: unknown): SimEvent[] {
  const { s, events, duration } = sim(traffic);
  s.runUntil(duration);
  return events;
}

const sips = (events: SimEvent[]) => events.filter((e): e is SipEvent => e.kind === "sip");
const logs = (events: SimEvent[]) => events.flatMap((e) => (e.kind === "log" ? [e.msg] : []));
const agentEvents = (events: SimEvent[], name: string) =>
  events.flatMap((e) => (e.kind === "agent" && e.agent === name ? [e] : []));

describe("agent actions: validation names the bad key", () => {
  const errors = (actions: object[]) => {
    const r = validateTraffic(file([], actions));
    return "errors" in r ? r.errors.map((e) => `${e.path}: ${e.message}`) : [];
  };
  it("an unknown do, a missing answer, a key its kind does not use, an unknown key, a callee of no agent", () => {
    expect(errors([{ at: 1, do: "jump" }])).toEqual([
      'agents[1].actions[0].do: must be "call", "down", "up" or "answer" (got "jump")',
    ]);
    expect(errors([{ at: 1, do: "answer" }])).toEqual(['agents[1].actions[0].answer: is required with "do": "answer"']);
    expect(errors([{ at: 1, do: "down", to: "alice" }])).toEqual([
      'agents[1].actions[0].to: is not used by "do": "down"',
    ]);
    expect(errors([{ at: 1, do: "up", when: 2 }])[0]).toMatch(/^agents\[1\]\.actions\[0\]\.when: unknown key/);
    expect(errors([{ at: 1, do: "call", to: "carol" }])).toEqual([
      'agents[1].actions[0].to: "carol" is no agent of this file (give an agent\'s name or a sip: URI)',
    ]);
    expect(errors([{ at: -1, do: "up" }])[0]).toMatch(/^agents\[1\]\.actions\[0\]\.at: /);
    expect(errors([{ at: 1, do: "answer", answer: { code: 299 } }])[0]).toMatch(
      /^agents\[1\]\.actions\[0\]\.answer\.code: 299 is not a final code/,
    );
  });
  it("reads each kind into the plan", () => {
    const p = plan(
      file(
        [{ at: 3, do: "call", to: "bob", hold: 2 }],
        [
          { at: 2, do: "answer", answer: { code: 486 } },
          { at: 4, do: "down" },
          { at: 5, do: "up" },
          { at: 6, do: "answer", answer: "never" },
        ],
      ),
    );
    expect(p.agents[0]?.actions).toEqual([
      {
        at: 3_000_000,
        do: "call",
        call: { at: 3_000_000, to: { user: "bob" }, hold: 2_000_000, cancel: null, reinvite: null, every: 0, count: 1 },
      },
    ]);
    expect(p.agents[1]?.actions.map((a) => a.do)).toEqual(["answer", "down", "up", "answer"]);
    expect(p.agents[1]?.actions[0]).toMatchObject({ answer: { down: false, code: 486, after: 1_000_000 } });
    expect(p.agents[1]?.actions[3]).toMatchObject({ answer: { after: null } });
  });
});

describe("agent actions in a run", () => {
  it("bob answers 486 from 2 s; alice calls bob at 3 s: the 486 reaches alice, failure_route logs it", () => {
    const events = run(file([{ at: 3, do: "call", to: "bob" }], [{ at: 2, do: "answer", answer: { code: 486 } }]));
    const invite = sips(events).find((e) => e.op === "send" && e.method === "INVITE" && e.fromNode === "alice");
    expect(invite?.t).toBe(3_000_000);
    const busy = sips(events).filter((e) => e.op === "recv" && e.status === 486);
    expect(busy.map((e) => `${e.fromNode}>${e.toNode}`)).toEqual(["bob>kamailio", "kamailio>alice"]);
    expect(logs(events)).toContain("<script>: call to bob failed: 486 Busy Here");
    const calls = agentEvents(events, "alice").filter((e) => e.op === "call");
    expect(calls.map((e) => `${e.state}${e.code ? ` ${e.code}` : ""}`)).toEqual(["calling", "ringing", "failed 486"]);
    expect(agentEvents(events, "bob").find((e) => e.op === "answer")).toMatchObject({ t: 2_000_000, answer: "486" });
  });

  it("without the answer action the same call is answered 200 (the test above depends on it)", () => {
    const events = run(file([{ at: 3, do: "call", to: "bob", hold: 1 }], []));
    expect(sips(events).some((e) => e.status === 486)).toBe(false);
    expect(sips(events).some((e) => e.op === "recv" && e.status === 200 && e.toNode === "alice")).toBe(true);
  });

  it("bob down from 2 s to 5 s: nothing leaves bob, alice's INVITE to him is lost as 'down'; back up, he registers again", () => {
    const events = run(
      file(
        [{ at: 3, do: "call", to: "bob" }],
        [
          { at: 2, do: "down" },
          { at: 5, do: "up" },
        ],
      ),
    );
    const s = sips(events);
    const fromBob = s.filter((e) => e.fromNode === "bob" && e.op === "send").map((e) => e.t);
    expect(fromBob.filter((t) => t >= 2_000_000 && t < 5_000_000)).toEqual([]);
    const lost = s.filter((e) => e.op === "lost" && e.toNode === "bob");
    expect(lost.length).toBeGreaterThan(1); // the INVITE and tm's retransmissions of it
    expect(lost.every((e) => e.why === "down" && e.method === "INVITE")).toBe(true);
    expect(s.some((e) => e.op === "recv" && e.toNode === "bob" && e.t >= 2_000_000 && e.t < 5_000_000)).toBe(false);
    const reRegister = s.find((e) => e.fromNode === "bob" && e.method === "REGISTER" && e.t >= 5_000_000);
    expect(reRegister?.t).toBe(5_000_000);
    const link = agentEvents(events, "bob").filter((e) => e.op === "link");
    expect(link.map((e) => [e.t, e.down])).toEqual([
      [2_000_000, true],
      [5_000_000, false],
    ]);
    const reg = agentEvents(events, "bob").filter((e) => e.op === "register");
    expect(reg.at(-1)).toMatchObject({ state: "registered", code: 200 });
    expect(reg.at(-1)?.t).toBeGreaterThanOrEqual(5_000_000);
  });

  it("an observer that does not ask for agent events gets none (kamsim run --events prints what it did)", () => {
    const f = file([{ at: 3, do: "call", to: "bob" }], [{ at: 2, do: "down" }]);
    const cfg = compileConfig(config, { name: "kamailio.cfg" });
    const kinds = new Set<string>();
    createSimulation(cfg, plan(f), { onEvent: (e) => kinds.add(e.kind) }).runUntil(seconds(12));
    expect(kinds.has("sip")).toBe(true);
    expect(kinds.has("agent")).toBe(false);
  });

  it("the same file gives the same output, event for event", () => {
    const f = file(
      [{ at: 3, do: "call", to: "bob", hold: 2 }],
      [
        { at: 1.5, do: "answer", answer: { code: 200, ring: 0.2, after: 0.4 } },
        { at: 6, do: "down" },
        { at: 7, do: "up" },
      ],
    );
    expect(JSON.stringify(run(f))).toBe(JSON.stringify(run(f)));
  });

  it("an action added while running gives the events of the file that lists it, ties included", () => {
    // bob's 180 falls due at 3.5 s (ring 0.5 after the INVITE at 3 s); the actions added at 3.5 s
    // run before it, as they do read from a file: bob is down before his 180 leaves.
    const answer = { at: 0, do: "answer", answer: { trying: true, ring: 0.5, after: 2, code: 200 } };
    const base = file([{ at: 3, do: "call", to: "bob", hold: 1 }], [answer]);
    const live = sim(base);
    live.s.runUntil(seconds(3.2));
    const added = file(
      [
        { at: 3, do: "call", to: "bob", hold: 1 },
        { at: 3.5, do: "call", to: "bob" },
      ],
      [answer, { at: 3.5, do: "down" }, { at: 4, do: "up" }],
    );
    const p = plan(added);
    live.s.addAgentAction(1, p.agents[1]?.actions[1] as never);
    live.s.addAgentAction(0, p.agents[0]?.actions[1] as never);
    live.s.addAgentAction(1, p.agents[1]?.actions[2] as never);
    live.s.runUntil(live.duration);
    const replay = run(added);
    expect(JSON.stringify(live.events)).toBe(JSON.stringify(replay));
    expect(sips(replay).some((e) => e.op === "lost" && e.why === "down" && e.status === undefined)).toBe(true);
  });
});
