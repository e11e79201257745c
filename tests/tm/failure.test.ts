/**
 * tm's negative replies, timers and CANCEL: a 486 goes through failure_route, which forks
 * serially to a second destination; a callee that never answers gets tm's 408 after fr_timer,
 * with the INVITE retransmitted at T1 doubling to T2 meanwhile (timer.c retr_buf_handler(), in
 * ticks of 1/16 s); after a provisional, fr_inv_timer applies and the branch is canceled; a
 * CANCEL from the caller cancels the answered branch and the callee's 487 goes up; a
 * retransmitted INVITE is absorbed and gets the last reply again.
 */
import { describe, expect, it } from "vitest";
import { ALICE, BOB, CAROL, firstLine, headerLines, invite, proxyRun, replyTo, S } from "./support.js";

const config = (params: string, failure: string) => `#!KAMAILIO
debug=2
children=1
loadmodule "pv.so"
loadmodule "xlog.so"
loadmodule "sl.so"
loadmodule "tm.so"
loadmodule "tmx.so"
${params}
request_route {
  t_on_failure("F");
  t_relay();
  exit;
}
failure_route[F] {
  xlog("L_INFO", "failure $T_reply_code $T_reply_reason branch=$T_branch_idx timeout=$var(to)\\n");
${failure}
}
`;

describe("tm failure handling", () => {
  it("486 runs failure_route, which forks serially to a second callee", () => {
    const p = proxyRun(
      config(
        "",
        `  if (t_check_status("486")) {
    $du = "sip:192.0.2.30:5060";
    t_on_failure("F");
    t_relay();
  }`,
      ),
    );
    const bob = p.ua("bob", BOB, (m, ua) => {
      if (firstLine(m.text).startsWith("INVITE")) ua.send(p.proxy, replyTo(m.text, 486, "Busy Here"), m.t + 0.2 * S);
    });
    const carol = p.ua("carol", CAROL, (m, ua) => {
      if (firstLine(m.text).startsWith("INVITE")) ua.send(p.proxy, replyTo(m.text, 200, "OK", "carol"), m.t + 0.2 * S);
    });
    const alice = p.ua("alice", ALICE);
    alice.send(p.proxy, invite("sip:bob@192.0.2.20"), 0.1 * S);
    p.run(5 * S);
    expect(p.log.filter((l) => l.includes("failure"))).toEqual([
      expect.stringContaining("failure 486 Busy Here branch=1"),
    ]);
    // bob gets the INVITE and tm's hop-by-hop ACK for the 486 (same branch, CSeq ACK, bob's To).
    expect(bob.got.map((m) => firstLine(m.text))).toEqual([
      "INVITE sip:bob@192.0.2.20 SIP/2.0",
      "ACK sip:bob@192.0.2.20 SIP/2.0",
    ]);
    const ack = bob.got[1]?.text ?? "";
    expect(headerLines(ack, "via")).toEqual([headerLines(bob.got[0]?.text ?? "", "via")[0]]);
    expect(headerLines(ack, "cseq")).toEqual(["CSeq: 1 ACK"]);
    expect(headerLines(ack, "to")).toEqual(["To: <sip:bob@127.0.0.1>;tag=callee"]);
    // carol's INVITE is branch 1 of the same transaction: same hash and md5, branch .1.
    const v0 = headerLines(bob.got[0]?.text ?? "", "via")[0] ?? "";
    const v1 = headerLines(carol.got[0]?.text ?? "", "via")[0] ?? "";
    expect(v1).toBe(v0.replace(/\.0$/, ".1"));
    expect(carol.got[0] && firstLine(carol.got[0].text)).toBe("INVITE sip:bob@192.0.2.20 SIP/2.0");
    // alice never sees the 486: only the 100 and carol's 200.
    expect(alice.got.map((m) => firstLine(m.text))).toEqual([
      "SIP/2.0 100 trying -- your call is important to us",
      "SIP/2.0 200 OK",
    ]);
  });

  it("no answer: INVITE retransmitted at 0.5, 1.5, 3.5, 7.5 s..., then 408 from tm after fr_timer", () => {
    const p = proxyRun(config('modparam("tm", "fr_timer", 10000)', ""));
    const bob = p.ua("bob", BOB);
    const alice = p.ua("alice", ALICE);
    alice.send(p.proxy, invite("sip:bob@192.0.2.20"), 0.1 * S);
    p.run(20 * S);
    // Sent at 0.1 s (tick 1): retransmissions 8, 16, 32, 64 ticks apart (T1 doubling to T2);
    // fr_timer 10 s is 160 ticks after tick 1, before the next one.
    expect(bob.got.map((m) => m.t / S)).toEqual([0.1, 0.5625, 1.5625, 3.5625, 7.5625]);
    expect(alice.got.map((m) => [m.t / S, firstLine(m.text)])).toEqual([
      [0.1, "SIP/2.0 100 trying -- your call is important to us"],
      [10.0625, "SIP/2.0 408 Request Timeout"],
      [10.5625, "SIP/2.0 408 Request Timeout"],
      [11.5625, "SIP/2.0 408 Request Timeout"],
      [13.5625, "SIP/2.0 408 Request Timeout"],
    ]);
    expect(p.log.filter((l) => l.includes("failure"))).toEqual([
      expect.stringContaining("failure 408 Request Timeout branch=1"),
    ]);
    // tm's 408 carries tm's To-tag.
    expect(headerLines(alice.got[1]?.text ?? "", "to")[0]).toMatch(
      /^To: <sip:bob@127\.0\.0\.1>;tag=[0-9a-f]{32}-[0-9a-f]{8}$/,
    );
  });

  it("after a provisional, fr_inv_timer: the branch is canceled and 408 goes up", () => {
    const p = proxyRun(config('modparam("tm", "fr_inv_timer", 5000)', ""));
    const bob = p.ua("bob", BOB, (m, ua) => {
      const fl = firstLine(m.text);
      if (fl.startsWith("INVITE")) ua.send(p.proxy, replyTo(m.text, 180, "Ringing"), m.t);
      if (fl.startsWith("CANCEL")) {
        ua.send(p.proxy, replyTo(m.text, 200, "OK"), m.t);
        ua.send(p.proxy, replyTo(bob.got[0]?.text ?? "", 487, "Request Terminated"), m.t);
      }
    });
    const alice = p.ua("alice", ALICE);
    alice.send(p.proxy, invite("sip:bob@192.0.2.20"), 0.1 * S);
    p.run(10 * S);
    expect(bob.got.map((m) => [m.t / S, firstLine(m.text)])).toEqual([
      [0.1, "INVITE sip:bob@192.0.2.20 SIP/2.0"],
      // The 180 came at tick 1: fr_inv_timer's 80 ticks end at tick 81.
      [5.0625, "CANCEL sip:bob@192.0.2.20 SIP/2.0"],
      // The 487 is ACKed by the worker that read it, a request cost (50 µs) later.
      [5.06255, "ACK sip:bob@192.0.2.20 SIP/2.0"],
    ]);
    // 408 goes up at once; the 487 that follows is not relayed (a 408 branch ignores it).
    expect(alice.got.map((m) => firstLine(m.text)).slice(0, 3)).toEqual([
      "SIP/2.0 100 trying -- your call is important to us",
      "SIP/2.0 180 Ringing",
      "SIP/2.0 408 Request Timeout",
    ]);
    const cancel = bob.got[1]?.text ?? "";
    expect(headerLines(cancel, "cseq")).toEqual(["CSeq: 1 CANCEL"]);
    // fake_reply() cancels with an empty cancel_info: no Reason header (as Kamailio 5.6.3 sends it).
    expect(headerLines(cancel, "reason")).toEqual([]);
  });

  it("CANCEL from the caller: 200 canceling, CANCEL to the callee, its 487 relayed", () => {
    const p = proxyRun(config("", ""));
    const bob = p.ua("bob", BOB, (m, ua) => {
      const fl = firstLine(m.text);
      if (fl.startsWith("INVITE")) ua.send(p.proxy, replyTo(m.text, 180, "Ringing"), m.t);
      if (fl.startsWith("CANCEL")) {
        ua.send(p.proxy, replyTo(m.text, 200, "OK"), m.t);
        ua.send(p.proxy, replyTo(bob.got[0]?.text ?? "", 487, "Request Terminated"), m.t);
      }
    });
    const alice = p.ua("alice", ALICE);
    alice.send(p.proxy, invite("sip:bob@192.0.2.20"), 0.1 * S);
    alice.send(
      p.proxy,
      invite("sip:bob@192.0.2.20").replace("INVITE sip", "CANCEL sip").replace("CSeq: 1 INVITE", "CSeq: 1 CANCEL"),
      1 * S,
    );
    p.run(5 * S);
    expect(bob.got.map((m) => firstLine(m.text))).toEqual([
      "INVITE sip:bob@192.0.2.20 SIP/2.0",
      "CANCEL sip:bob@192.0.2.20 SIP/2.0",
      "ACK sip:bob@192.0.2.20 SIP/2.0",
    ]);
    // The 487 is retransmitted (alice does not ACK it here): 0.5 s, then 1 s later.
    expect(alice.got.map((m) => firstLine(m.text))).toEqual([
      "SIP/2.0 100 trying -- your call is important to us",
      "SIP/2.0 180 Ringing",
      "SIP/2.0 200 canceling",
      "SIP/2.0 487 Request Terminated",
      "SIP/2.0 487 Request Terminated",
      "SIP/2.0 487 Request Terminated",
      "SIP/2.0 487 Request Terminated",
    ]);
    // failure_route runs for the 487; t_is_canceled() would say so.
    expect(p.log.filter((l) => l.includes("failure"))).toEqual([expect.stringContaining("failure 487")]);
  });

  it("a retransmitted INVITE is absorbed: the last reply is sent again, nothing goes to the callee", () => {
    const p = proxyRun(config("", ""));
    const bob = p.ua("bob", BOB, (m, ua) => {
      if (firstLine(m.text).startsWith("INVITE")) ua.send(p.proxy, replyTo(m.text, 180, "Ringing"), m.t);
    });
    const alice = p.ua("alice", ALICE);
    alice.send(p.proxy, invite("sip:bob@192.0.2.20"), 0.1 * S);
    alice.send(p.proxy, invite("sip:bob@192.0.2.20"), 0.3 * S);
    p.run(0.4 * S);
    expect(bob.got.map((m) => firstLine(m.text))).toEqual(["INVITE sip:bob@192.0.2.20 SIP/2.0"]);
    expect(alice.got.map((m) => [m.t / S, firstLine(m.text)])).toEqual([
      [0.1, "SIP/2.0 100 trying -- your call is important to us"],
      // Relayed by the worker that read the 180, a request cost later.
      [0.10005, "SIP/2.0 180 Ringing"],
      [0.3, "SIP/2.0 180 Ringing"],
    ]);
  });
});

describe("tm:branch-failure", () => {
  it("runs event_route[tm:branch-failure:NAME] for each failed branch, before failure_route", () => {
    const p = proxyRun(`#!KAMAILIO
debug=2
children=1
loadmodule "pv.so"
loadmodule "xlog.so"
loadmodule "sl.so"
loadmodule "tm.so"
loadmodule "tmx.so"
request_route {
  $br = "sip:carol@192.0.2.30";
  t_on_branch_failure("BF");
  t_on_failure("F");
  t_relay();
  exit;
}
event_route[tm:branch-failure:BF] {
  xlog("L_INFO", "branch failure $T_reply_code on $T_branch_idx\\n");
}
failure_route[F] {
  xlog("L_INFO", "failure $T_reply_code\\n");
}
`);
    p.ua("bob", BOB, (m, ua) => {
      if (firstLine(m.text).startsWith("INVITE")) ua.send(p.proxy, replyTo(m.text, 486, "Busy Here"), m.t + 0.1 * S);
    });
    p.ua("carol", CAROL, (m, ua) => {
      if (firstLine(m.text).startsWith("INVITE")) ua.send(p.proxy, replyTo(m.text, 404, "Not Found"), m.t + 0.2 * S);
    });
    const alice = p.ua("alice", ALICE);
    alice.send(p.proxy, invite("sip:bob@192.0.2.20"), 0.1 * S);
    p.run(2 * S);
    expect(p.log.filter((l) => l.includes("failure")).map((l) => l.replace(/^.*<script>: /, ""))).toEqual([
      "branch failure 486 on 0",
      "branch failure 404 on 1",
      "failure 404",
    ]);
    // 404 beats 486 (4xx of the same class: the lower code).
    expect(alice.got.map((m) => firstLine(m.text))).toContain("SIP/2.0 404 Not Found");
  });
});
