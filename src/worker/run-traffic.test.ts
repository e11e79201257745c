/** The run's traffic file: agent actions appended to their agent, "Answer with" keeping the agent's timing. */
import { describe, expect, it } from "vitest";
import { RunTraffic } from "./run-traffic.js";

const file = JSON.stringify({
  duration: 10,
  agents: [
    { name: "alice", address: "192.0.2.10", calls: [{ at: 1, to: "bob" }] },
    { name: "bob", address: "192.0.2.20", answer: { trying: true, ring: 0.5, after: 2, code: 200, bye: 3 } },
    { name: "carol", address: "192.0.2.30", answer: { after: null } },
  ],
});

describe("RunTraffic's agent actions", () => {
  it("'Answer with' keeps the latest answer's timing, drops what the new code cannot have", () => {
    const run = new RunTraffic(file, undefined);
    expect(run.answerWith(1, 486)).toEqual({ trying: true, ring: 0.5, after: 2, code: 486 });
    expect(run.answerWith(1, 200)).toEqual({ trying: true, ring: 0.5, after: 2, bye: 3, code: 200 });
    expect(run.answerWith(1, "never")).toBe("never");
    expect(run.answerWith(0, 486)).toEqual({ code: 486 });
    // An answer that never came answers at the default moment with the code chosen.
    expect(run.answerWith(2, 486)).toEqual({ code: 486 });
    // The latest answer is an action's once there is one.
    expect("planned" in run.addAction(1, { at: 2, do: "answer", answer: { ring: 0.1, after: 0.2 } })).toBe(true);
    expect(run.answerWith(1, 486)).toEqual({ ring: 0.1, after: 0.2, code: 486 });
  });

  it("appends each action to its agent in the saved file; refuses an invalid one naming the key", () => {
    const run = new RunTraffic(file, 7);
    expect(run.addAction(0, { at: 2.001, do: "call", to: "dave" })).toEqual({
      error: 'agents[0].actions[0].to: "dave" is no agent of this file (give an agent\'s name or a sip: URI)',
    });
    const r = run.addAction(0, { at: 2.001, do: "call", to: "bob" });
    expect("planned" in r && r.planned).toMatchObject({ at: 2_001_000, do: "call", call: { to: { user: "bob" } } });
    run.addAction(2, { at: 3, do: "down" });
    run.addAction(0, { at: 4, do: "call", to: "carol" });
    const saved = run.save();
    expect(saved.note).toBe("0 stream(s) added by Flood and Send one, 3 agent action(s)");
    const out = JSON.parse(saved.text);
    expect(out.seed).toBe(7);
    expect(out.agents.map((a: { actions?: unknown[] }) => a.actions)).toEqual([
      [
        { at: 2.001, do: "call", to: "bob" },
        { at: 4, do: "call", to: "carol" },
      ],
      undefined,
      [{ at: 3, do: "down" }],
    ]);
    expect(out.agents[0].calls).toEqual([{ at: 1, to: "bob" }]);
  });
});
