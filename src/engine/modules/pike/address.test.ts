/** pike's address handling: pike_check_ip's parser quirks (docs/kamailio/pike.md#functions), $si text to bytes, printing. */
import { describe, expect, it } from "vitest";
import { ipToBytes } from "../../base/ip.js";
import { formatPikeIp, parseIpv4ForPike } from "./tree.js";

const parsed = (text: string) => {
  const b = parseIpv4ForPike(text);
  return b === undefined ? undefined : [...b];
};

describe("parseIpv4ForPike (core str2ipbuf)", () => {
  it("accumulates each octet modulo 256", () => {
    expect(parsed("256.1.1.1")).toEqual([0, 1, 1, 1]);
    expect(parsed("300.1.1.1")).toEqual([44, 1, 1, 1]);
    expect(parsed("1.2.3.1000")).toEqual([1, 2, 3, 232]);
  });

  it("accepts leading zeros and empty octets", () => {
    expect(parsed("001.002.003.004")).toEqual([1, 2, 3, 4]);
    expect(parsed("1..2.3")).toEqual([1, 0, 2, 3]);
    expect(parsed("1.2.3.")).toEqual([1, 2, 3, 0]);
    expect(parsed("...")).toEqual([0, 0, 0, 0]);
  });

  it("needs exactly three dots", () => {
    expect(parsed("1.2.3")).toBeUndefined();
    expect(parsed("1.2.3.4.5")).toBeUndefined();
    expect(parsed("....")).toBeUndefined();
  });

  it("fails on IPv6 text, host names, spaces and the empty string", () => {
    for (const text of ["::1", "2001:db8::1", "localhost", "a.b.c.d", " 1.2.3.4", "1.2.3.4 ", "+1.2.3.4", ""]) {
      expect(parsed(text), text).toBeUndefined();
    }
  });

  it("reuses a buffer it is given", () => {
    const out = new Uint8Array(4);
    expect(parseIpv4ForPike("10.0.0.1", out)).toBe(out);
    expect(parseIpv4ForPike("9.8.7.6", out)).toBe(out);
    expect([...out]).toEqual([9, 8, 7, 6]);
  });
});

describe("ipToBytes", () => {
  const bytes = (ip: string) => {
    const b = ipToBytes(ip);
    return b === undefined ? undefined : [...b];
  };

  it("reads strict dotted IPv4", () => {
    expect(bytes("192.0.2.10")).toEqual([192, 0, 2, 10]);
    expect(bytes("256.1.1.1")).toBeUndefined();
    expect(bytes("1.2.3")).toBeUndefined();
    expect(bytes("1..2.3")).toBeUndefined();
  });

  it("reads IPv6 with ::, a dotted tail and brackets", () => {
    expect(bytes("::1")).toEqual([...new Array(15).fill(0), 1]);
    expect(bytes("::")).toEqual(new Array(16).fill(0));
    expect(bytes("2001:DB8::1")).toEqual([0x20, 1, 0x0d, 0xb8, ...new Array(11).fill(0), 1]);
    expect(bytes("[1:2:3:4:5:6:7:8]")).toEqual([0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 8]);
    expect(bytes("::ffff:192.0.2.1")).toEqual([...new Array(10).fill(0), 0xff, 0xff, 192, 0, 2, 1]);
    expect(bytes("1:2:3:4:5:6:7::")).toEqual([0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 0]);
  });

  it("refuses malformed IPv6", () => {
    for (const ip of [":1", "1:::2", "1::2::3", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "12345::", "::1.2.3", "g::1"]) {
      expect(bytes(ip), ip).toBeUndefined();
    }
    expect(bytes("1:2:3:4:5:6:7:8::")).toBeUndefined();
  });
});

describe("formatPikeIp (ip_addr2a, glibc inet_ntop)", () => {
  it("prints IPv4 dotted", () => {
    expect(formatPikeIp([127, 0, 0, 1])).toBe("127.0.0.1");
  });

  it("prints IPv6 as glibc does", () => {
    // Expected texts come from glibc's inet_ntop (Python's socket.inet_ntop on Linux).
    const cases: [string, string][] = [
      ["::1", "::1"],
      ["::", "::"],
      ["::2.3.4.5", "::2.3.4.5"],
      ["::ffff:1.2.3.4", "::ffff:1.2.3.4"],
      ["::ffff:0.0.0.0", "::ffff:0.0.0.0"],
      ["::0.0.1.2", "::102"],
      ["::ffff:0:1.2.3.4", "::ffff:0:102:304"],
      ["0:0:0:0:1:ffff:1.2.3.4", "::1:ffff:102:304"],
      ["2001:db8:0:1:0:0:0:1", "2001:db8:0:1::1"],
      ["1:0:0:2:0:0:3:4", "1::2:0:0:3:4"],
      ["0:0:1:0:0:1:0:0", "::1:0:0:1:0:0"],
      ["1:0:2:3:4:5:6:7", "1:0:2:3:4:5:6:7"],
      ["1:2:3:4:5:6:7::", "1:2:3:4:5:6:7:0"],
      ["1::", "1::"],
      ["fe80::ABCD:0:0:1", "fe80::abcd:0:0:1"],
    ];
    for (const [input, printed] of cases) {
      const b = ipToBytes(input);
      expect(b, input).toBeDefined();
      expect(formatPikeIp(b ?? []), input).toBe(printed);
    }
  });
});
