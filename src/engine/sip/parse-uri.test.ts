/** parse_uri() (src/core/parser/parse_uri.c, 5.6.3) as sip/parse-uri.ts ports it. */
import { describe, expect, it } from "vitest";
import { parseRawUri } from "./parse-uri.js";

describe("parseRawUri", () => {
  it("refuses what parse_uri() refuses", () => {
    for (const bad of [
      "sip:",
      "sip:@h",
      "sip:a@",
      "sip:h:70000",
      "sip:h:000005060",
      "sip:[::1",
      "sip:a:b:c@h",
      "sip:h?a;b",
      "xip:h",
    ])
      expect(parseRawUri(bad), bad).toBeUndefined();
  });

  it("reads host:port without a user, and a user whose password looks like a port", () => {
    expect(parseRawUri("sip:h.com:5070;x")).toMatchObject({ host: "h.com", port: "5070", portNo: 5070 });
    expect(parseRawUri("sip:h.com:5070;x")?.user).toBeUndefined();
    expect(parseRawUri("sip:bob:5070@h.com")).toMatchObject({ user: "bob", passwd: "5070", host: "h.com" });
    expect(parseRawUri("sip:h:")).toMatchObject({ host: "h", port: "" });
    expect(parseRawUri("sip:a?b@h")).toMatchObject({ user: "a?b", host: "h" });
  });

  it("reads the scheme case-insensitively, as parse_uri()'s `| 0x20` compare does", () => {
    expect(parseRawUri("SIPS:h")?.type).toBe("sips");
    expect(parseRawUri("Tel:+1")?.type).toBe("tel");
    expect(parseRawUri("sipx:h")).toBeUndefined();
  });

  it("makes a user=phone URI a tel URI whose user ends at its first ';'", () => {
    expect(parseRawUri("sip:+4930123;npdi@example.com;user=phone")).toMatchObject({
      type: "sip",
      phone: true,
      user: "+4930123",
      telParams: "npdi",
      sipParams: "user=phone",
    });
    expect(parseRawUri("sip:+49@h;user=phone")?.telParams).toBeUndefined();
    // phone2tel compares the value case-sensitively.
    expect(parseRawUri("sip:+49;a@h;user=Phone")).toMatchObject({ user: "+49;a" });
  });

  it("moves a tel URI's number to the user, its parameters to telParams", () => {
    const u = parseRawUri("tel:+1-555-0100;phone-context=example.com");
    expect(u).toMatchObject({ type: "tel", user: "+1-555-0100", host: "", telParams: "phone-context=example.com" });
    expect(u?.sipParams).toBeUndefined();
  });
});
