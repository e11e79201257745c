import { describe, expect, it } from "vitest";
import { requestAddress, responseAddress, uriTarget } from "../../src/engine/world/agents/addressing.js";
import { parseAgentMessage, parseVia, splitList, uriOf } from "../../src/engine/world/agents/parse.js";

const PROXY = { ip: "127.0.0.1", port: 5060 };

describe("what an agent reads of a datagram", () => {
  it("a reply as Kamailio forwards it: two Vias on one line, compact From/To, folded Contact, two Record-Routes", () => {
    const m = parseAgentMessage(
      "SIP/2.0 200 OK\r\n" +
        "Via: SIP/2.0/UDP 127.0.0.1;branch=z9hG4bKk.1, SIP/2.0/UDP 192.0.2.1:5062;branch=z9hG4bK-a-1;rport=5062;received=10.0.0.1\r\n" +
        "Record-Route: <sip:127.0.0.1;lr>, <sip:10.0.0.9;lr>\r\n" +
        "f: <sip:alice@x>;tag=a-2\r\n" +
        't: "Bob" <sip:bob@x>;TAG=b-1\r\n' +
        "i: c-1\r\n" +
        "CSeq:  7   INVITE\r\n" +
        "m: <sip:bob@192.0.2.2:5060>\r\n" +
        " ;expires=60\r\n" +
        "Content-Length: 4\r\n\r\nbody",
    );
    expect(m).toMatchObject({
      request: false,
      status: 200,
      method: "INVITE",
      fromTag: "a-2",
      toTag: "b-1",
      callId: "c-1",
      cseq: 7,
      contacts: ["<sip:bob@192.0.2.2:5060> ;expires=60"],
      recordRoutes: ["<sip:127.0.0.1;lr>", "<sip:10.0.0.9;lr>"],
      recordRouteLines: ["<sip:127.0.0.1;lr>, <sip:10.0.0.9;lr>"],
      body: "body",
    });
    expect(m?.vias.map((v) => [v.host, v.port, v.branch, v.rport, v.received])).toEqual([
      ["127.0.0.1", null, "z9hG4bKk.1", null, null],
      ["192.0.2.1", 5062, "z9hG4bK-a-1", "5062", "10.0.0.1"],
    ]);
  });

  it("refuses what is not a usable SIP message", () => {
    const ok =
      "OPTIONS sip:a@b SIP/2.0\r\nVia: SIP/2.0/UDP 1.2.3.4;branch=z9hG4bKx\r\nCall-ID: 1\r\nCSeq: 1 OPTIONS\r\n\r\n";
    expect(parseAgentMessage(ok)?.method).toBe("OPTIONS");
    expect(parseAgentMessage(ok.replace("\r\n\r\n", "\r\n"))).toBeUndefined();
    expect(parseAgentMessage(ok.replace("CSeq: 1 OPTIONS", "CSeq: 1 INVITE"))).toBeUndefined();
    expect(parseAgentMessage(ok.replace("Call-ID: 1\r\n", ""))).toBeUndefined();
    expect(parseAgentMessage(ok.replace(/Via[^\r]*\r\n/, ""))).toBeUndefined();
    expect(parseAgentMessage(ok.replace("SIP/2.0\r\n", "SIP/3.0\r\n"))).toBeUndefined();
    expect(parseAgentMessage(`SIP/2.0 99 X\r\n${ok.slice(ok.indexOf("\r\n") + 2)}`)).toBeUndefined();
  });

  it("splits lists outside quotes and brackets; takes URIs out of name-addrs", () => {
    expect(splitList('"A, B" <sip:a@h;x=1,2>, sip:b@h')).toEqual(['"A, B" <sip:a@h;x=1,2>', "sip:b@h"]);
    expect(uriOf('"A" <sip:a@h:5>;tag=1')).toBe("sip:a@h:5");
    expect(uriOf("sip:a@h;tag=1")).toBe("sip:a@h");
    expect(parseVia("SIP / 2.0 / UDP [2001:db8::1]:5070 ;branch=z9hG4bKq")).toMatchObject({
      host: "[2001:db8::1]",
      port: 5070,
      branch: "z9hG4bKq",
    });
  });
});

describe("where an agent sends", () => {
  const via = (text: string) => parseVia(text) ?? (undefined as never);

  it("a response: received, then rport's value, else the sent-by port, else 5060 (RFC 3261 18.2.2, RFC 3581)", () => {
    expect(responseAddress(via("SIP/2.0/UDP 192.0.2.1:5062;branch=x;rport=6000;received=10.0.0.1"))).toEqual({
      ip: "10.0.0.1",
      port: 6000,
    });
    expect(responseAddress(via("SIP/2.0/UDP 192.0.2.1:5062;branch=x;rport"))).toEqual({ ip: "192.0.2.1", port: 5062 });
    expect(responseAddress(via("SIP/2.0/UDP 192.0.2.1;branch=x"))).toEqual({ ip: "192.0.2.1", port: 5060 });
    expect(responseAddress(via("SIP/2.0/UDP proxy.example.com;branch=x"))).toBeUndefined();
  });

  it("a request: the URI's IPv4 host and port; a host name goes to the outbound proxy", () => {
    expect(requestAddress("sip:bob@192.0.2.2:5070;transport=udp", PROXY)).toEqual({ ip: "192.0.2.2", port: 5070 });
    expect(requestAddress("sip:127.0.0.1;lr", PROXY)).toEqual({ ip: "127.0.0.1", port: 5060 });
    expect(requestAddress("sip:bob@example.com", PROXY)).toBe(PROXY);
    expect(uriTarget("sip:127.0.0.1:5080;lr;ftag=x")).toEqual({ host: "127.0.0.1", port: 5080, lr: true });
    expect(uriTarget("sip:127.0.0.1;ftag=x")?.lr).toBe(false);
  });
});
