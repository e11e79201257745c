/**
 * tm's `arm` and `route` events (events.ts TmEvent), which the Transactions view reads: each
 * change of a retransmission buffer's timers says when the next retransmission goes and when the
 * final-response limit fires (fr, then fr_inv after a provisional: t_reply.c reply_received()
 * restarts it), in tm's ticks of 1/16 s (timer.c); put_on_wait() says when the transaction goes;
 * a route tm runs for a branch's reply (onreply_route, failure_route) is named with its code.
 */
import { describe, expect, it } from "vitest";
import type { TmEvent } from "../../src/engine/index.js";
import { ALICE, BOB, firstLine, invite, proxyRun, replyTo, S } from "./support.js";

const CONFIG = `#!KAMAILIO
debug=2
children=1
loadmodule "pv.so"
loadmodule "xlog.so"
loadmodule "sl.so"
loadmodule "tm.so"
modparam("tm", "fr_timer", 4000)
modparam("tm", "fr_inv_timer", 6000)
request_route {
  t_on_reply("R");
  t_on_failure("F");
  t_relay();
  exit;
}
onreply_route[R] {
  xlog("L_INFO", "reply $rs\\n");
}
failure_route[F] {
  xlog("L_INFO", "failure\\n");
}
`;

/** The event's fields a view reads, times in seconds. */
function brief(e: TmEvent): string {
  const s = (us: number | undefined) => (us === undefined ? "-" : String(us / S));
  if (e.op === "arm")
    return `${e.t / S} arm ${e.buf}${e.branch ?? ""} ${e.timer ?? "-"}@${s(e.at)} retr@${s(e.retrAt)}`;
  if (e.op === "route") return `${e.t / S} route ${e.route} ${e.code}`;
  return `${e.t / S} ${e.op}${e.code !== undefined ? ` ${e.code}` : ""}${e.timer ? ` ${e.timer}` : ""}`;
}

describe("tm's arm and route events", () => {
  it("a callee that rings and never answers: retr at T1, fr then fr_inv, 408 through failure_route", () => {
    const p = proxyRun(CONFIG, { duration: 20 });
    p.ua("bob", BOB, (m, ua) => {
      // The 180 comes after the first retransmission (0.1 s + T1 = 0.6 s).
      if (firstLine(m.text).startsWith("INVITE") && m.t > 0.5 * S)
        ua.send(p.proxy, replyTo(m.text, 180, "Ringing"), m.t);
    });
    p.ua("alice", ALICE).send(p.proxy, invite("sip:bob@192.0.2.20"), 0.1 * S);
    p.run(20 * S);
    const tm = p.events.filter((e): e is TmEvent => e.kind === "tm").map(brief);
    // 0.1 s is tick 1 (1.6 ticks floored); fr 4 s = 64 ticks, T1 500 ms = 8 ticks: 4.0625 s and 0.5625 s.
    expect(tm.slice(0, 4)).toEqual([
      "0.1 new",
      "0.1 branch",
      "0.1 arm uac0 fr@4.0625 retr@0.5625",
      "0.5625 retransmit retr",
    ]);
    expect(tm).toContain("0.5625 arm uac0 fr@4.0625 retr@1.5625");
    // The 180: retransmissions stop, its onreply_route runs, the limit becomes fr_inv (6 s from tick 9).
    expect(tm).toContain("0.5625 route onreply_route[R] 180");
    expect(tm).toContain("0.5625 arm uac0 fr_inv@6.5625 retr@-");
    // fr_inv fires: the branch's timers stop, tm's 408 runs failure_route, the transaction waits 5 s.
    expect(tm).toContain("6.5625 timer fr_inv");
    expect(tm).toContain("6.5625 route failure_route[F] 408");
    expect(tm).toContain("6.5625 final 408");
    expect(tm.filter((l) => l.includes("arm wait"))).toHaveLength(1);
  });
});
