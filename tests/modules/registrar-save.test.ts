/**
 * registrar save()/lookup() on usrloc's in-memory table, run in-process: return codes, the 200's
 * Contact list (order by q, expires, min_expires), CSeq checks, star and removal, max_contacts,
 * lookup()'s R-URI, $du and branches. The expected values were checked against Kamailio 5.6.3
 * (the differential cases call-reg-* run the same requests there).
 */
import { describe, expect, it } from "vitest";
import { runEngine } from "../support/engine.js";
import { scriptOnly } from "../support/script.js";

const CFG = (extra = "", body = "") => `#!KAMAILIO
debug=2
children=1
loadmodule "sl.so"
loadmodule "pv.so"
loadmodule "xlog.so"
loadmodule "usrloc.so"
loadmodule "registrar.so"
${extra}
request_route {
  if ($rm == "REGISTER") {
    $var(r) = save("location");
    xlog("L_INFO", "$ci/$cs save -> $var(r)\\n");
    exit;
  }
${body}
  $var(r) = lookup("location");
  xlog("L_INFO", "$ci lookup -> $var(r) ru=$ru du=$du bR=$bR\\n");
  sl_send_reply("404", "x");
}
`;

function reg(cid: string, cseq: number, contact: string, extra = "", user = "alice"): string {
  return `REGISTER sip:127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.9:5070;branch=z9hG4bK${cid}${cseq}\r\nFrom: <sip:${user}@example.com>;tag=a1\r\nTo: <sip:${user}@example.com>\r\nCall-ID: ${cid}\r\nCSeq: ${cseq} REGISTER\r\n${contact}${extra}Content-Length: 0\r\n\r\n`;
}
const INVITE = (cid: string, user = "alice") =>
  `INVITE sip:${user}@example.com SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.9:5070;branch=z9hG4bK${cid}\r\nFrom: <sip:bob@example.com>;tag=b1\r\nTo: <sip:${user}@example.com>\r\nCall-ID: ${cid}\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n`;

function run(cfg: string, raws: string[]) {
  return runEngine(cfg, {
    duration: raws.length + 1,
    seed: 1,
    messages: raws.map((raw, i) => ({ at: i + 0.5, src: "127.0.0.9", sport: 5070, raw })),
  });
}

describe("registrar save()", () => {
  it("stores contacts in q order, each header's contacts in reverse (contact.c), and lists them in the 200", () => {
    const r = run(CFG(), [
      reg(
        "c1",
        1,
        "Contact: <sip:alice@10.0.0.1:5060>;expires=120, <sip:alice@10.0.0.2>;q=0.5\r\nContact: <sip:alice@10.0.0.3>;q=1;expires=7\r\n",
      ),
      INVITE("i1"),
    ]);
    expect(scriptOnly(r.lines)).toEqual([
      "c1/1 save -> 1",
      "i1 lookup -> 1 ru=sip:alice@10.0.0.3 du=<null> bR=sip:alice@10.0.0.2, sip:alice@10.0.0.1:5060",
    ]);
    const sent = r.events.filter((e) => e.kind === "sip" && e.op === "send");
    expect(JSON.stringify(sent)).toContain(
      "Contact: <sip:alice@10.0.0.3>;q=1;expires=60, <sip:alice@10.0.0.2>;q=0.5;expires=3600, <sip:alice@10.0.0.1:5060>;expires=120\\r\\n",
    );
  });
});
