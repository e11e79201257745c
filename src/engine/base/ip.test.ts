import { describe, expect, it } from "vitest";
import { formatIPv4, formatIPv6, ipToBytes, parseIPv4, parseIPv6 } from "./ip.js";

const bytes = (ip: string) => {
  const b = ipToBytes(ip);
  return b === undefined ? undefined : [...b];
};

describe("IPv4", () => {
  it("reads four decimal octets, leading zeros as decimal (Kamailio's str2ip)", () => {
    expect(parseIPv4("203.0.113.66")).toBe(0xcb007142);
    expect(parseIPv4("255.255.255.255")).toBe(0xffffffff);
    expect(parseIPv4("010.000.0.01")).toBe(0x0a000001);
  });

  it("refuses anything else", () => {
    for (const t of [
      "",
      "1.2.3",
      "1.2.3.4.5",
      "1..2.3",
      "256.1.1.1",
      "1.2.3.1000",
      "1.2.3.-1",
      " 1.2.3.4",
      "a.b.c.d",
    ]) {
      expect(parseIPv4(t), t).toBeUndefined();
    }
  });

  it("prints dotted decimal", () => {
    expect(formatIPv4(0xc0000201)).toBe("192.0.2.1");
  });
});

describe("IPv6", () => {
  it("reads ::, groups and a dotted tail", () => {
    expect(parseIPv6("::1")).toBe(1n);
    expect(parseIPv6("::")).toBe(0n);
    expect(parseIPv6("::ffff:192.0.2.1")).toBe(0xffffc0000201n);
    expect(parseIPv6("2001:DB8::1")).toBe(0x20010db8000000000000000000000001n);
  });

  it("refuses malformed text, brackets and zones", () => {
    for (const t of [
      ":1",
      "1:::2",
      "1::2::3",
      "1:2:3:4:5:6:7:8:9",
      "1:2:3:4:5:6:7",
      "12345::",
      "::1.2.3",
      "[::1]",
      "fe80::1%eth0",
    ]) {
      expect(parseIPv6(t), t).toBeUndefined();
    }
  });

  it("prints RFC 5952 text", () => {
    expect(formatIPv6(parseIPv6("2001:db8:0:0:1:0:0:1") as bigint)).toBe("2001:db8::1:0:0:1");
    expect(formatIPv6(parseIPv6("::ffff:c000:201") as bigint)).toBe("::ffff:192.0.2.1");
  });
});

describe("ipToBytes", () => {
  it("gives 4 bytes for IPv4 and 16 for IPv6, brackets allowed around IPv6", () => {
    expect(bytes("192.0.2.10")).toEqual([192, 0, 2, 10]);
    expect(bytes("[1:2:3:4:5:6:7:8]")).toEqual([0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 8]);
    expect(bytes("::ffff:192.0.2.1")).toEqual([...new Array(10).fill(0), 0xff, 0xff, 192, 0, 2, 1]);
    expect(bytes("[192.0.2.1]")).toBeUndefined();
    expect(bytes("example.com")).toBeUndefined();
  });
});
