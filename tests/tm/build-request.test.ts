/**
 * The forwarded request as build_req_buf_from_sip_req() (core/msg_translator.c, 5.6.3) builds
 * it: the local Via on top (no port when it is 5060), received=/rport= on the received Via as
 * received_test() and the rport rules say, the path vector as a Route header.
 */
import { describe, expect, it } from "vitest";
import { buildForwardedRequest, localViaLine } from "../../src/engine/modules/core/build-request.js";
import { SipRequest } from "../../src/engine/sip/message.js";

const req = (via: string, extra = "") =>
  SipRequest.parse(
    `INVITE sip:bob@192.0.2.20 SIP/2.0\r\nVia: ${via}\r\n${extra}From: <sip:a@x>;tag=1\r\nTo: <sip:b@x>\r\nCall-ID: c\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n`,
  ) as SipRequest;

const vias = (text: string) => text.split("\r\n").filter((l) => l.startsWith("Via:") || l.startsWith("Route:"));

describe("build_req_buf_from_sip_req", () => {
  const socket = { ip: "127.0.0.1", port: 5060 };
  it("leaves the port out of the local Via only for 5060", () => {
    expect(localViaLine(socket, "z9hG4bKx")).toBe("Via: SIP/2.0/UDP 127.0.0.1;branch=z9hG4bKx\r\n");
    expect(localViaLine({ ip: "127.0.0.1", port: 5070 }, "b", true)).toBe(
      "Via: SIP/2.0/UDP 127.0.0.1:5070;branch=b;rport\r\n",
    );
  });

  it("adds nothing to a Via whose host is the source and that has no rport", () => {
    const t = buildForwardedRequest(req("SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK1"), {
      branch: "B",
      socket,
      src: { ip: "192.0.2.10", port: 5060 },
    });
    expect(vias(t ?? "")).toEqual([
      "Via: SIP/2.0/UDP 127.0.0.1;branch=B",
      "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK1",
    ]);
  });

  it("adds received where the parameters start when the host differs; rport fills in place", () => {
    const t = buildForwardedRequest(req("SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK1;rport"), {
      branch: "B",
      socket,
      src: { ip: "192.0.2.10", port: 5999 },
    });
    expect(vias(t ?? "")[1]).toBe("Via: SIP/2.0/UDP 10.0.0.1:5060;received=192.0.2.10;branch=z9hG4bK1;rport=5999");
  });

  it("force_rport with no rport: rport nearest the anchor, then received", () => {
    const t = buildForwardedRequest(req("SIP/2.0/UDP 10.0.0.1;branch=z9hG4bK1"), {
      branch: "B",
      socket,
      src: { ip: "192.0.2.10", port: 5999 },
      forceRport: true,
    });
    expect(vias(t ?? "")[1]).toBe("Via: SIP/2.0/UDP 10.0.0.1;rport=5999;received=192.0.2.10;branch=z9hG4bK1");
  });

  it("replaces an old received value", () => {
    const t = buildForwardedRequest(req("SIP/2.0/UDP 10.0.0.1;received=1.2.3.4;branch=z9hG4bK1"), {
      branch: "B",
      socket,
      src: { ip: "192.0.2.10", port: 5060 },
    });
    expect(vias(t ?? "")[1]).toBe("Via: SIP/2.0/UDP 10.0.0.1;received=192.0.2.10;branch=z9hG4bK1");
  });

  it("puts the path vector as a Route after the local Via, or before the first Route", () => {
    const src = { ip: "192.0.2.10", port: 5060 };
    const a = buildForwardedRequest(req("SIP/2.0/UDP 192.0.2.10;branch=z9hG4bK1"), {
      branch: "B",
      socket,
      src,
      path: "<sip:edge@192.0.2.99;lr>",
    });
    expect(vias(a ?? "")).toEqual([
      "Via: SIP/2.0/UDP 127.0.0.1;branch=B",
      "Route: <sip:edge@192.0.2.99;lr>",
      "Via: SIP/2.0/UDP 192.0.2.10;branch=z9hG4bK1",
    ]);
    const b = buildForwardedRequest(req("SIP/2.0/UDP 192.0.2.10;branch=z9hG4bK1", "Route: <sip:r@192.0.2.50;lr>\r\n"), {
      branch: "B",
      socket,
      src,
      path: "<sip:edge@192.0.2.99;lr>",
    });
    expect(vias(b ?? "")).toEqual([
      "Via: SIP/2.0/UDP 127.0.0.1;branch=B",
      "Via: SIP/2.0/UDP 192.0.2.10;branch=z9hG4bK1",
      "Route: <sip:edge@192.0.2.99;lr>",
      "Route: <sip:r@192.0.2.50;lr>",
    ]);
  });
});
