/**
 * sim/network.ts: delivery after the sum of both ends' latencies, seeded per-endpoint loss that
 * does not depend on other endpoints, `nobody` for an address with no endpoint when the datagram
 * arrives, and the `sip` events' summary of the message.
 */
import { describe, expect, it } from "vitest";
import { ALL_EVENTS, type SimEvent, type SipEvent } from "../../src/engine/events.js";
import { Kernel } from "../../src/engine/sim/kernel.js";
import { Network } from "../../src/engine/sim/network.js";
import { sipSummary } from "../../src/engine/sim/sip-summary.js";

const PROXY = { ip: "127.0.0.1", port: 5060 };
const A = { ip: "192.0.2.1", port: 5060 };
const B = { ip: "192.0.2.2", port: 5062 };
const OPTIONS = "OPTIONS sip:x SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.1\r\ni: c-1\r\nCSeq: 1 OPTIONS\r\n\r\n";

function setup(seed = 7) {
  const events: SimEvent[] = [];
  const kernel = new Kernel(ALL_EVENTS, (e) => events.push(e));
  const net = new Network(kernel, { socket: PROXY, seed, latency: 1000 });
  const got: [string, number, number][] = [];
  return { events, kernel, net, got, sip: () => events.filter((e): e is SipEvent => e.kind === "sip") };
}

describe("Network", () => {
  it("delivers after the sender's plus the receiver's latency, to the endpoint at the address", () => {
    const { kernel, net, got } = setup();
    net.attach(PROXY, "kamailio", (from, text, t) => got.push([`${from.ip}:${from.port}`, text.length, t]), {
      latency: 0,
    });
    net.attach(A, "a", () => {}, { latency: 20_000 });
    net.sendFrom(A, PROXY, OPTIONS, 0);
    kernel.runUntil(1_000_000);
    expect(got).toEqual([["192.0.2.1:5060", OPTIONS.length, 20_000]]);
  });

  it("loses a datagram to an address nobody listens at, when it arrives", () => {
    const { kernel, net, sip } = setup();
    net.send(B, OPTIONS, 0);
    kernel.runUntil(1_000_000);
    expect(sip().map((e) => [e.op, e.t, e.why])).toEqual([
      ["send", 0, undefined],
      ["lost", 2000, "nobody"],
    ]);
    expect(net.stats).toEqual({ sent: 1, delivered: 0, lost: 1 });
  });

  it("an endpoint attached before the datagram arrives gets it", () => {
    const { kernel, net, got } = setup();
    net.send(B, OPTIONS, 0);
    net.attach(B, "b", (_f, _x, t) => got.push(["b", 0, t]));
    kernel.runUntil(1_000_000);
    expect(got).toEqual([["b", 0, 2000]]);
  });

  it("loss is seeded per endpoint: same seed, same losses; other endpoints do not shift them", () => {
    /** Which of a's 200 datagrams (by send order) are lost. */
    const losses = (seed: number, withOther: boolean) => {
      const { kernel, net, sip } = setup(seed);
      net.attach(PROXY, "kamailio", () => {});
      net.attach(A, "a", () => {}, { loss: 0.3 });
      if (withOther) net.attach(B, "b", () => {}, { loss: 0.5 });
      const ids: number[] = [];
      for (let i = 0; i < 200; i++) {
        ids.push(net.sendFrom(A, PROXY, OPTIONS, i * 10));
        if (withOther) net.sendFrom(B, PROXY, OPTIONS, i * 10);
      }
      kernel.runUntil(10_000_000);
      return sip()
        .filter((e) => e.op === "lost" && e.fromNode === "a")
        .map((e) => ids.indexOf(e.id));
    };
    const first = losses(7, false);
    expect(first.length).toBeGreaterThan(30);
    expect(first.length).toBeLessThan(90);
    expect(losses(7, false)).toEqual(first);
    expect(losses(8, false)).not.toEqual(first);
    expect(losses(7, true)).toEqual(first);
  });

  it("sip events name both ends and summarise the message", () => {
    const { kernel, net, sip } = setup();
    net.attach(PROXY, "kamailio", () => {});
    net.attach(A, "a", () => {});
    net.sendFrom(A, PROXY, OPTIONS, 5);
    kernel.runUntil(1_000_000);
    const [send, recv] = sip();
    expect(send).toMatchObject({ op: "send", t: 5, id: 1, from: "192.0.2.1:5060", to: "127.0.0.1:5060" });
    expect(recv).toMatchObject({ op: "recv", t: 2005, fromNode: "a", toNode: "kamailio", method: "OPTIONS" });
    expect(recv?.callId).toBe("c-1");
    expect(recv?.text).toBe(OPTIONS);
  });

  it("no sip events when they are not wanted, delivery unchanged", () => {
    const events: SimEvent[] = [];
    const kernel = new Kernel({ ...ALL_EVENTS, sip: false }, (e) => events.push(e));
    const net = new Network(kernel, { socket: PROXY, seed: 1 });
    let n = 0;
    net.attach(A, "a", () => n++);
    net.send(A, OPTIONS, 0);
    kernel.runUntil(10);
    expect([events.length, n]).toEqual([0, 1]);
  });
});

describe("sipSummary", () => {
  it("reads a reply's status and CSeq method, and compact or long Call-ID", () => {
    expect(sipSummary("SIP/2.0 486 Busy Here\r\nCall-ID: x\r\nCSeq: 2 INVITE\r\n\r\n")).toEqual({
      method: "INVITE",
      status: 486,
      callId: "x",
    });
    expect(sipSummary("BYE sip:a SIP/2.0\ni:  y \n\nbody: z\n")).toEqual({ method: "BYE", callId: "y" });
    expect(sipSummary("")).toEqual({ method: "", callId: "" });
  });
});

describe("Network: datagram size", () => {
  it("refuses a message over 65,507 bytes (IPv4 UDP payload): -1, lost why size, nothing delivered", () => {
    const events: SimEvent[] = [];
    const kernel = new Kernel(ALL_EVENTS, (e) => events.push(e));
    const net = new Network(kernel, { socket: PROXY, seed: 1 });
    let n = 0;
    net.attach(A, "a", () => n++);
    const big = `${OPTIONS.slice(0, -2)}X-Pad: ${"x".repeat(65_507)}\r\n\r\n`;
    // Multi-byte characters count as their UTF-8 bytes: 21,836 euro signs are 65,508 bytes.
    const wide = `${OPTIONS}${"€".repeat(21_836)}`;
    expect(net.send(A, big, 0)).toBe(-1);
    expect(net.send(A, wide, 0)).toBe(-1);
    expect(net.send(A, OPTIONS, 0)).toBeGreaterThan(0);
    kernel.runUntil(10);
    expect(n).toBe(1);
    const sip = events.filter((e): e is SipEvent => e.kind === "sip");
    expect(sip.map((e) => [e.op, e.why])).toEqual([
      ["lost", "size"],
      ["lost", "size"],
      ["send", undefined],
      ["recv", undefined],
    ]);
  });
});
