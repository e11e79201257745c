/**
 * Agents calling each other with no proxy in between (the callee's address is the caller's
 * outbound proxy), on an in-memory network with 10 ms latency: RFC 3261's call flows and timers.
 */
import { describe, expect, it } from "vitest";
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

describe("a call between two agents", () => {
  it("INVITE, 180, 200, ACK end to end, BYE after the hold time, 200", () => {
    const net = network(
      [
        agent("alice", "192.0.2.1", { calls: [call()] }),
        agent("bob", "192.0.2.2", { answer: { down: false, trying: false, ring: s(0.2), after: s(1), code: 200, bye: null } }),
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
