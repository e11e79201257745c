import { describe, expect, it } from "vitest";
import { parseTrafficText } from "../../../src/engine/index.js";
import { loopbackPlan, mapTextBack, SIDE_SECOND_BYTE } from "./address-map.js";

const plan = (traffic: object) => {
  const r = parseTrafficText(JSON.stringify(traffic));
  if ("errors" in r) throw new Error(JSON.stringify(r.errors));
  return r.plan;
};

describe("address-map: golden sources on loopback", () => {
  const traffic = {
    duration: 2,
    streams: [
      { name: "a", src: ["192.0.2.10", "192.0.2.11", "192.0.7.10"], rate: 10, count: 3 },
      { name: "b", src: "203.0.113.66", rate: 10, count: 1 },
      { name: "c", src: "192.0.2.0/30", rate: 10, count: 2 },
      { name: "d", src: "127.0.93.5", rate: 10, count: 1 },
    ],
    messages: [
      {
        at: 1,
        src: "198.51.100.7",
        raw: "OPTIONS sip:x@example.com SIP/2.0\r\nCall-ID: m1\r\nCSeq: 1 OPTIONS\r\n\r\n",
      },
    ],
  };

  it("maps the side lane's sources from 127.100, keeping the same sharing", () => {
    const { map } = loopbackPlan(plan(traffic), SIDE_SECOND_BYTE);
    expect(map.forward.get("192.0.2.10")).toBe("127.100.2.10");
    expect(map.forward.get("203.0.113.66")).toBe("127.101.113.66");
    expect(map.forward.get("198.51.100.7")).toBe("127.102.100.7");
    expect(map.forward.get("127.0.93.5")).toBe("127.0.93.5");
    expect(mapTextBack("from 127.101.113.66 and 127.10.2.10", map)).toBe("from 203.0.113.66 and 127.10.2.10");
  });

  it("keeps /24 and /16 sharing below the first byte, and 127.x sources as they are", () => {
    const { map } = loopbackPlan(plan(traffic));
    expect(Object.fromEntries(map.forward)).toEqual({
      "192.0.2.10": "127.10.2.10",
      "192.0.2.11": "127.10.2.11",
      "192.0.7.10": "127.10.7.10",
      "203.0.113.66": "127.11.113.66",
      "192.0.2.1": "127.10.2.1",
      "192.0.2.2": "127.10.2.2",
      "127.0.93.5": "127.0.93.5",
      "198.51.100.7": "127.12.100.7",
    });
  });

  it("maps Kamailio's text back, whole addresses only, leaving 127.0.0.1 alone", () => {
    const { map } = loopbackPlan(plan(traffic));
    expect(mapTextBack("si=127.10.2.10 Ri=127.0.0.1 x=127.10.2.100 ip 127.11.113.66, v=1.127.10.2.10", map)).toBe(
      "si=192.0.2.10 Ri=127.0.0.1 x=127.10.2.100 ip 203.0.113.66, v=1.127.10.2.10",
    );
  });

  it("refuses what it cannot map: IPv6 and blocks wider than /16", () => {
    expect(() => loopbackPlan(plan({ streams: [{ src: "2001:db8::1", rate: 1 }] }))).toThrow(/IPv4/);
    expect(() => loopbackPlan(plan({ streams: [{ src: "10.0.0.0/8", rate: 1 }] }))).toThrow(/\/16/);
  });
});
