import { describe, expect, it } from "vitest";
import { parseVia, parseVias } from "./via.js";

describe("parseVia", () => {
  it("reads transport, sent-by and parameters with their offsets", () => {
    const body = "SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK1;rport";
    expect(parseVia(body)).toEqual({
      protocol: "SIP/2.0",
      transport: "UDP",
      host: "192.0.2.10",
      port: 5060,
      params: [
        { name: "branch", value: "z9hG4bK1", start: 28, end: 43 },
        { name: "rport", start: 44, end: 49 },
      ],
      branch: "z9hG4bK1",
      end: body.length,
    });
  });

  it("allows whitespace, IPv6 hosts and IPv6 received values", () => {
    const via = parseVia("SIP / 2.0 / TCP [2001:db8::1] : 5070 ; branch = z9hG4bKx ; received=2001:db8::2");
    expect(via).toMatchObject({ transport: "TCP", host: "[2001:db8::1]", port: 5070, branch: "z9hG4bKx" });
    expect(via?.params[1]).toMatchObject({ name: "received", value: "2001:db8::2" });
  });

  it("stops at the comma before the next via, and reads them all", () => {
    const body = "SIP/2.0/UDP 10.0.0.1:5070;branch=z9hG4bKdef, SIP/2.0/UDP 10.0.0.2;branch=z9hG4bKx (comment)";
    expect(parseVia(body)?.end).toBe(body.indexOf(","));
    expect(parseVias(body)?.map((v) => [v.host, v.port, v.branch])).toEqual([
      ["10.0.0.1", 5070, "z9hG4bKdef"],
      ["10.0.0.2", undefined, "z9hG4bKx"],
    ]);
  });

  it.each([
    ["SIP/2.0 127.0.0.1"],
    ["SIP/2.0/UDP"],
    ["SIP/2.0/UDP h:99999"],
    ["SIP/2.0/UDP h;=x"],
    ["SIP/2.0/UDP h junk"],
    ["SIP/2.0/UDP [::1"],
  ])("refuses %j", (body) => {
    expect(parseVias(body)).toBeUndefined();
  });
});
