import { describe, expect, it } from "vitest";
import { formatIPv6, parseIPv4, parseIPv6 } from "../base/ip.js";
import { createAddressPool, parseAddressOrBlock, parseSingleAddress } from "./address.js";

describe("addresses", () => {
  it.each([
    ["192.0.2.1", "192.0.2.1"],
    ["192.0.2.0/24", "192.0.2.0/24"],
    ["192.0.2.1/32", "192.0.2.1"],
    ["2001:DB8::1", "2001:db8::1"],
    ["2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"],
    ["2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1"],
    ["::1", "::1"],
    ["fe80::", "fe80::"],
    ["::ffff:c000:201", "::ffff:192.0.2.1"],
    ["64:ff9b::192.0.2.33", "64:ff9b::c000:221"],
    ["2001:db8::/32", "2001:db8::/32"],
  ])("reads %s as %s", (text, canonical) => {
    expect(parseAddressOrBlock(text)).toMatchObject({ ok: true, text: canonical });
  });

  it.each([
    "",
    "192.0.2",
    "192.0.2.1.5",
    "192.0.2.-1",
    "192.0.2.1 ",
    "1.2.3.4/",
    "1.2.3.4/08",
    "010.0.0.1",
    "::ffff:192.0.2.01",
    "2001:db8:::1",
    "2001:db8::1%eth0",
    "1:2:3:4:5:6:7:8:9",
    "1:2:3:4:5:6:7",
    "1.2.3.4::",
    "::12345",
    "0.0.0.0",
    "255.255.255.255",
    "::",
    "ff02::1",
    "0.0.0.0/0",
  ])("refuses %j", (text) => {
    expect(parseAddressOrBlock(text).ok).toBe(false);
  });

  it("round-trips IPv6 through its number", () => {
    for (const text of ["2001:db8::", "::2:0:0:3", "1:0:0:2::3", "1::2:0:0:3"]) {
      expect(formatIPv6(parseIPv6(text) as bigint)).toBe(text);
    }
    expect(parseIPv4("203.0.113.66")).toBe(0xcb007142);
  });

  it("lets a message come from one address only", () => {
    expect(parseSingleAddress("192.0.2.0/24").ok).toBe(false);
    expect(parseSingleAddress("192.0.2.9")).toMatchObject({ ok: true, text: "192.0.2.9" });
  });

  it("counts a pool's addresses", () => {
    expect(createAddressPool(["192.0.2.0/28"]).size).toBe(14);
    expect(createAddressPool(["192.0.2.0/31", "192.0.2.9"]).size).toBe(3);
    expect(createAddressPool(["2001:db8::/127"]).size).toBe(2);
    expect(createAddressPool(["2001:db8::/32", "192.0.2.1"]).size).toBe(Number.MAX_SAFE_INTEGER);
    expect(createAddressPool(["2001:db8::/32"]).forRequest(2 ** 40 + 1)).toBe("2001:db8::100:0:1");
  });

  it("hands out the addresses in turn, the same ones on every round", () => {
    const pool = createAddressPool(["192.0.2.0/30", "198.51.100.7", "2001:db8::5"]);
    const rounds = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => pool.forRequest(n));
    expect(rounds).toEqual([
      "192.0.2.1",
      "192.0.2.2",
      "198.51.100.7",
      "2001:db8::5",
      "192.0.2.1",
      "192.0.2.2",
      "198.51.100.7",
      "2001:db8::5",
    ]);
    // A pool too large to keep the texts formats them each time, with the same result.
    const big = createAddressPool(["10.0.0.0/8"]);
    expect([1, 2, 2 ** 24 - 2, 2 ** 24 - 1].map((n) => big.forRequest(n))).toEqual([
      "10.0.0.1",
      "10.0.0.2",
      "10.255.255.254",
      "10.0.0.1",
    ]);
  });
});
