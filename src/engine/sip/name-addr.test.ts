import { describe, expect, it } from "vitest";
import { parseNameAddr } from "./name-addr.js";

describe("parseNameAddr", () => {
  it.each([
    ['"Alice" <sip:alice@example.org>;tag=ft1', { display: '"Alice"', uri: "sip:alice@example.org", tag: "ft1" }],
    ["<sip:bob@example.net>", { uri: "sip:bob@example.net" }],
    // parse_addr_spec(): the URI in brackets ends at a blank (receive2-bad-to).
    ["< sip:bob@example.net >", { uri: "sip:bob@example.net" }],
    [
      "Alice  Smith  <sip:alice@example.org> ;tag=x1",
      { display: "Alice  Smith", uri: "sip:alice@example.org", tag: "x1" },
    ],
    ["sip:alice@example.org;tag=x2", { uri: "sip:alice@example.org", tag: "x2" }],
    ["<sip:bob@example.net>;x=1;TAG=t", { uri: "sip:bob@example.net", tag: "t" }],
    ["<sip:bob@example.net>;tag=", { uri: "sip:bob@example.net" }],
    ['"a;b<c>" <sip:x@y;lr>', { display: '"a;b<c>"', uri: "sip:x@y;lr" }],
    ['"Folded"\r\n <sip:x@y>', { display: '"Folded"', uri: "sip:x@y" }],
  ])("%j", (body, expected) => {
    expect(parseNameAddr(body)).toEqual(expected);
  });

  it.each([['"open <sip:x@y>'], ["<sip:x@y"], ["<sip:x@y> junk"], [""], ['"A" sip:x@y']])("refuses %j", (body) => {
    expect(parseNameAddr(body)).toBeUndefined();
  });
});
