/**
 * A reply reaching the proxy that no module takes is forwarded statelessly (core/forward.c
 * do_forward_reply()): first Via removed, sent to the second Via. The expected bytes, addresses
 * and the NOTICE line are what Debian's Kamailio 5.6.3 did with the same config and datagrams
 * (checked by hand: kamailio on udp:127.0.0.1:35061, replies sent from 127.0.0.8:5080, a
 * listener on 127.0.0.9:5071).
 */
import { describe, expect, it } from "vitest";
import type { SipEvent } from "../../src/engine/events.js";
import { runEngine } from "../support/engine.js";

const config = (replyRoute: string) => `#!KAMAILIO
debug=2
children=1
listen=udp:127.0.0.1:35061
loadmodule "pv.so"
loadmodule "xlog.so"
request_route { drop; }
reply_route { ${replyRoute} }
`;

const hdrs = (cid: string, cseq: string) =>
  `From: <sip:a@b>;tag=1\r\nTo: <sip:c@d>;tag=2\r\nCall-ID: ${cid}\r\nCSeq: ${cseq}\r\nContent-Length: 0\r\n\r\n`;
const TOP = "SIP/2.0/UDP 127.0.0.1:35061;branch=z9hG4bKx";

const REPLIES = [
  `SIP/2.0 200 OK\r\nVia: ${TOP}, SIP/2.0/UDP 127.0.0.9:5071;branch=y\r\n${hdrs("f1", "1 OPTIONS")}`,
  `SIP/2.0 180 Ringing\r\nVia: ${TOP} ,  SIP/2.0/UDP 127.0.0.7:5000;branch=y;rport=5071;received=127.0.0.9\r\n${hdrs("f2", "1 INVITE")}`,
  `SIP/2.0 180 Ringing\r\nVia: ${TOP}\r\nv: SIP/2.0/UDP 127.0.0.9:5071;branch=y\r\n${hdrs("f3", "1 INVITE")}`,
  `SIP/2.0 180 Ringing\r\nVia: ${TOP}\r\n${hdrs("f4", "1 INVITE")}`,
  `SIP/2.0 180 Ringing\r\nVia: ${TOP}\r\nVia: SIP/2.0/UDP nosuch.invalid:5071;branch=y\r\n${hdrs("f5", "1 INVITE")}`,
];

/** What arrived at 127.0.0.9:5071 from Kamailio 5.6.3, in order (f4: no second Via, f5: no address). */
const FORWARDED = [
  `SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 127.0.0.9:5071;branch=y\r\n${hdrs("f1", "1 OPTIONS")}`,
  `SIP/2.0 180 Ringing\r\nVia: SIP/2.0/UDP 127.0.0.7:5000;branch=y;rport=5071;received=127.0.0.9\r\n${hdrs("f2", "1 INVITE")}`,
  `SIP/2.0 180 Ringing\r\nv: SIP/2.0/UDP 127.0.0.9:5071;branch=y\r\n${hdrs("f3", "1 INVITE")}`,
];

function run(replyRoute: string) {
  const r = runEngine(config(replyRoute), {
    duration: REPLIES.length + 1,
    seed: 1,
    messages: REPLIES.map((raw, i) => ({ at: i + 0.5, src: "127.0.0.8", sport: 5080, raw })),
  });
  const sent = r.events.filter((e): e is SipEvent => e.kind === "sip" && e.op === "send");
  return { lines: r.lines.map((l) => l.replace(/^\s*\d+\(\d+\) /, "")), sent };
}

describe("stateless forward_reply()", () => {
  it("drops the first Via and sends to the second, as Kamailio 5.6.3 did", () => {
    const { sent, lines } = run('xlog("L_INFO", "reply $rs\\n");');
    expect(sent.map((e) => e.text)).toEqual(FORWARDED);
    expect(sent.map((e) => [e.from, e.to, e.status, e.callId])).toEqual([
      ["127.0.0.1:35061", "127.0.0.9:5071", 200, "f1"],
      ["127.0.0.1:35061", "127.0.0.9:5071", 180, "f2"],
      ["127.0.0.1:35061", "127.0.0.9:5071", 180, "f3"],
    ]);
    expect(lines).toEqual([
      "INFO: <script>: reply 200",
      "INFO: <script>: reply 180",
      "INFO: <script>: reply 180",
      "INFO: <script>: reply 180",
      "INFO: <script>: reply 180",
      "NOTICE: <core> [core/forward.c:721]: update_sock_struct_from_via(): resolve_host(nosuch.invalid) failure",
    ]);
  });

  it("drop in reply_route stops it, and so does a route returning 0 (receive_msg())", () => {
    expect(run("drop;").sent).toEqual([]);
    expect(run("return 0;").sent).toEqual([]);
  });

  it("a route ending in an error return is a warning and nothing is forwarded", () => {
    const { sent, lines } = run("return -1;");
    expect(sent).toEqual([]);
    expect(lines[0]).toBe("WARNING: <core> [core/receive.c:598]: receive_msg(): error while trying onreply script");
  });
});

describe("stateless forward_reply() after header changes in reply_route", () => {
  it("applies append_hf/remove_hf as Kamailio 5.6.3 did (appended after the last header)", () => {
    const cfg = config('append_hf("X-A: 1\\r\\n"); remove_hf("X-R");').replace(
      'loadmodule "xlog.so"',
      'loadmodule "xlog.so"\nloadmodule "textops.so"',
    );
    const raw = `SIP/2.0 200 OK\r\nVia: ${TOP}\r\nVia: SIP/2.0/UDP 127.0.0.9:5071;branch=y\r\nX-R: gone\r\n${hdrs("f1", "1 OPTIONS")}`;
    const r = runEngine(cfg, { duration: 1, seed: 1, messages: [{ at: 0.5, src: "127.0.0.8", sport: 5080, raw }] });
    const sent = r.events.filter((e): e is SipEvent => e.kind === "sip" && e.op === "send");
    expect(sent.map((e) => e.text)).toEqual([
      "SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 127.0.0.9:5071;branch=y\r\nFrom: <sip:a@b>;tag=1\r\nTo: <sip:c@d>;tag=2\r\nCall-ID: f1\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\nX-A: 1\r\n\r\n",
    ]);
  });
});
