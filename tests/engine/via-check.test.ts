/**
 * checkVia() (src/engine/sip/via-check.ts) on IPv6 sent-by hosts: parse_via() (core/parser/
 * parse_via.c, 5.6.3) reads `[` in state F_HOST into F_IP6HOST/P_IP6HOST, where `:` is part of
 * the address, and `]` ends the host (state L_PORT), so a port may follow. The
 * receive2-via-ipv6 differential case shows the same on the real Kamailio.
 */
import { describe, expect, it } from "vitest";
import { checkVia } from "../../src/engine/sip/via-check.js";

/** The verdict on a Via header's value, as the header scanner passes it (the value to its line end). */
function verdict(value: string, after = "\r\nFrom: <sip:a@b>\r\n") {
  const raw = `Via: ${value}${after}`;
  const r = checkVia(raw, 5, raw.length);
  return r.ok ? "ok" : r.logs.map((l) => l.text).join(" | ");
}

describe("checkVia with IPv6 hosts", () => {
  it.each([
    ["first body, no port", "SIP/2.0/UDP [2001:db8::1];branch=z9hG4bK1"],
    ["first body, port", "SIP/2.0/UDP [2001:db8::1]:5070;branch=z9hG4bK1"],
    ["second body, no port", "SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK1, SIP/2.0/UDP [2001:db8::1];branch=z9hG4bK2"],
    ["second body, port", "SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK1, SIP/2.0/UDP [2001:db8::1]:5070;branch=z9hG4bK2"],
    ["both bodies", "SIP/2.0/TCP [::1]:5060;branch=z9hG4bK1,SIP/2.0/TLS [2001:db8::5]:5061;branch=y"],
    ["host only, no params", "SIP/2.0/UDP [2001:db8::1]:5070"],
    ["received= an IPv6 reference", "SIP/2.0/UDP 127.0.0.1:5060;received=[2001:db8::9];branch=z9hG4bK1"],
    ["received= in the second body", "SIP/2.0/UDP 10.0.0.1;branch=a, SIP/2.0/UDP [::2]:5062;received=[::3];rport=9"],
  ])("takes %s", (_name, value) => {
    expect(verdict(value)).toBe("ok");
  });

  it("still refuses a port of six digits after an IPv6 host", () => {
    expect(verdict("SIP/2.0/UDP [2001:db8::1]:123456;branch=z")).toContain("invalid port number <123456>");
  });

  it("refuses a blank inside the brackets, as parse_via() does", () => {
    expect(verdict("SIP/2.0/UDP [2001:db8:: 1]:5070;branch=z")).toContain("bad ipv6 reference");
  });

  it("refuses an IPv6 reference left open at the line end, or cut by a parameter", () => {
    expect(verdict("SIP/2.0/UDP [2001:db8::1")).toContain("invalid via - end of header in state 13");
    expect(verdict("SIP/2.0/UDP [2001:db8::1;branch=z")).toContain("bad ipv6 reference");
  });
});
