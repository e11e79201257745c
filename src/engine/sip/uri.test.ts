import { describe, expect, it } from "vitest";
import { formatUri, parseUri, type SipUri, uriPort } from "./uri.js";

/** `$rU`, `$rd`, `$rp` as the pv layer derives them (an empty user or host prints `<null>`). */
function pvParts(text: string): [string | null, string | null, number | string] | undefined {
  const u = parseUri(text);
  if (!u) return undefined;
  return [u.user ? u.user : null, u.host === "" ? null : u.host, uriPort(u)];
}

function parsed(text: string): SipUri {
  const u = parseUri(text);
  if (!u) throw new Error(`${text} did not parse`);
  return u;
}

describe("parseUri", () => {
  it("splits a sip URI with port and params", () => {
    expect(parseUri("sip:bob@127.0.0.1:5098;transport=udp")).toEqual({
      scheme: "sip",
      user: "bob",
      host: "127.0.0.1",
      port: "5098",
      portNo: 5098,
      phone: false,
      params: "transport=udp",
      transport: "udp",
    });
  });

  // Each row was printed by Kamailio 5.6.3 (xlog of $rU/$rd/$rp; tests/kamailio/cases/pv-uri-parts
  // and earlier runs after `$ru = "<uri>"`).
  it.each([
    ["sip:carol@[2001:db8::1]:5070;transport=tls", ["carol", "[2001:db8::1]", 5070]],
    ["sip:alice@[2001:db8::1]:5070;transport=tcp", ["alice", "[2001:db8::1]", 5070]],
    ["sip:example.com;transport=tls", [null, "example.com", 5061]],
    ["sip:h.example.com;transport=TLS", [null, "h.example.com", 5061]],
    ["sips:bob@example.com", ["bob", "example.com", 5060]],
    ["sip:bob:secret@example.com", ["bob", "example.com", 5060]],
    ["sip:example.com;lr", [null, "example.com", 5060]],
    ["tel:+1-555-1234;phone-context=x", ["+1-555-1234", null, 5060]],
    ["tel:+1-555-0100;phone-context=example.com", ["+1-555-0100", null, 5060]],
    ["sip:u:pw@h.com:0", ["u", "h.com", 0]],
    ["sip:u;np=1@h.com", ["u;np=1", "h.com", 5060]],
    ["sip:a;x=1@h.example.com", ["a;x=1", "h.example.com", 5060]],
    ["sip:h.example.com;a=b@x.example.com", ["h.example.com;a=b", "x.example.com", 5060]],
    ["sip:+4930123;npdi@example.com;user=phone", ["+4930123", "example.com", 5060]],
    ["sips:+49301;isub=12@example.com:05061;transport=tls;user=phone?subject=x", ["+49301", "example.com", "05061"]],
    ["sip:h.example.com:;transport=tls", [null, "h.example.com", ""]],
    ["SIP:Bob@H.com", ["Bob", "H.com", 5060]],
    ["sip:bob@127.0.0.1:5098;transport=udp", ["bob", "127.0.0.1", 5098]],
  ])("%s gives $rU/$rd/$rp as Kamailio does", (text, parts) => {
    expect(pvParts(text)).toEqual(parts);
  });

  it("keeps IPv6 brackets and reads the port after them", () => {
    const u = parseUri("sip:bob@[::1]");
    expect(u?.host).toBe("[::1]");
    expect(u?.port).toBeUndefined();
    expect(parseUri("sip:[fe80::1]:5062")?.port).toBe("5062");
    expect(parseUri("sip:[fe80::1]:5062")?.user).toBeUndefined();
  });

  it("reads password, params and headers as written", () => {
    expect(parseUri("sips:alice:secret@example.com:5061;lr;maddr=10.0.0.1?subject=hi&priority=urgent")).toEqual({
      scheme: "sips",
      user: "alice",
      password: "secret",
      host: "example.com",
      port: "5061",
      portNo: 5061,
      phone: false,
      params: "lr;maddr=10.0.0.1",
      headers: "subject=hi&priority=urgent",
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
    ["sip:h?a;b"],
    ["tel:"],
    ["urn:service:sos"],
    ["bob@example.com"],
  ])("refuses %s", (text) => {
    expect(parseUri(text)).toBeUndefined();
  });
});

describe("uriPort", () => {
  it("defaults to 5060, or 5061 only for transport=tls", () => {
    expect(uriPort(parsed("sip:h"))).toBe(5060);
    expect(uriPort(parsed("sip:h;transport=TLS"))).toBe(5061);
    expect(uriPort(parsed("sips:h"))).toBe(5060);
    expect(uriPort(parsed("sip:h:5080;transport=tls"))).toBe(5080);
  });
});

describe("formatUri", () => {
  it.each([
    "sip:bob@127.0.0.1:5098;transport=udp",
    "sip:carol@[2001:db8::1]:5070;transport=tls",
    "sips:alice:secret@example.com:5061;lr;maddr=10.0.0.1?subject=hi&priority=urgent",
    "tel:+1-555-1234;phone-context=x",
    "sip:+4930123;npdi@example.com;user=phone",
    "sip:h.example.com:;transport=tls",
    "sip:example.com",
  ])("writes %s back unchanged", (text) => {
    expect(formatUri(parsed(text))).toBe(text);
  });

  it("lower-cases the scheme", () => {
    expect(formatUri(parsed("SIP:Bob@H.com"))).toBe("sip:Bob@H.com");
  });

  // What Kamailio 5.6.3 printed for $ru after `$rU = "x"` / `$rd = "new.example.net"`
  // (tests/kamailio/cases/pv-uri-parts).
  it.each([
    ["sip:+4930123;npdi@example.com;user=phone", "sip:x;npdi@example.com;user=phone"],
    [
      "sips:+49301;isub=12@example.com:05061;transport=tls;user=phone?subject=x",
      "sip:x;isub=12@example.com:05061;transport=tls;user=phone?subject=x",
    ],
    ["sip:bob:secret@example.com", "sip:x:secret@example.com"],
    ["sip:example.com;lr", "sip:x@example.com;lr"],
    ["tel:+1-555-0100;phone-context=example.com", "tel:x;phone-context=example.com"],
    ["sip:a;x=1@h.example.com", "sip:x@h.example.com"],
    ["sip:h.example.com;a=b@x.example.com", "sip:x@x.example.com"],
  ])("rebuilds %s with a new user as %s", (text, want) => {
    expect(formatUri({ ...parsed(text), user: "x" })).toBe(want);
  });

  it("makes a tel URI given a host a sip URI with user=phone", () => {
    const u = { ...parsed("tel:+1-555-0100;phone-context=example.com"), host: "new.example.net" };
    expect(formatUri(u, true)).toBe("sip:+1-555-0100;phone-context=example.com@new.example.net;user=phone");
  });

  it("drops the password and the '@' with the user", () => {
    expect(formatUri({ ...parsed("sip:bob:secret@example.com"), user: "" })).toBe("sip:example.com");
  });
});
