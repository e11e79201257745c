/**
 * The traffic file's user agents on the simulated network: an agent's OPTIONS reaches the proxy
 * socket through the receive queue, sl's reply comes back to the agent. The reply's bytes are
 * what Debian's Kamailio 5.6.3 sent to the same agent (the real-Kamailio harness, agent alice at
 * 127.0.140.1:5060, kamailio -l udp:127.0.0.1:44186), To-tag included.
 */
import { describe, expect, it } from "vitest";
import type { SipEvent } from "../../src/engine/events.js";
import { compileConfig, createSimulation, parseTrafficText, type SimEvent } from "../../src/engine/index.js";

const CONFIG = `#!KAMAILIO
debug=2
children=1
loadmodule "sl.so"
request_route {
  sl_send_reply("200", "Alive");
}
`;

const KAMAILIO_REPLY =
  "SIP/2.0 200 Alive\r\nVia: SIP/2.0/UDP 127.0.140.1:5060;branch=z9hG4bK-alice-1;rport=5060;received=127.0.140.1\r\nFrom: <sip:alice@127.0.0.1:44186>;tag=alice-2\r\nTo: <sip:127.0.0.1:44186>;tag=42043b06a33e4bb727014ef229fdf623.dafe0ed9\r\nCall-ID: 3-alice@127.0.140.1\r\nCSeq: 1 OPTIONS\r\nServer: kamailio (5.6.3 (x86_64/linux))\r\nContent-Length: 0\r\n\r\n";

function run(agent: Record<string, unknown>): SipEvent[] {
  const cfg = compileConfig(CONFIG, { name: "kamailio.cfg" });
  const t = parseTrafficText(JSON.stringify({ duration: 3, seed: 1, streams: [], agents: [agent] }), {});
  if ("errors" in t) throw new Error(JSON.stringify(t.errors));
  const events: SimEvent[] = [];
  const sim = createSimulation(cfg, t.plan, {
    listen: { ip: "127.0.0.1", port: 44186 },
    onEvent: (e) => events.push(e),
  });
  sim.runUntil(t.plan.duration);
  return events.filter((e): e is SipEvent => e.kind === "sip");
}

const ALICE = { name: "alice", address: "127.0.140.1:5060", requests: [{ at: 1, method: "OPTIONS" }] };

describe("agents on the network", () => {
  it("an agent's request reaches the proxy and sl's reply reaches the agent, as Kamailio's did", () => {
    const sip = run(ALICE);
    const got = sip.filter((e) => e.op === "recv" && e.toNode === "alice");
    expect(got.map((e) => e.text)).toEqual([KAMAILIO_REPLY]);
    const toProxy = sip.filter((e) => e.op === "recv" && e.toNode === "kamailio");
    expect(toProxy.map((e) => [e.fromNode, e.from, e.to, e.method])).toEqual([
      ["alice", "127.0.140.1:5060", "127.0.0.1:44186", "OPTIONS"],
    ]);
  });

  it("the agent's latency delays each way", () => {
    const sip = run({ ...ALICE, latency: 0.25 });
    const req = sip.find((e) => e.op === "send" && e.fromNode === "alice");
    const atProxy = sip.find((e) => e.op === "recv" && e.toNode === "kamailio");
    const back = sip.find((e) => e.op === "recv" && e.toNode === "alice");
    expect(req?.t).toBe(1_000_000);
    expect(atProxy?.t).toBe(1_250_000);
    expect(back?.t).toBe(1_500_000);
  });
});
