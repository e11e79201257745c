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

/**
 * Bob, Carol and Dave answer every INVITE 486 after 0.1 s; Alice calls the proxy at 0.1 s and the
 * run goes 5 s. The phones, and the script's load/next lines without their prefix.
 */
function allBusy(p: ReturnType<typeof proxyRun>) {
  const busy = (m: { t: number; text: string }, ua: { send: (to: typeof BOB, text: string, at?: number) => void }) => {
    if (firstLine(m.text).startsWith("INVITE")) ua.send(p.proxy, replyTo(m.text, 486, "Busy Here"), m.t + 0.1 * S);
  };
  const bob = p.ua("bob", BOB, busy);
  const carol = p.ua("carol", CAROL, busy);
  const dave = p.ua("dave", DAVE, busy);
  const alice = p.ua("alice", ALICE);
  alice.send(p.proxy, invite("sip:x@192.0.2.1"), 0.1 * S);
  p.run(5 * S);
  const lines = p.log.filter((l) => / (load|next|failure next) /.test(l)).map((l) => l.replace(/^.*?: /, ""));
  return { bob, carol, dave, alice, lines };
}

describe("tm serial forking (t_load_contacts / t_next_contacts)", () => {
  it("orders by q, forks the highest group in parallel, then the next one from failure_route", () => {
    const p = proxyRun(config(PARAMS));
    const { bob, carol, dave, alice, lines } = allBusy(p);
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

// t_load_contacts(1): T_LOAD_PROPORTIONAL (t_serial.c t_load_contacts_proportional()).
const proportional = (body: string) => `#!KAMAILIO
debug=2
children=1
loadmodule "pv.so"
loadmodule "xlog.so"
loadmodule "sl.so"
loadmodule "corex.so"
loadmodule "tm.so"
loadmodule "tmx.so"
${PARAMS}
request_route {
  $ru = "sip:bob@192.0.2.20";
${body}
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

describe("tm t_load_contacts(1) (proportional)", () => {
  it("one contact with q > 0 rings first, then the q <= 0 ones one at a time as backups", () => {
    // bob (R-URI, q unspecified) and dave (q 0) are backups: q_total is carol's 500 alone, so
    // the one draw takes carol whatever kam_rand() gives; the backups follow in q_index order.
    const p = proxyRun(
      proportional(`  append_branch("sip:carol@192.0.2.30", "0.5");
  append_branch("sip:dave@192.0.2.40", "0");
  $var(r) = t_load_contacts(1);
  xlog("L_INFO", "load $var(r) n=$cnt($xavp(tmc)) 0=$xavp(tmc[0]=>uri) qf=$xavp(tmc[0]=>q_flag) 1=$xavp(tmc[1]=>uri) qf=$xavp(tmc[1]=>q_flag) 2=$xavp(tmc[2]=>uri) qf=$xavp(tmc[2]=>q_flag)\\n");
  $var(r) = t_next_contacts();
  xlog("L_INFO", "next $var(r) ru=$ru left=$cnt($xavp(tmc))\\n");
  t_on_failure("F");
  t_relay();
  exit;`),
    );
    const { bob, carol, dave, alice, lines } = allBusy(p);
    expect(lines).toEqual([
      expect.stringContaining(
        "load 1 n=3 0=sip:carol@192.0.2.30 qf=4 1=sip:bob@192.0.2.20 qf=4 2=sip:dave@192.0.2.40 qf=4",
      ),
      // Every record has q_flag: t_next_contacts() takes one and appends no branch.
      expect.stringContaining("next 1 ru=sip:carol@192.0.2.30 left=2"),
      expect.stringContaining("failure next 1 ru=sip:bob@192.0.2.20 left=1"),
      expect.stringContaining("failure next 1 ru=sip:dave@192.0.2.40 left=0"),
      expect.stringContaining("failure next -2 ru=sip:carol@192.0.2.30 left=0"),
    ]);
    const at = (ua: { got: { t: number; text: string }[] }) =>
      ua.got.find((m) => firstLine(m.text).startsWith("INVITE"))?.t ?? Number.NaN;
    expect(at(carol)).toBeLessThan(at(bob));
    expect(at(bob)).toBeLessThan(at(dave));
    expect(alice.got.map((m) => firstLine(m.text))).toContain("SIP/2.0 486 Busy Here");
  });

  it("draws the q > 0 contacts in an order weighted by q, each once, from the seeded generator", () => {
    const body = `  append_branch("sip:c1@192.0.2.31", "0.1");
  append_branch("sip:c3@192.0.2.33", "0.3");
  append_branch("sip:c6@192.0.2.36", "0.6");
  $var(r) = t_load_contacts(1);
  xlog("L_INFO", "load $var(r) $xavp(tmc[0]=>uri) $xavp(tmc[1]=>uri) $xavp(tmc[2]=>uri) $xavp(tmc[3]=>uri) n=$cnt($xavp(tmc))\\n");
  sl_send_reply("404", "Not Here");
  exit;`;
    const firsts = new Map<string, number>();
    const orders = new Set<string>();
    for (let seed = 1; seed <= 60; seed++) {
      const p = proxyRun(proportional(body), { seed });
      p.ua("alice", ALICE).send(p.proxy, invite("sip:x@192.0.2.1"), 0.1 * S);
      p.run(1 * S);
      const line = p.log.find((l) => l.includes(" load "));
      const m = / load 1 (\S+) (\S+) (\S+) (\S+) n=4$/.exec(line ?? "");
      expect(m, line).not.toBeNull();
      const drawn = (m as RegExpExecArray).slice(1, 4);
      // Each contact with q > 0 drawn exactly once; the R-URI (q unspecified) is the backup, last.
      expect([...drawn].sort()).toEqual(["sip:c1@192.0.2.31", "sip:c3@192.0.2.33", "sip:c6@192.0.2.36"]);
      expect((m as RegExpExecArray)[4]).toBe("sip:bob@192.0.2.20");
      firsts.set(drawn[0] as string, (firsts.get(drawn[0] as string) ?? 0) + 1);
      orders.add(drawn.join(" "));
    }
    // Drawn, not sorted: several orders occur, and a higher q comes first more often.
    expect(orders.size).toBeGreaterThan(2);
    const n = (u: string) => firsts.get(u) ?? 0;
    expect(n("sip:c6@192.0.2.36")).toBeGreaterThan(n("sip:c3@192.0.2.33"));
    expect(n("sip:c3@192.0.2.33")).toBeGreaterThan(n("sip:c1@192.0.2.31"));
    expect(n("sip:c1@192.0.2.31")).toBeGreaterThan(0);
  });
});
