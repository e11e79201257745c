/**
 * Agents calling each other with no proxy in between (the callee's address is the caller's
 * outbound proxy), on an in-memory network with 10 ms latency: RFC 3261's call flows and timers.
 */
import { describe, expect, it } from "vitest";
import type { PlannedAgent } from "../../src/engine/world/agents/index.js";
import { agent, network } from "./fake-net.js";

const A = "192.0.2.1:5060";
const B = "192.0.2.2:5060";
const BOB = { ip: "192.0.2.2", port: 5060 };
const s = (x: number) => Math.round(x * 1_000_000);
const call = (over: object = {}) => ({
  at: s(1),
  to: { user: "bob" },
  hold: s(5),
  cancel: null,
  reinvite: null,
  every: 0,
  count: 1,
  ...over,
});

type Answer = PlannedAgent["answer"];
const answers = (over: Partial<Extract<Answer, { down: false }>>): Answer => ({
  down: false,
  trying: false,
  ring: s(0.2),
  after: s(1),
  code: 200,
  bye: null,
  contact: null,
  ...over,
});

/** Alice calls bob, whose address is her outbound proxy. */
function pair(callOver: object, answer: Answer, aliceOver: Partial<PlannedAgent> = {}) {
  return network(
    [agent("alice", "192.0.2.1", { calls: [call(callOver)], ...aliceOver }), agent("bob", "192.0.2.2", { answer })],
    BOB,
  );
}

describe("a call between two agents", () => {
  it("INVITE, 180, 200, ACK end to end, BYE after the hold time, 200", () => {
    const net = network(
      [
        agent("alice", "192.0.2.1", { calls: [call()] }),
        agent("bob", "192.0.2.2", {
          answer: { down: false, trying: false, ring: s(0.2), after: s(1), code: 200, bye: null, contact: null },
        }),
      ],
      BOB,
    );
    net.run(s(60));
    expect(net.lines()).toEqual([
      "1000 INVITE sip:bob@192.0.2.2 SIP/2.0",
      "1210 SIP/2.0 180 Ringing",
      "2010 SIP/2.0 200 OK",
      "2020 ACK sip:bob@192.0.2.2:5060 SIP/2.0",
      "7020 BYE sip:bob@192.0.2.2:5060 SIP/2.0",
      "7030 SIP/2.0 200 OK",
    ]);
    const [invite, ringing, ok, ack, bye] = net.wire.map((d) => d.text);
    const offer =
      "v=0\r\no=alice 2 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n" +
      "m=audio 10004 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
    expect(invite).toBe(
      "INVITE sip:bob@192.0.2.2 SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK-alice-3;rport\r\n" +
        "Max-Forwards: 70\r\n" +
        "From: <sip:alice@192.0.2.2>;tag=alice-4\r\n" +
        "To: <sip:bob@192.0.2.2>\r\n" +
        "Call-ID: 1-alice@192.0.2.1\r\n" +
        "CSeq: 1 INVITE\r\n" +
        "Contact: <sip:alice@192.0.2.1:5060>\r\n" +
        "Content-Type: application/sdp\r\n" +
        `Content-Length: ${Buffer.byteLength(offer)}\r\n\r\n${offer}`,
    );
    expect(ringing).toContain("To: <sip:bob@192.0.2.2>;tag=bob-2\r\n");
    expect(ringing).toContain("Contact: <sip:bob@192.0.2.2:5060>\r\n");
    expect(ok).toContain("Content-Type: application/sdp\r\n");
    // The 2xx's ACK is a new transaction (new branch), CSeq number of the INVITE, R-URI the Contact.
    expect(ack).toBe(
      "ACK sip:bob@192.0.2.2:5060 SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK-alice-5;rport\r\n" +
        "Max-Forwards: 70\r\n" +
        "From: <sip:alice@192.0.2.2>;tag=alice-4\r\n" +
        "To: <sip:bob@192.0.2.2>;tag=bob-2\r\n" +
        "Call-ID: 1-alice@192.0.2.1\r\n" +
        "CSeq: 1 ACK\r\n" +
        "Content-Length: 0\r\n\r\n",
    );
    expect(bye).toContain("CSeq: 2 BYE\r\n");
    const [alice, bob] = net.agents.summary();
    expect(alice?.calls).toEqual([
      {
        callId: "1-alice@192.0.2.1",
        role: "caller",
        peer: "sip:bob@192.0.2.2",
        state: "ended",
        code: 200,
        started: s(1),
        answered: s(2.02),
        ended: s(7.02),
        endedBy: "local",
      },
    ]);
    expect(bob?.calls[0]).toMatchObject({ role: "callee", state: "ended", endedBy: "remote", answered: s(2.01) });
    expect(alice?.counters).toEqual({ sent: 3, retransmissions: 0, received: 3, dropped: 0 });
  });
});

describe("determinism", () => {
  it("the same plan gives the same datagrams, byte for byte and at the same times", () => {
    const run = () => {
      const net = pair({ cancel: s(1.5), count: 2, every: s(5) }, answers({ trying: true, after: s(3) }));
      net.drop = (d) => d.line.startsWith("SIP/2.0 180") && d.t < s(2);
      net.run(s(60));
      return net.wire.map((d) => [d.t, d.from, d.to, d.text, d.dropped]);
    };
    const first = run();
    expect(first.length).toBeGreaterThan(10);
    expect(run()).toEqual(first);
  });
});

describe("repeated calls", () => {
  it("count calls, one every `every`, each with its own Call-ID, tags and branches", () => {
    const net = pair({ count: 3, every: s(10), hold: s(2) }, answers({}));
    net.run(s(60));
    const invites = net.wire.filter((d) => d.line.startsWith("INVITE"));
    expect(invites.map((d) => d.t)).toEqual([s(1), s(11), s(21)]);
    expect(new Set(invites.map((d) => /Call-ID: (.*)/.exec(d.text)?.[1])).size).toBe(3);
    expect(new Set(invites.map((d) => /branch=([^;]*)/.exec(d.text)?.[1])).size).toBe(3);
    expect(net.agents.summary()[0]?.calls.map((c) => c.state)).toEqual(["ended", "ended", "ended"]);
    expect(net.agents.summary()[1]?.calls).toHaveLength(3);
  });

  it("a summary lists the latest calls only, and counts every call by state", () => {
    const net = pair({ count: 150, every: s(2), hold: s(0.5) }, answers({ after: s(0.2), ring: null }));
    net.run(s(299.5));
    const [alice, bob] = net.agents.summary();
    expect(alice?.calls.length).toBeLessThanOrEqual(100);
    expect(alice?.calls.at(-1)?.started).toBe(s(299));
    expect(alice?.callTotals).toEqual({ calling: 0, ringing: 0, established: 1, ended: 149, failed: 0, cancelled: 0 });
    expect(bob?.callTotals.ended).toBe(149);
    net.run(s(400));
    expect(net.agents.summary()[0]?.callTotals.ended).toBe(150);
  });
});

describe("a refused call", () => {
  it("486: the client transaction ACKs it with the INVITE's branch and the reply's To tag", () => {
    const net = pair({}, answers({ code: 486 }));
    net.run(s(60));
    expect(net.lines()).toEqual([
      "1000 INVITE sip:bob@192.0.2.2 SIP/2.0",
      "1210 SIP/2.0 180 Ringing",
      "2010 SIP/2.0 486 Busy Here",
      "2020 ACK sip:bob@192.0.2.2 SIP/2.0",
    ]);
    const ack = net.wire[3]?.text ?? "";
    expect(ack).toContain("Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK-alice-3;rport\r\n");
    expect(ack).toContain("To: <sip:bob@192.0.2.2>;tag=bob-2\r\n");
    expect(ack).toContain("CSeq: 1 ACK\r\n");
    const [alice, bob] = net.agents.summary();
    expect(alice?.calls[0]).toMatchObject({ state: "failed", code: 486, ended: s(2.02) });
    expect(bob?.calls[0]).toMatchObject({ state: "failed", code: 486, ended: s(2.01) });
  });

  it("the callee re-sends its 486 with Timer G (T1 doubling to T2) until Timer H when no ACK arrives", () => {
    const net = pair({}, answers({ code: 486 }));
    net.drop = (d) => d.line.startsWith("ACK");
    net.run(s(60));
    expect(net.lines(B).filter((l) => l.includes("486"))).toEqual(
      [2010, 2510, 3510, 5510, 9510, 13510, 17510, 21510, 25510, 29510, 33510].map((t) => `${t} SIP/2.0 486 Busy Here`),
    );
    // Every copy of the 486 is ACKed again by the caller's transaction (Timer D: 32 s).
    expect(net.lines(A).filter((l) => l.includes("ACK"))).toHaveLength(11);
  });
});

describe("a redirect", () => {
  it("302 carries the given Contact (or the callee's own); the caller ACKs it and fails the call", () => {
    const net = pair({}, answers({ code: 302, contact: "sip:voicemail@192.0.2.9" }));
    net.run(s(10));
    expect(net.lines()).toEqual([
      "1000 INVITE sip:bob@192.0.2.2 SIP/2.0",
      "1210 SIP/2.0 180 Ringing",
      "2010 SIP/2.0 302 Moved Temporarily",
      "2020 ACK sip:bob@192.0.2.2 SIP/2.0",
    ]);
    expect(net.wire[2]?.text).toContain("Contact: <sip:voicemail@192.0.2.9>\r\n");
    expect(net.agents.summary()[0]?.calls[0]).toMatchObject({ state: "failed", code: 302 });
    const own = pair({}, answers({ code: 301 }));
    own.run(s(10));
    expect(own.wire[2]?.text).toContain("Contact: <sip:bob@192.0.2.2:5060>\r\n");
    // A 486 names no Contact.
    const busy = pair({}, answers({ code: 486 }));
    busy.run(s(10));
    expect(busy.wire[2]?.text).not.toContain("Contact:");
  });
});

describe("CANCEL", () => {
  it("after the 180: 200 to the CANCEL, 487 to the INVITE, ACKed", () => {
    const net = pair({ cancel: s(3) }, answers({ after: null }));
    net.run(s(60));
    expect(net.lines()).toEqual([
      "1000 INVITE sip:bob@192.0.2.2 SIP/2.0",
      "1210 SIP/2.0 180 Ringing",
      "4000 CANCEL sip:bob@192.0.2.2 SIP/2.0",
      "4010 SIP/2.0 200 OK",
      "4010 SIP/2.0 487 Request Terminated",
      "4020 ACK sip:bob@192.0.2.2 SIP/2.0",
    ]);
    const [invite, , cancel, cancelOk, terminated] = net.wire.map((d) => d.text);
    // 9.1: the CANCEL copies the INVITE's Via (branch), From, To and CSeq number.
    expect(cancel).toBe(
      `${(invite ?? "")
        .slice(0, (invite ?? "").indexOf("Contact:"))
        .replace("INVITE sip:", "CANCEL sip:")
        .replace("CSeq: 1 INVITE", "CSeq: 1 CANCEL")}Content-Length: 0\r\n\r\n`,
    );
    expect(cancelOk).toContain("CSeq: 1 CANCEL\r\n");
    expect(cancelOk).toContain(";tag=bob-2\r\n");
    expect(terminated).toContain("To: <sip:bob@192.0.2.2>;tag=bob-2\r\n");
    const [alice, bob] = net.agents.summary();
    expect(alice?.calls[0]).toMatchObject({ state: "cancelled", code: 487 });
    expect(bob?.calls[0]).toMatchObject({ state: "cancelled", code: 487 });
  });

  it("waits for a provisional before sending CANCEL (9.1)", () => {
    const net = pair({ cancel: s(0.5) }, answers({ ring: s(2), after: null }));
    net.run(s(60));
    expect(net.lines()).toEqual([
      "1000 INVITE sip:bob@192.0.2.2 SIP/2.0",
      "1500 INVITE sip:bob@192.0.2.2 SIP/2.0",
      "2500 INVITE sip:bob@192.0.2.2 SIP/2.0",
      "3010 SIP/2.0 180 Ringing",
      "3020 CANCEL sip:bob@192.0.2.2 SIP/2.0",
      "3030 SIP/2.0 200 OK",
      "3030 SIP/2.0 487 Request Terminated",
      "3040 ACK sip:bob@192.0.2.2 SIP/2.0",
    ]);
  });
});

describe("UDP timers when the other side is silent", () => {
  const down: Answer = { down: true };

  it("INVITE: Timer A at T1, 2T1, 4T1...; Timer B (64 T1) ends the call as 408", () => {
    const net = pair({}, down);
    net.run(s(60));
    expect(net.lines()).toEqual(
      [1000, 1500, 2500, 4500, 8500, 16500, 32500].map((t) => `${t} INVITE sip:bob@192.0.2.2 SIP/2.0`),
    );
    expect(net.agents.summary()[0]?.calls[0]).toMatchObject({ state: "failed", code: 408, ended: s(33) });
    expect(net.agents.summary()[1]?.counters).toMatchObject({ received: 7, sent: 0 });
  });

  it("non-INVITE: Timer E doubles up to T2; Timer F (64 T1) gives 408", () => {
    const net = network(
      [
        agent("alice", "192.0.2.1", { requests: [{ at: s(1), method: "OPTIONS", to: { user: "bob" }, body: "" }] }),
        agent("bob", "192.0.2.2", { answer: down }),
      ],
      BOB,
    );
    net.run(s(60));
    expect(net.lines()).toEqual(
      [1000, 1500, 2500, 4500, 8500, 12500, 16500, 20500, 24500, 28500, 32500].map(
        (t) => `${t} OPTIONS sip:bob@192.0.2.2 SIP/2.0`,
      ),
    );
    expect(net.agents.summary()[0]?.requests).toEqual([
      { method: "OPTIONS", ruri: "sip:bob@192.0.2.2", at: s(1), code: 408 },
    ]);
  });

  it("T1 is the agent's own; T2 does not cap Timer A", () => {
    const net = pair({}, down, { t1: s(0.1), t2: s(0.4) });
    net.run(s(60));
    expect(net.lines().map((l) => l.split(" ")[0])).toEqual(["1000", "1100", "1300", "1700", "2500", "4100", "7300"]);
    expect(net.agents.summary()[0]?.calls[0]).toMatchObject({ state: "failed", code: 408, ended: s(7.4) });
  });

  it("retransmit: false sends once; the timeout still applies", () => {
    const net = pair({}, down, { retransmit: false });
    net.run(s(60));
    expect(net.lines()).toEqual(["1000 INVITE sip:bob@192.0.2.2 SIP/2.0"]);
    expect(net.agents.summary()[0]?.calls[0]).toMatchObject({ state: "failed", code: 408, ended: s(33) });
  });
});

describe("lost datagrams", () => {
  it("a lost 200 OK is re-sent by the callee's core after T1, then ACKed", () => {
    const net = pair({ hold: null }, answers({}));
    let first = true;
    net.drop = (d) => {
      const lose = first && d.line === "SIP/2.0 200 OK";
      if (lose) first = false;
      return lose;
    };
    net.run(s(60));
    expect(net.lines()).toEqual([
      "1000 INVITE sip:bob@192.0.2.2 SIP/2.0",
      "1210 SIP/2.0 180 Ringing",
      "2010 SIP/2.0 200 OK (lost)",
      "2510 SIP/2.0 200 OK",
      "2520 ACK sip:bob@192.0.2.2:5060 SIP/2.0",
    ]);
    expect(net.agents.summary()[1]?.counters.retransmissions).toBe(1);
  });

  it("a lost ACK: the 2xx comes again and the same ACK is sent again", () => {
    const net = pair({ hold: null }, answers({}));
    let first = true;
    net.drop = (d) => {
      const lose = first && d.line.startsWith("ACK");
      if (lose) first = false;
      return lose;
    };
    net.run(s(60));
    expect(net.lines()).toEqual([
      "1000 INVITE sip:bob@192.0.2.2 SIP/2.0",
      "1210 SIP/2.0 180 Ringing",
      "2010 SIP/2.0 200 OK",
      "2020 ACK sip:bob@192.0.2.2:5060 SIP/2.0 (lost)",
      "2510 SIP/2.0 200 OK",
      "2520 ACK sip:bob@192.0.2.2:5060 SIP/2.0",
    ]);
    expect(net.wire[5]?.text).toBe(net.wire[3]?.text);
    expect(net.agents.summary()[0]?.counters.retransmissions).toBe(1);
  });

  it("a 2xx retransmitted after the INVITE's transaction is gone (Timer M) still gets its ACK", () => {
    const net = pair({ hold: null }, answers({ trying: true, ring: null, after: s(0.1) }), { t1: s(0.1) });
    net.run(s(10));
    // alice's Timer M (64 T1 = 6.4 s) has ended her INVITE transaction; bob's 200 comes once more.
    const ok = net.wire.find((d) => d.line === "SIP/2.0 200 OK");
    net.send({ ip: "192.0.2.2", port: 5060 }, { ip: "192.0.2.1", port: 5060 }, ok?.text ?? "");
    net.run(s(11));
    const acks = net.wire.filter((d) => d.line.startsWith("ACK"));
    expect(acks.map((d) => d.t)).toEqual([s(1.12), s(10.01)]);
    expect(acks[1]?.text).toBe(acks[0]?.text);
    expect(net.agents.summary()[0]?.counters.dropped).toBe(0);
  });

  it("no ACK at all: the 2xx is re-sent up to 64 T1, then the callee hangs up (13.3.1.4)", () => {
    const net = pair({ hold: null }, answers({}));
    net.drop = (d) => d.line.startsWith("ACK");
    net.run(s(60));
    expect(net.lines(B).slice(2)).toEqual([
      ...[2510, 3510, 5510, 9510, 13510, 17510, 21510, 25510, 29510, 33510].map((t) => `${t} SIP/2.0 200 OK`),
      "34010 BYE sip:alice@192.0.2.1:5060 SIP/2.0",
    ]);
    const [alice, bob] = net.agents.summary();
    expect(bob?.calls[0]).toMatchObject({ state: "ended", endedBy: "timeout", ended: s(34.01) });
    expect(alice?.calls[0]).toMatchObject({ state: "ended", endedBy: "remote", ended: s(34.02) });
  });

  it("a retransmitted OPTIONS gets the server transaction's last response again", () => {
    const net = network(
      [
        agent("alice", "192.0.2.1", { requests: [{ at: s(1), method: "OPTIONS", to: { user: "bob" }, body: "" }] }),
        agent("bob", "192.0.2.2"),
      ],
      BOB,
    );
    let first = true;
    net.drop = (d) => {
      const lose = first && d.line === "SIP/2.0 200 OK";
      if (lose) first = false;
      return lose;
    };
    net.run(s(60));
    expect(net.lines()).toEqual([
      "1000 OPTIONS sip:bob@192.0.2.2 SIP/2.0",
      "1010 SIP/2.0 200 OK (lost)",
      "1500 OPTIONS sip:bob@192.0.2.2 SIP/2.0",
      "1510 SIP/2.0 200 OK",
    ]);
    expect(net.wire[3]?.text).toBe(net.wire[1]?.text);
    expect(net.agents.summary()[1]?.answered).toEqual({ OPTIONS: 1 });
  });
});

describe("in-dialog requests", () => {
  it("the callee hangs up after its bye time; a re-INVITE gets 200 with the next SDP version and an ACK", () => {
    const net = pair({ hold: null, reinvite: s(1) }, answers({ bye: s(3) }));
    net.run(s(60));
    expect(net.lines()).toEqual([
      "1000 INVITE sip:bob@192.0.2.2 SIP/2.0",
      "1210 SIP/2.0 180 Ringing",
      "2010 SIP/2.0 200 OK",
      "2020 ACK sip:bob@192.0.2.2:5060 SIP/2.0",
      "3020 INVITE sip:bob@192.0.2.2:5060 SIP/2.0",
      "3030 SIP/2.0 200 OK",
      "3040 ACK sip:bob@192.0.2.2:5060 SIP/2.0",
      "5030 BYE sip:alice@192.0.2.1:5060 SIP/2.0",
      "5040 SIP/2.0 200 OK",
    ]);
    const reinvite = net.wire[4]?.text ?? "";
    expect(reinvite).toContain("CSeq: 2 INVITE\r\n");
    expect(reinvite).toContain("To: <sip:bob@192.0.2.2>;tag=bob-2\r\n");
    expect(reinvite).toContain("o=alice 2 2 IN IP4");
    expect(net.wire[5]?.text).toContain("o=bob 1 2 IN IP4");
    expect(net.wire[6]?.text).toContain("CSeq: 2 ACK\r\n");
    // The callee's BYE: its own CSeq space, From and To swapped, to the caller's Contact.
    const bye = net.wire[7]?.text ?? "";
    expect(bye).toContain("From: <sip:bob@192.0.2.2>;tag=bob-2\r\n");
    expect(bye).toContain("To: <sip:alice@192.0.2.2>;tag=alice-4\r\n");
    expect(bye).toContain("CSeq: 1 BYE\r\n");
    const [alice, bob] = net.agents.summary();
    expect(alice?.calls[0]).toMatchObject({ state: "ended", endedBy: "remote" });
    expect(bob?.calls[0]).toMatchObject({ state: "ended", endedBy: "local" });
  });
});
