/**
 * The harness's UDP side for user agents, with two stand-in agents on loopback (no Kamailio): the
 * wall clock runs their timers at t0 + planned time, every datagram each receives is recorded,
 * latency is added as kamsim's network adds it, and loss is replayed by position.
 */
import { performance } from "node:perf_hooks";
import { describe, expect, it } from "vitest";
import type { HostPort } from "../../../src/engine/runtime/sip-net.js";
import { type AgentsLike, type AgentTransportLike, prepareAgents, type Timeline } from "./udp-agents.js";
import { WallClock } from "./wall-clock.js";

const A: HostPort = { ip: "127.0.0.61", port: 41061 };
const B: HostPort = { ip: "127.0.0.62", port: 41062 };

/** A sends `ping n` to B at 50, 100 and 150 ms; B answers each `pong n` 20 ms after it arrives. */
function pingPong(latencyB: number) {
  return (tr: AgentTransportLike): AgentsLike => ({
    addresses: [
      { name: "a", address: A, latency: 0 },
      { name: "b", address: B, latency: latencyB },
    ],
    start() {
      for (const n of [1, 2, 3]) tr.schedule(n * 50_000, () => tr.send(A, B, `ping ${n}`));
    },
    deliver(to, from, text) {
      if (to.ip === B.ip && text.startsWith("ping"))
        tr.schedule(tr.now() + 20_000, () => tr.send(B, from, text.replace("ping", "pong")));
    },
  });
}

/** Plays until A has `pongs` replies (or 5 s: a busy machine delays, it does not lose). */
const run = async (latencyB: number, lostSentByA: number[], pongs: number, timeline?: Timeline) => {
  const play = await prepareAgents(
    pingPong(latencyB),
    {
      sent: new Map([["127.0.0.61:41061", new Set(lostSentByA)]]),
      received: new Map(),
    },
    timeline ? { timeline } : {},
  );
  try {
    play.start(new WallClock(performance.now()));
    const until = performance.now() + 5000;
    while ((play.agents[0]?.received.length ?? 0) < pongs && performance.now() < until)
      await new Promise((r) => setTimeout(r, 20));
    // and a little longer, for anything that should not come
    await new Promise((r) => setTimeout(r, 100));
  } finally {
    await play.close();
  }
  return play;
};

describe("user agents over UDP on the wall clock", () => {
  it("delivers and records every datagram at its planned time", async () => {
    const play = await run(0, [], 3);
    expect(play.errors).toEqual([]);
    const [a, b] = play.agents;
    expect(b?.received.map((m) => [m.text, m.peer])).toEqual([
      ["ping 1", "127.0.0.61:41061"],
      ["ping 2", "127.0.0.61:41061"],
      ["ping 3", "127.0.0.61:41061"],
    ]);
    expect(a?.received.map((m) => m.text)).toEqual(["pong 1", "pong 2", "pong 3"]);
    // Never before the planned time (a timer may come late on a busy machine, never early).
    for (const [i, m] of (a?.received ?? []).entries()) expect(m.t).toBeGreaterThanOrEqual(0.069 + 0.05 * i);
    expect(a?.sent.map((m) => m.text)).toEqual(["ping 1", "ping 2", "ping 3"]);
  });

  it("adds the receiving agent's latency and loses the datagrams kamsim lost, by position", async () => {
    const play = await run(30_000, [1], 2);
    const [a, b] = play.agents;
    expect(b?.received.map((m) => m.text)).toEqual(["ping 1", "ping 3"]);
    // ping 1 leaves at 50 ms + 30 ms latency; pong 1 leaves B 20 ms later, + 30 ms back.
    expect(b?.received[0]?.t).toBeGreaterThanOrEqual(0.079);
    expect(a?.received[0]?.t).toBeGreaterThanOrEqual(0.129);
    expect(a?.received.map((m) => m.text)).toEqual(["pong 1", "pong 3"]);
  });

  it("lets an agent react on kamsim's timeline when the datagram is the one kamsim delivered there", async () => {
    // kamsim delivered ping 1 to B at 0.3 s (later than the real 0.05 s); ping 2 is another text.
    const timeline: Timeline = new Map([
      [
        "127.0.0.62:41062",
        [
          { t: 0.3, peer: "127.0.0.61:41061", text: "ping 1" },
          { t: 0.01, peer: "127.0.0.61:41061", text: "not ping 2" },
        ],
      ],
    ]);
    const play = await run(0, [], 3, timeline);
    const a = play.agents[0];
    expect(a?.received.map((m) => m.text)).toEqual(["pong 2", "pong 3", "pong 1"]);
    // pong 1 leaves 20 ms after kamsim's 0.3 s; pong 2 20 ms after its real arrival (0.1 s or later).
    expect(a?.received[2]?.t).toBeGreaterThanOrEqual(0.319);
    expect(a?.received[0]?.t).toBeGreaterThanOrEqual(0.119);
  });
});
