/**
 * tm's serial forking by q value (modules/tm/t_serial.c): t_load_contacts() moves the R-URI
 * and the appended branches into the contacts XAVP ordered by q, t_next_contacts() takes the
 * highest q group into the R-URI and branches, and in failure_route the next group; -2 once
 * the XAVP is empty.
 */
import { describe, expect, it } from "vitest";
import { ALICE, BOB, CAROL, firstLine, invite, proxyRun, replyTo, S } from "./support.js";

const DAVE = { ip: "192.0.2.40", port: 5060 };

const config = (params: string) => `#!KAMAILIO
debug=2
children=1
loadmodule "pv.so"
loadmodule "xlog.so"
loadmodule "sl.so"
loadmodule "corex.so"
loadmodule "tm.so"
loadmodule "tmx.so"
${params}
request_route {
  $ru = "sip:bob@192.0.2.20";
  append_branch("sip:carol@192.0.2.30", "0.5");
  append_branch("sip:dave@192.0.2.40", "0.5");
  $var(r) = t_load_contacts();
  xlog("L_INFO", "load $var(r) n=$cnt($xavp(tmc)) first=$xavp(tmc[0]=>uri) qf=$xavp(tmc[0]=>q_flag) last=$xavp(tmc[2]=>uri) qf=$xavp(tmc[2]=>q_flag)\\n");
  $var(r) = t_next_contacts();
  xlog("L_INFO", "next $var(r) ru=$ru left=$cnt($xavp(tmc))\\n");
  t_on_failure("F");
  t_relay();
  exit;
}
failure_route[F] {
  $var(r) = t_next_contacts();
  xlog("L_INFO", "failure next $var(r) ru=$ru left=$cnt($xavp(tmc))\\n");
  if ($var(r) == 1) {
    t_on_failure("F");
    t_relay();
  }
}
`;

const PARAMS = 'modparam("tm", "contacts_avp", "tmc")\nmodparam("tm", "contact_flows_avp", "tmf")';

describe("tm serial forking (t_load_contacts / t_next_contacts)", () => {
  it("orders by q, forks the highest group in parallel, then the next one from failure_route", () => {
    const p = proxyRun(config(PARAMS));
    const busy = (
      m: { t: number; text: string },
      ua: { send: (to: typeof BOB, text: string, at?: number) => void },
    ) => {
      if (firstLine(m.text).startsWith("INVITE")) ua.send(p.proxy, replyTo(m.text, 486, "Busy Here"), m.t + 0.1 * S);
    };
    const bob = p.ua("bob", BOB, busy);
    const carol = p.ua("carol", CAROL, busy);
    const dave = p.ua("dave", DAVE, busy);
    const alice = p.ua("alice", ALICE);
    alice.send(p.proxy, invite("sip:x@192.0.2.1"), 0.1 * S);
    p.run(5 * S);
    const lines = p.log.filter((l) => / (load|next|failure next) /.test(l)).map((l) => l.replace(/^.*?: /, ""));
    // bob (q unspecified, -1) sorts below carol and dave (500); the xavp's first entry is the
    // highest q (dave: an equal q goes after), bob's is last with q_flag 0 (no lower q before it).
    expect(lines).toEqual([
      expect.stringContaining("load 1 n=3 first=sip:dave@192.0.2.40 qf=0 last=sip:bob@192.0.2.20 qf=0"),
      expect.stringContaining("next 1 ru=sip:dave@192.0.2.40 left=1"),
      expect.stringContaining("failure next 1 ru=sip:bob@192.0.2.20 left=0"),
      // The failure route sees the R-URI the transaction was made with (docs/kamailio/tm.md).
      expect.stringContaining("failure next -2 ru=sip:dave@192.0.2.40 left=0"),
    ]);
    // dave and carol (q 0.5) at once, bob (q unspecified) after both answered 486.
    expect(dave.got.map((m) => firstLine(m.text))[0]).toBe("INVITE sip:dave@192.0.2.40 SIP/2.0");
    expect(carol.got.map((m) => firstLine(m.text))[0]).toBe("INVITE sip:carol@192.0.2.30 SIP/2.0");
    expect(bob.got.map((m) => firstLine(m.text))[0]).toBe("INVITE sip:bob@192.0.2.20 SIP/2.0");
    expect(alice.got.map((m) => firstLine(m.text))).toContain("SIP/2.0 486 Busy Here");
  });

  it("without contacts_avp both are disabled and return -1", () => {
    const p = proxyRun(config(""));
    p.ua("alice", ALICE).send(p.proxy, invite("sip:x@192.0.2.1"), 0.1 * S);
    p.run(1 * S);
    expect(
      p.log.some((l) => l.includes("feature has been disabled - to enable define contacts_avp module parameter")),
    ).toBe(true);
    expect(p.log.filter((l) => / (load|next) /.test(l))[0]).toContain("load -1");
  });
});
