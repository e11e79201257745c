import { describe, expect, it } from "vitest";
import { formatUri, parseUri, uriPort } from "./uri.js";

/** `$rU`, `$rd`, `$rp` as the pv layer derives them (null user/empty host print `<null>`). */
function pvParts(text: string): [string | null, string | null, number] | undefined {
  const u = parseUri(text);
  if (!u) return undefined;
  return [u.user ?? null, u.host === "" ? null : u.host, uriPort(u)];
}

describe("parseUri", () => {
  it("splits a sip URI with port and params", () => {
    expect(parseUri("sip:bob@127.0.0.1:5098;transport=udp")).toEqual({
      scheme: "sip",
      user: "bob",
      host: "127.0.0.1",
      port: 5098,
      params: [{ name: "transport", value: "udp" }],
      headers: [],
    });
  });

  // Each row was printed by Kamailio 5.6.3 after `$ru = "<uri>"` (xlog of $rU/$rd/$rp).
  it.each([
    ["sip:carol@[2001:db8::1]:5070;transport=tls", ["carol", "[2001:db8::1]", 5070]],
    ["sip:example.com;transport=tls", [null, "example.com", 5061]],
    ["sips:bob@example.com", ["bob", "example.com", 5060]],
    ["tel:+1-555-1234;phone-context=x", ["+1-555-1234", null, 5060]],
    ["sip:u:pw@h.com:0", ["u", "h.com", 0]],
    ["sip:u;np=1@h.com", ["u;np=1", "h.com", 5060]],
    ["SIP:Bob@H.com", ["Bob", "H.com", 5060]],
    ["sip:bob@127.0.0.1:5098;transport=udp", ["bob", "127.0.0.1", 5098]],
  ])("%s gives $rU/$rd/$rp as Kamailio does", (text, parts) => {
    expect(pvParts(text)).toEqual(parts);
  });

  it("keeps IPv6 brackets and reads the port after them", () => {
    const u = parseUri("sip:bob@[::1]");
    expect(u?.host).toBe("[::1]");
    expect(u?.port).toBeUndefined();
    expect(parseUri("sip:[fe80::1]:5062")?.port).toBe(5062);
    expect(parseUri("sip:[fe80::1]:5062")?.user).toBeUndefined();
  });

  it("reads password, bare params and headers in order", () => {
    expect(parseUri("sips:alice:secret@example.com:5061;lr;maddr=10.0.0.1?subject=hi&priority=urgent")).toEqual({
      scheme: "sips",
      user: "alice",
      password: "secret",
      host: "example.com",
      port: 5061,
      params: [{ name: "lr" }, { name: "maddr", value: "10.0.0.1" }],
      headers: [
        { name: "subject", value: "hi" },
        { name: "priority", value: "urgent" },
      ],
    });
  });

  it.each([
    ["http://example.com"],
    ["sip:"],
    ["sip:@example.com"],
    ["sip:bob@"],
    ["sip:bob@exa mple.com"],
    ["sip:bob@example.com:99999"],
    ["sip:bob@example.com:5o60"],
    ["sip:bob@[::1"],
    ["sip:bob@[::1]x"],
    ["sip:b[o]b@example.com"],
    ["sip:bob@_host"],
    ["tel:"],
    ["bob@example.com"],
  ])("refuses %s", (text) => {
    expect(parseUri(text)).toBeUndefined();
  });
});

describe("uriPort", () => {
  it("defaults to 5060, or 5061 only for transport=tls", () => {
    expect(uriPort(parseUri("sip:h") ?? fail())).toBe(5060);
    expect(uriPort(parseUri("sip:h;transport=TLS") ?? fail())).toBe(5061);
    expect(uriPort(parseUri("sips:h") ?? fail())).toBe(5060);
    expect(uriPort(parseUri("sip:h:5080;transport=tls") ?? fail())).toBe(5080);
  });
});

describe("formatUri", () => {
  it.each([
    "sip:bob@127.0.0.1:5098;transport=udp",
    "sip:carol@[2001:db8::1]:5070;transport=tls",
    "sips:alice:secret@example.com:5061;lr;maddr=10.0.0.1?subject=hi&priority=urgent",
    "tel:+1-555-1234;phone-context=x",
    "sip:example.com",
  ])("writes %s back unchanged", (text) => {
    expect(formatUri(parseUri(text) ?? fail())).toBe(text);
  });

  it("lower-cases the scheme", () => {
    expect(formatUri(parseUri("SIP:Bob@H.com") ?? fail())).toBe("sip:Bob@H.com");
  });
});

function fail(): never {
  throw new Error("URI did not parse");
}
