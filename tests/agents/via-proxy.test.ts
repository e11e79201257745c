/**
 * Agents behind a proxy: a tiny stateless proxy and registrar written here (not Kamailio's; just
 * enough to see what the agents do with Record-Route, Route and a registrar's replies).
 */
import { describe, expect, it } from "vitest";
import type { HostPort, PlannedAgent } from "../../src/engine/world/agents/index.js";
import { agent, type FakeNet, network } from "./fake-net.js";

const P: HostPort = { ip: "192.0.2.100", port: 5060 };
const s = (x: number) => Math.round(x * 1_000_000);

const header = (text: string, name: string) => new RegExp(`^${name}: (.*)$`, "m").exec(text)?.[1] ?? "";

/**
 * A stateless proxy at P: strips a Route naming itself, Record-Routes INVITEs when `rr`, forwards a
 * request to its R-URI's host (the user `bob` at P means bob's phone), a reply to its second Via.
 */
function proxy(net: FakeNet, rr: string | null, phones: Record<string, HostPort>): void {
  net.elsewhere = (to, _from, text) => {
    if (to.ip !== P.ip) return;
    const nl = text.indexOf("\r\n");
    const first = text.slice(0, nl);
    let rest = text.slice(nl + 2);
    if (first.startsWith("SIP/2.0")) {
      rest = rest.replace(/^Via: [^\r]*\r\n/, "");
      const m = /^Via: SIP\/2.0\/UDP ([\d.]+):(\d+)/m.exec(rest);
      if (m) net.send(P, { ip: m[1] as string, port: Number(m[2]) }, `${first}\r\n${rest}`);
      return;
    }
    rest = rest.replace(/^Route: <sip:192\.0\.2\.100;lr>\r\n/m, "");
    const ruri = first.split(" ")[1] as string;
    const host = /@?([\d.]+)(?::(\d+))?$/.exec(ruri.replace(/^sip:[^@]*@/, ""));
    const user = /^sip:([^@]+)@192\.0\.2\.100$/.exec(ruri)?.[1];
    const dest = user
      ? phones[user]
      : host && host[1] !== P.ip
        ? { ip: host[1] as string, port: Number(host[2] ?? 5060) }
        : undefined;
    if (!dest) return;
    const rrLine = rr && first.startsWith("INVITE") && !/^To: .*tag=/m.test(rest) ? `Record-Route: ${rr}\r\n` : "";
    // A retransmission must leave with the same branch, as a stateless proxy computes it from the request.
    const branch = /branch=([^;\r]+)/.exec(rest)?.[1];
    const via = `Via: SIP/2.0/UDP 192.0.2.100:5060;branch=z9hG4bK-p-${branch}-${first.split(" ")[0]}\r\n`;
    net.send(P, dest, `${first}\r\n${via}${rrLine}${rest}`);
  };
}

const callBob = { at: s(1), to: { user: "bob" }, hold: s(5), cancel: null, reinvite: null, every: 0, count: 1 };
const bobAnswer: PlannedAgent["answer"] = {
  down: false,
  trying: true,
  ring: null,
  after: s(0.5),
  code: 200,
  bye: null,
  contact: null,
};

describe("dialogs through a proxy", () => {
  it("with Record-Route (;lr): ACK and BYE go to the proxy, Route set, R-URI the remote Contact", () => {
    const net = network(
      [agent("alice", "192.0.2.1", { calls: [callBob] }), agent("bob", "192.0.2.2", { answer: bobAnswer })],
      P,
    );
    proxy(net, "<sip:192.0.2.100;lr>", { bob: { ip: "192.0.2.2", port: 5060 } });
    net.run(s(30));
    expect(net.lines("192.0.2.1:5060")).toEqual([
      "1000 INVITE sip:bob@192.0.2.100 SIP/2.0",
      "1540 ACK sip:bob@192.0.2.2:5060 SIP/2.0",
      "6540 BYE sip:bob@192.0.2.2:5060 SIP/2.0",
    ]);
    const aliceSent = net.wire.filter((d) => d.from === "192.0.2.1:5060");
    for (const d of aliceSent.slice(1)) {
      expect(d.to).toBe("192.0.2.100:5060");
      expect(header(d.text, "Route")).toBe("<sip:192.0.2.100;lr>");
    }
    // The callee copies the Record-Route into its 2xx (12.1.1), and its own requests would use it.
    const ok = net.wire.find((d) => d.from === "192.0.2.2:5060" && d.line === "SIP/2.0 200 OK");
    expect(header(ok?.text ?? "", "Record-Route")).toBe("<sip:192.0.2.100;lr>");
    expect(net.agents.summary()[1]?.calls[0]).toMatchObject({ state: "ended", endedBy: "remote" });
  });

  it("without Record-Route the ACK and BYE go straight to the callee's Contact", () => {
    const net = network(
      [agent("alice", "192.0.2.1", { calls: [callBob] }), agent("bob", "192.0.2.2", { answer: bobAnswer })],
      P,
    );
    proxy(net, null, { bob: { ip: "192.0.2.2", port: 5060 } });
    net.run(s(30));
    const aliceSent = net.wire.filter((d) => d.from === "192.0.2.1:5060");
    expect(aliceSent.map((d) => `${d.line} -> ${d.to}`)).toEqual([
      "INVITE sip:bob@192.0.2.100 SIP/2.0 -> 192.0.2.100:5060",
      "ACK sip:bob@192.0.2.2:5060 SIP/2.0 -> 192.0.2.2:5060",
      "BYE sip:bob@192.0.2.2:5060 SIP/2.0 -> 192.0.2.2:5060",
    ]);
    expect(aliceSent[1]?.text).not.toContain("Route:");
  });

  it("with a strict router first: R-URI is the route, the Contact goes last in Route (12.2.1.1)", () => {
    const net = network(
      [agent("alice", "192.0.2.1", { calls: [callBob] }), agent("bob", "192.0.2.2", { answer: bobAnswer })],
      P,
    );
    proxy(net, "<sip:192.0.2.100>", { bob: { ip: "192.0.2.2", port: 5060 } });
    net.run(s(2));
    const ack = net.wire.find((d) => d.line.startsWith("ACK"));
    expect(ack?.line).toBe("ACK sip:192.0.2.100 SIP/2.0");
    expect(ack?.to).toBe("192.0.2.100:5060");
    expect(header(ack?.text ?? "", "Route")).toBe("<sip:bob@192.0.2.2:5060>");
  });
});

/** A registrar at P answering REGISTER with `code`, granting `grant` seconds. */
function registrar(net: FakeNet, reply: (text: string) => string): void {
  net.elsewhere = (to, from, text) => {
    if (to.ip !== P.ip || !text.startsWith("REGISTER")) return;
    const copy = (name: string) => `${name}: ${header(text, name)}\r\n`;
    const head = `${copy("Via")}${copy("From")}To: ${header(text, "To")};tag=reg\r\n${copy("Call-ID")}${copy("CSeq")}`;
    net.send(P, from, reply(head));
  };
}

describe("registration", () => {
  const plan = (register: PlannedAgent["register"]) => network([agent("alice", "192.0.2.1", { register })], P);

  it("REGISTER with Contact and Expires; refreshed halfway through what the registrar granted; same Call-ID, CSeq up", () => {
    const net = plan({ at: s(1), expires: 3600, refresh: true, unregisterAt: s(100) });
    registrar(net, (head) => {
      const asked = header(net.wire[net.wire.length - 1]?.text ?? "", "Expires");
      const contact = asked === "0" ? "" : "Contact: <sip:alice@192.0.2.1:5060>;expires=60\r\n";
      return `SIP/2.0 200 OK\r\n${head}${contact}Content-Length: 0\r\n\r\n`;
    });
    net.run(s(40));
    expect(net.agents.summary()[0]?.registration).toEqual({
      state: "registered",
      expiresAt: s(31.04 + 60),
      code: 200,
      sent: 2,
    });
    net.run(s(200));
    const regs = net.wire.filter((d) => d.from === "192.0.2.1:5060");
    expect(regs.map((d) => d.t / 1000)).toEqual([1000, 31020, 61040, 91060, 100000]);
    expect(regs.map((d) => header(d.text, "CSeq"))).toEqual([1, 2, 3, 4, 5].map((n) => `${n} REGISTER`));
    expect(new Set(regs.map((d) => header(d.text, "Call-ID"))).size).toBe(1);
    expect(regs.map((d) => header(d.text, "Expires"))).toEqual(["3600", "3600", "3600", "3600", "0"]);
    expect(regs[0]?.text).toBe(
      "REGISTER sip:192.0.2.100 SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK-alice-2;rport\r\n" +
        "Max-Forwards: 70\r\n" +
        "From: <sip:alice@192.0.2.100>;tag=alice-3\r\n" +
        "To: <sip:alice@192.0.2.100>\r\n" +
        "Call-ID: 1-alice@192.0.2.1\r\n" +
        "CSeq: 1 REGISTER\r\n" +
        "Contact: <sip:alice@192.0.2.1:5060>\r\n" +
        "Expires: 3600\r\n" +
        "Content-Length: 0\r\n\r\n",
    );
    expect(net.agents.summary()[0]?.registration).toMatchObject({ state: "unregistered", sent: 5 });
  });

  it("without refresh the binding expires; the Expires header counts when the Contact has no expires", () => {
    const net = plan({ at: 0, expires: 30, refresh: false, unregisterAt: null });
    registrar(net, (head) => `SIP/2.0 200 OK\r\n${head}Expires: 20\r\nContent-Length: 0\r\n\r\n`);
    net.run(s(20));
    expect(net.agents.summary()[0]?.registration.state).toBe("registered");
    net.run(s(25));
    expect(net.agents.summary()[0]?.registration).toEqual({
      state: "expired",
      expiresAt: s(20.02),
      code: 200,
      sent: 1,
    });
  });

  it("423 Interval Too Brief: asks again with Min-Expires", () => {
    const net = plan({ at: 0, expires: 10, refresh: false, unregisterAt: null });
    registrar(net, (head) =>
      head.includes("CSeq: 1 ")
        ? `SIP/2.0 423 Interval Too Brief\r\n${head}Min-Expires: 60\r\nContent-Length: 0\r\n\r\n`
        : `SIP/2.0 200 OK\r\n${head}Content-Length: 0\r\n\r\n`,
    );
    net.run(s(1));
    const regs = net.wire.filter((d) => d.from === "192.0.2.1:5060");
    expect(regs.map((d) => header(d.text, "Expires"))).toEqual(["10", "60"]);
    expect(net.agents.summary()[0]?.registration).toMatchObject({ state: "registered", expiresAt: s(60.04) });
  });

  it('a "down" agent registers (reads its reply) but answers no request', () => {
    const net = network(
      [
        agent("bob", "192.0.2.2", {
          answer: { down: true },
          register: { at: 0, expires: 60, refresh: false, unregisterAt: null },
        }),
      ],
      P,
    );
    registrar(net, (head) => `SIP/2.0 200 OK\r\n${head}Content-Length: 0\r\n\r\n`);
    net.run(s(1));
    const options =
      "OPTIONS sip:bob@192.0.2.2 SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.100;branch=z9hG4bK-o\r\nCall-ID: o\r\nCSeq: 1 OPTIONS\r\n\r\n";
    net.send(P, { ip: "192.0.2.2", port: 5060 }, options);
    net.run(s(40));
    expect(net.lines("192.0.2.2:5060")).toEqual(["0 REGISTER sip:192.0.2.100 SIP/2.0"]);
    expect(net.agents.summary()[0]).toMatchObject({
      registration: { state: "registered", code: 200 },
      counters: { sent: 1, received: 2 },
    });
  });

  it("a 200 granting expires=0 to this Contact means the binding is gone", () => {
    const net = plan({ at: 0, expires: 60, refresh: true, unregisterAt: null });
    registrar(
      net,
      (head) => `SIP/2.0 200 OK\r\n${head}Contact: <sip:alice@192.0.2.1:5060>;expires=0\r\nContent-Length: 0\r\n\r\n`,
    );
    net.run(s(100));
    expect(net.agents.summary()[0]?.registration).toEqual({
      state: "unregistered",
      expiresAt: null,
      code: 200,
      sent: 1,
    });
  });

  it("a registrar that never answers: Timer F, registration failed with 408", () => {
    const net = plan({ at: 0, expires: 60, refresh: true, unregisterAt: null });
    net.run(s(40));
    expect(net.agents.summary()[0]?.registration).toMatchObject({ state: "failed", code: 408 });
  });
});
