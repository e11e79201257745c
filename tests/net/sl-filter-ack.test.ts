/**
 * sl_filter_ACK() (modules/sl/sl_funcs.c): an ACK to sl's own negative reply (its To-tag is sl's
 * tag for that request) is absorbed before request_route, within 2 s of sl's last reply, and
 * event_route[sl:filtered-ack] runs instead. The tags and the script's lines are what Debian's
 * 5.6.3 sent and logged for this config (udp:127.0.0.1:35061, client at 127.0.0.9:5070): the
 * ACK to a1 is filtered, a2's (another tag) and a3's (2.5 s later) reach the route.
 */
import { describe, expect, it } from "vitest";
import { runEngine } from "../support/engine.js";

const CONFIG = `#!KAMAILIO
debug=2
children=1
listen=udp:127.0.0.1:35061
loadmodule "pv.so"
loadmodule "xlog.so"
loadmodule "sl.so"
request_route {
  xlog("L_INFO", "route $rm $ci\\n");
  if ($rm == "ACK") exit;
  sl_send_reply("404","Nope");
}
event_route[sl:filtered-ack] {
  xlog("L_INFO", "filtered $rm $ci\\n");
}
`;

const invite = (cid: string) =>
  `INVITE sip:bob@example.net SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.9:5070;branch=z9hG4bK-${cid}\r\nFrom: <sip:alice@example.org>;tag=a\r\nTo: <sip:bob@example.net>\r\nCall-ID: ${cid}\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n`;
const ack = (cid: string, tag: string) =>
  `ACK sip:bob@example.net SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.9:5070;branch=z9hG4bK-${cid}\r\nFrom: <sip:alice@example.org>;tag=a\r\nTo: <sip:bob@example.net>;tag=${tag}\r\nCall-ID: ${cid}\r\nCSeq: 1 ACK\r\nContent-Length: 0\r\n\r\n`;

/** The To-tags Kamailio 5.6.3 put in its 404s. */
const TAGS = {
  a1: "dccd070d36246c8ef2f0e6db12e0581d.946da275",
  a3: "dccd070d36246c8ef2f0e6db12e0581d.b55f8347",
};

describe("sl's ACK filter", () => {
  it("absorbs the ACK to its own reply and runs event_route[sl:filtered-ack], as 5.6.3 did", () => {
    const m = (at: number, raw: string) => ({ at, src: "127.0.0.9", sport: 5070, raw });
    const r = runEngine(CONFIG, {
      duration: 6,
      seed: 1,
      messages: [
        m(0.5, invite("a1")),
        m(0.6, ack("a1", TAGS.a1)),
        m(1, invite("a2")),
        m(1.1, ack("a2", "x".repeat(41))),
        m(2, invite("a3")),
        m(4.5, ack("a3", TAGS.a3)),
      ],
    });
    expect(r.lines.map((l) => l.split("<script>: ")[1])).toEqual([
      "route INVITE a1",
      "filtered ACK a1",
      "route INVITE a2",
      "route ACK a2",
      "route INVITE a3",
      "route ACK a3",
    ]);
  });
});
