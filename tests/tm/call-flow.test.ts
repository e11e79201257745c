/**
 * tm's main call flow on the simulated wire: INVITE relayed with tm's Via, the automatic 100,
 * 180/200 relayed without our Via, the ACK for the 2xx forwarded statelessly, BYE through its
 * own transaction. Expected bytes follow Kamailio 5.6.3's builders (msg_translator.c,
 * t_reply.c); the branch values are computed as t_calc_branch() computes them.
 */
import { describe, expect, it } from "vitest";
import { ALICE, BOB, firstLine, headerLines, invite, proxyRun, replyTo, S } from "./support.js";

const CONFIG = `#!KAMAILIO
debug=2
children=1
loadmodule "pv.so"
loadmodule "xlog.so"
loadmodule "sl.so"
loadmodule "tm.so"
request_route {
  if (!t_relay()) {
    xlog("L_ERR", "relay failed\\n");
  }
  exit;
}
`;

describe("tm call flow", () => {
  it("relays INVITE, 100/180/200, ACK and BYE", () => {
    const p = proxyRun(CONFIG);
    const bob = p.ua("bob", BOB, (m, ua) => {
      const fl = firstLine(m.text);
      if (fl.startsWith("INVITE")) {
        ua.send(p.proxy, replyTo(m.text, 180, "Ringing"), m.t + 0.1 * S);
        ua.send(p.proxy, replyTo(m.text, 200, "OK"), m.t + 1 * S);
      } else if (fl.startsWith("BYE")) ua.send(p.proxy, replyTo(m.text, 200, "OK"), m.t);
    });
    const alice = p.ua("alice", ALICE);
    alice.send(p.proxy, invite("sip:bob@192.0.2.20"), 0.1 * S);
    p.run(3 * S);
    // ACK for the 2xx: a new branch, forwarded statelessly.
    alice.send(
      p.proxy,
      invite("sip:bob@192.0.2.20", { branch: "z9hG4bK-a2" })
        .replace("INVITE sip", "ACK sip")
        .replace("CSeq: 1 INVITE", "CSeq: 1 ACK")
        .replace("To: <sip:bob@127.0.0.1>", "To: <sip:bob@127.0.0.1>;tag=callee"),
      3 * S,
    );
    alice.send(
      p.proxy,
      invite("sip:bob@192.0.2.20", { branch: "z9hG4bK-a3", cseq: 2 })
        .replace("INVITE sip", "BYE sip")
        .replace("CSeq: 2 INVITE", "CSeq: 2 BYE")
        .replace("To: <sip:bob@127.0.0.1>", "To: <sip:bob@127.0.0.1>;tag=callee"),
      4 * S,
    );
    p.run(10 * S);
    expect(p.log.filter((l) => l.includes("ERROR"))).toEqual([]);
    expect(alice.got.map((m) => firstLine(m.text))).toEqual([
      "SIP/2.0 100 trying -- your call is important to us",
      "SIP/2.0 180 Ringing",
      "SIP/2.0 200 OK",
      "SIP/2.0 200 OK",
    ]);
    expect(bob.got.map((m) => firstLine(m.text))).toEqual([
      "INVITE sip:bob@192.0.2.20 SIP/2.0",
      "ACK sip:bob@192.0.2.20 SIP/2.0",
      "BYE sip:bob@192.0.2.20 SIP/2.0",
    ]);
    const inv = bob.got[0]?.text ?? "";
    const vias = headerLines(inv, "via");
    expect(vias[0]).toMatch(/^Via: SIP\/2\.0\/UDP 127\.0\.0\.1;branch=z9hG4bK[0-9a-f]+\.[0-9a-f]{32}\.0$/);
    // received_test(): the Via has rport, so received= goes where the parameters start.
    expect(vias[1]).toBe("Via: SIP/2.0/UDP 192.0.2.10:5060;received=192.0.2.10;branch=z9hG4bK-a1;rport=5060");
    // The 100 is tm's own: no To-tag, the request's Vias with rport filled, Server, no body.
    expect(alice.got[0]?.text).toBe(
      [
        "SIP/2.0 100 trying -- your call is important to us",
        "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-a1;rport=5060;received=192.0.2.10",
        "From: <sip:alice@192.0.2.10>;tag=a1",
        "To: <sip:bob@127.0.0.1>",
        "Call-ID: c1@192.0.2.10",
        "CSeq: 1 INVITE",
        "Server: kamailio (5.6.3 (x86_64/linux))",
        "Content-Length: 0",
        "",
        "",
      ].join("\r\n"),
    );
    // Relayed replies lose tm's Via and nothing else (alice's Via as the INVITE carried it).
    expect(headerLines(alice.got[1]?.text ?? "", "via")).toEqual([vias[1]]);
    // The stateless ACK's branch is the core's: z9hG4bK<hash>.<md5>.0 of the ACK itself.
    expect(headerLines(bob.got[1]?.text ?? "", "via")[0]).toMatch(/^Via: SIP\/2\.0\/UDP 127\.0\.0\.1;branch=z9hG4bK/);
    // tm.stats as kamcmd prints it (t_stats.c tm_rpc_stats(), the format checked on 5.6.3):
    // both transactions gone after wt_timer; 3 replies in, the 100 generated, 4 sent, two 2xx.
    const stats = p.sim.rpc("tm.stats", []);
    expect(stats.ok && stats.text).toBe(
      "{\n\tcurrent: 0\n\twaiting: 0\n\ttotal: 2\n\ttotal_local: 0\n\trpl_received: 3\n\trpl_generated: 1\n" +
        "\trpl_sent: 4\n\t6xx: 0\n\t5xx: 0\n\t4xx: 0\n\t3xx: 0\n\t2xx: 2\n\tcreated: 2\n\tfreed: 2\n\tdelayed_free: 0\n}\n",
    );
    // Without the timers' `arm` and the routes' `route` events (tests/tm/arm-events.test.ts).
    const tm = p.events
      .filter((e) => e.kind === "tm" && e.op !== "arm" && e.op !== "route")
      .map((e) => (e.kind === "tm" ? e.op : ""));
    expect(tm).toEqual([
      "new",
      "branch",
      "reply",
      "reply",
      "final",
      "new",
      "branch",
      "reply",
      "final",
      "timer",
      "delete",
      "timer",
      "delete",
    ]);
  });
});
