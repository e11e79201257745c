/**
 * Parallel forking: the R-URI and an appended branch ($br, core/dset.c) get one INVITE each,
 * branch values .0 and .1 of one transaction; the first 2xx goes up and the other branch, which
 * had rung, gets a CANCEL with `Reason: SIP;cause=200;text="Call completed elsewhere"`
 * (cancel_uacs() with cancel_reason_text(), t_cancel.c); its 487 is ACKed and not relayed.
 * A header appended in branch_route reaches that branch only (prepare_new_uac() duplicates the
 * lumps around the route).
 */
import { describe, expect, it } from "vitest";
import { ALICE, BOB, CAROL, firstLine, headerLines, invite, proxyRun, replyTo, S } from "./support.js";

const CONFIG = `#!KAMAILIO
debug=2
children=1
loadmodule "pv.so"
loadmodule "xlog.so"
loadmodule "sl.so"
loadmodule "textops.so"
loadmodule "tm.so"
loadmodule "tmx.so"
request_route {
  $br = "sip:carol@192.0.2.30";
  t_on_branch("B");
  t_relay();
  exit;
}
branch_route[B] {
  append_hf("X-Branch: $T_branch_idx\\r\\n");
}
`;

describe("tm parallel forking", () => {
  it("forks to both, relays the first 200 and cancels the ringing branch", () => {
    const p = proxyRun(CONFIG);
    let bobInvite = "";
    const bob = p.ua("bob", BOB, (m, ua) => {
      const fl = firstLine(m.text);
      if (fl.startsWith("INVITE")) {
        bobInvite = m.text;
        ua.send(p.proxy, replyTo(m.text, 180, "Ringing", "b"), m.t + 0.1 * S);
      }
      if (fl.startsWith("CANCEL")) {
        ua.send(p.proxy, replyTo(m.text, 200, "OK", "b"), m.t);
        ua.send(p.proxy, replyTo(bobInvite, 487, "Request Terminated", "b"), m.t);
      }
    });
    const carol = p.ua("carol", CAROL, (m, ua) => {
      if (firstLine(m.text).startsWith("INVITE")) ua.send(p.proxy, replyTo(m.text, 200, "OK", "c"), m.t + 0.3 * S);
    });
    const alice = p.ua("alice", ALICE);
    alice.send(p.proxy, invite("sip:bob@192.0.2.20"), 0.1 * S);
    p.run(3 * S);
    expect(bob.got.map((m) => firstLine(m.text))).toEqual([
      "INVITE sip:bob@192.0.2.20 SIP/2.0",
      "CANCEL sip:bob@192.0.2.20 SIP/2.0",
      "ACK sip:bob@192.0.2.20 SIP/2.0",
    ]);
    expect(carol.got.map((m) => firstLine(m.text))).toEqual(["INVITE sip:carol@192.0.2.30 SIP/2.0"]);
    expect(headerLines(bob.got[0]?.text ?? "", "x-branch")).toEqual(["X-Branch: 0"]);
    expect(headerLines(carol.got[0]?.text ?? "", "x-branch")).toEqual(["X-Branch: 1"]);
    const vb = headerLines(bob.got[0]?.text ?? "", "via")[0] ?? "";
    expect(headerLines(carol.got[0]?.text ?? "", "via")[0]).toBe(vb.replace(/\.0$/, ".1"));
    expect(headerLines(bob.got[1]?.text ?? "", "reason")).toEqual([
      'Reason: SIP;cause=200;text="Call completed elsewhere"',
    ]);
    expect(headerLines(bob.got[1]?.text ?? "", "via")).toEqual([vb]);
    expect(alice.got.map((m) => firstLine(m.text))).toEqual([
      "SIP/2.0 100 trying -- your call is important to us",
      "SIP/2.0 180 Ringing",
      "SIP/2.0 200 OK",
    ]);
    expect(headerLines(alice.got[2]?.text ?? "", "to")).toEqual(["To: <sip:bob@127.0.0.1>;tag=c"]);
  });
});
