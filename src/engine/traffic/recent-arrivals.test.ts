import { describe, expect, it } from "vitest";
import { RecentArrivals } from "./recent-arrivals.js";

describe("RecentArrivals", () => {
  it("gives back the last N arrivals exactly, and forgets older ones", () => {
    const r = new RecentArrivals(3);
    r.record(1, { t: 10, stream: 0, n: 1, src: "192.0.2.1", sport: 5060 });
    r.record(2, { t: 20, stream: -1, message: 4, n: 5, src: "198.51.100.7", sport: 5062, injected: true });
    r.record(3, { t: 30, stream: 1, n: 9, src: "192.0.2.9", sport: 5070 });
    r.record(4, { t: 40, stream: 0, n: 2, src: "192.0.2.2", sport: 5060 });
    expect(r.get(1)).toBeUndefined();
    expect(r.get(2)).toEqual({ t: 20, stream: -1, message: 4, n: 5, src: "198.51.100.7", sport: 5062, injected: true });
    expect(r.get(4)).toEqual({ t: 40, stream: 0, n: 2, src: "192.0.2.2", sport: 5060 });
    expect(r.get(7)).toBeUndefined();
    expect(r.get(-1)).toBeUndefined();
  });

  it("keeps a network datagram's text, and forgets it with its slot", () => {
    const r = new RecentArrivals(2);
    const text = "INVITE sip:bob@127.0.0.1 SIP/2.0\r\n\r\n";
    r.record(1, { t: 10, stream: -2, n: 0, src: "127.0.0.2", sport: 5060, text });
    r.record(2, { t: 20, stream: 0, n: 1, src: "192.0.2.1", sport: 5060 });
    expect(r.get(1)?.text).toBe(text);
    expect(r.get(2)?.text).toBeUndefined();
    r.record(3, { t: 30, stream: 0, n: 2, src: "192.0.2.1", sport: 5060 });
    expect(r.get(3)?.text).toBeUndefined();
  });
});
