import { describe, expect, it } from "vitest";
import { compareAgents } from "./compare-sip.js";
import { type AgentWire, normalizeSip, Placeholders } from "./sip-normalize.js";

const PROXY = "127.0.0.1:5070";

const msg = (lines: string[]) => `${lines.join("\r\n")}\r\n\r\n`;

/** A request Kamailio originated itself (a Call-ID no agent sent) and one it relayed. */
const local = (callId: string, tag: string, branch: string) =>
  msg([
    "OPTIONS sip:alice@127.0.0.2:5060 SIP/2.0",
    `Via: SIP/2.0/UDP 127.0.0.1:5070;branch=${branch}`,
    `From: <sip:ping@127.0.0.1>;tag=${tag}`,
    "To: <sip:alice@127.0.0.2>",
    `Call-ID: ${callId}`,
    "CSeq: 10 OPTIONS",
    "Content-Length: 0",
  ]);
const relayed = (branch: string) =>
  msg([
    "INVITE sip:bob@127.0.0.3:5060 SIP/2.0",
    `Via: SIP/2.0/UDP 127.0.0.1:5070;branch=${branch}`,
    "Via: SIP/2.0/UDP 127.0.0.2:5060;rport=5060;branch=z9hG4bK-alice-1",
    "From: <sip:alice@127.0.0.1>;tag=alice-1",
    "To: <sip:bob@127.0.0.1>",
    "Call-ID: 1-alice@127.0.0.2",
    "CSeq: 1 INVITE",
    "Content-Length: 0",
  ]);
const reply = (code: string, callId = "1-alice@127.0.0.2") =>
  msg([
    `SIP/2.0 ${code}`,
    "Via: SIP/2.0/UDP 127.0.0.2:5060;rport=5060;branch=z9hG4bK-alice-1",
    "From: <sip:alice@127.0.0.1>;tag=alice-1",
    "To: <sip:bob@127.0.0.1>;tag=1928301774",
    `Call-ID: ${callId}`,
    "CSeq: 1 INVITE",
    "Content-Length: 0",
  ]);

const agent = (
  name: string,
  received: [number, string][],
  sentCallIds: string[] = ["1-alice@127.0.0.2"],
): AgentWire => ({
  name,
  addr: "127.0.0.2:5060",
  received: received.map(([t, text]) => ({ t, peer: PROXY, text })),
  sent: sentCallIds.map((c) => ({ t: 0, peer: PROXY, text: msg(["X sip:x SIP/2.0", `Call-ID: ${c}`]) })),
});

describe("normalising Kamailio's random values", () => {
  it("replaces Call-ID, From tag and the proxy's Via branch of a transaction Kamailio made, numbering each value", () => {
    const ph = new Placeholders();
    const ids = new Set(["1-alice@127.0.0.2"]);
    const a = normalizeSip(local("8f3c2a1b-1@127.0.0.1", "a1b2", "z9hG4bKx.y.0"), PROXY, ids, ph);
    const b = normalizeSip(local("8f3c2a1b-1@127.0.0.1", "a1b2", "z9hG4bKx.y.0"), PROXY, ids, ph);
    const c = normalizeSip(local("0d9e-2@127.0.0.1", "ffee", "z9hG4bKq.r.0"), PROXY, ids, ph);
    expect(a).toContain("Call-ID: <random-callid-1>\r\n");
    expect(a).toContain("From: <sip:ping@127.0.0.1>;tag=<random-fromtag-1>\r\n");
    expect(a).toContain("Via: SIP/2.0/UDP 127.0.0.1:5070;branch=<random-branch-1>\r\n");
    expect(b).toBe(a);
    expect(c).toContain("Call-ID: <random-callid-2>\r\n");
    expect(c).toContain(";branch=<random-branch-2>\r\n");
  });

  it("leaves every byte of an agent's transaction as it is, branches of relayed requests included", () => {
    const ph = new Placeholders();
    const text = relayed("z9hG4bKcd31.8a9b2f0c5d4e3f2a1b0c9d8e7f6a5b4c.0");
    expect(normalizeSip(text, PROXY, new Set(["1-alice@127.0.0.1", "1-alice@127.0.0.2"]), ph)).toBe(text);
  });

  it("only touches the Via whose sent-by is the proxy's socket", () => {
    const text = local("k-1", "t", "z9hG4bKa").replace("127.0.0.1:5070;branch", "127.0.0.9:5070;branch");
    expect(normalizeSip(text, PROXY, new Set(), new Placeholders())).toContain("127.0.0.9:5070;branch=z9hG4bKa\r\n");
  });
});

describe("comparing what each agent received", () => {
  const tolerance = 0.15;

  it("agrees on the same messages at nearly the same times, random values aside", () => {
    const k = [
      agent("alice", [
        [1, reply("100 Trying")],
        [1.2, local("k-1@x", "kt", "z9hG4bKk")],
      ]),
    ];
    const r = [
      agent("alice", [
        [1.004, reply("100 Trying")],
        [1.21, local("r-9@y", "rt", "z9hG4bKr")],
      ]),
    ];
    const cmp = compareAgents(k, r, PROXY, tolerance);
    expect(cmp.disagreements).toEqual([]);
    expect(cmp.matched).toBe(2);
    expect(cmp.total).toBe(2);
  });

  it("reports a byte that differs, with the line", () => {
    const k = [agent("alice", [[1, reply("180 Ringing")]])];
    const r = [agent("alice", [[1, reply("180 Ringing").replace("tag=1928301774", "tag=other")]])];
    const cmp = compareAgents(k, r, PROXY, tolerance);
    expect(cmp.matched).toBe(0);
    expect(cmp.disagreements.map((d) => d.text)).toEqual([
      'agent alice, differs: SIP/2.0 180 Ringing from 127.0.0.1:5070 at 1.000 s differs, line 4: kamsim "To: <sip:bob@127.0.0.1>;tag=1928301774", Kamailio "To: <sip:bob@127.0.0.1>;tag=other"',
    ]);
  });

  it("accepts either order for messages kamsim delivers at one instant, not for others", () => {
    const same = compareAgents(
      [
        agent("alice", [
          [1, reply("180 Ringing")],
          [1, reply("200 OK")],
        ]),
      ],
      [
        agent("alice", [
          [1.001, reply("200 OK")],
          [1.002, reply("180 Ringing")],
        ]),
      ],
      PROXY,
      tolerance,
    );
    expect(same.disagreements).toEqual([]);
    const apart = compareAgents(
      [
        agent("alice", [
          [1, reply("180 Ringing")],
          [1.05, reply("200 OK")],
        ]),
      ],
      [
        agent("alice", [
          [1.04, reply("200 OK")],
          [1.05, reply("180 Ringing")],
        ]),
      ],
      PROXY,
      tolerance,
    );
    expect(apart.disagreements.map((d) => d.text)).toEqual([
      "agent alice, order: SIP/2.0 200 OK from 127.0.0.1:5070 at 1.050 s came before a message kamsim delivers earlier",
    ]);
  });

  it("pairs retransmissions in order and reports the one missing, and times outside the tolerance", () => {
    const k = [
      agent("alice", [
        [1, reply("100 Trying")],
        [1.5, reply("100 Trying")],
        [2, reply("200 OK")],
      ]),
    ];
    const r = [
      agent("alice", [
        [1, reply("100 Trying")],
        [2.2, reply("200 OK")],
      ]),
    ];
    const texts = compareAgents(k, r, PROXY, tolerance).disagreements.map((d) => d.text);
    expect(texts).toEqual([
      "agent alice, kamsim only: [1.500] SIP/2.0 100 Trying from 127.0.0.1:5070",
      "agent alice, other time: SIP/2.0 200 OK from 127.0.0.1:5070 — kamsim at 2.000 s, Kamailio at 2.200 s",
    ]);
  });

  it("counts a message from another sender as another message", () => {
    const k = [agent("alice", [[1, reply("200 OK")]])];
    const r = agent("alice", [[1, reply("200 OK")]]);
    (r.received[0] as { peer: string }).peer = "127.0.0.3:5060";
    const cmp = compareAgents(k, [r], PROXY, tolerance);
    expect(cmp.matched).toBe(0);
    expect(cmp.disagreements).toHaveLength(2);
  });
});
