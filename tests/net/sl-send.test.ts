/**
 * sl_send_reply() puts Kamailio's reply on the wire: the `sip` send event carries the bytes the
 * Debian 5.6.3 binary sent for the same config and requests (captured by hand from
 * `/usr/sbin/kamailio` listening on udp:127.0.0.1:35061, a UDP client at 127.0.0.9:5070), and
 * the datagram goes where Kamailio sends it (source address; source port with rport).
 */
import { describe, expect, it } from "vitest";
import type { SipEvent } from "../../src/engine/events.js";
import { runEngine } from "../support/engine.js";

const CONFIG = `#!KAMAILIO
debug=2
children=1
listen=udp:127.0.0.1:35061
loadmodule "pv.so"
loadmodule "sl.so"
loadmodule "textops.so"
request_route {
  if ($rU == "redir") { append_to_reply("Contact: <sip:x@y>\\r\\n"); sl_send_reply("302","Moved"); exit; }
  if ($rU == "fr") { force_rport(); }
  sl_send_reply("404","Not Here");
}
`;

const REQUESTS = [
  "OPTIONS sip:bob@example.net SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.9:5070;branch=z9hG4bK-u\r\nFrom: <sip:alice@example.org>;tag=a\r\nTo: <sip:bob@example.net>\r\nCall-ID: u-1\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n",
  "INVITE sip:redir@example.net SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.9:5070;branch=z9hG4bK-v;rport\r\nFrom: <sip:alice@example.org>;tag=a\r\nTo: <sip:bob@example.net>\r\nCall-ID: u-2\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n",
  "OPTIONS sip:fr@example.net SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.9:5070;branch=z9hG4bK-w\r\nFrom: <sip:alice@example.org>;tag=a\r\nTo: <sip:bob@example.net>\r\nCall-ID: u-3\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n",
];

/** What Kamailio 5.6.3 answered, byte for byte (the To-tags too: they derive from the socket). */
const REPLIES = [
  "SIP/2.0 404 Not Here\r\nVia: SIP/2.0/UDP 127.0.0.9:5070;branch=z9hG4bK-u\r\nFrom: <sip:alice@example.org>;tag=a\r\nTo: <sip:bob@example.net>;tag=dccd070d36246c8ef2f0e6db12e0581d.3cd58b48\r\nCall-ID: u-1\r\nCSeq: 1 OPTIONS\r\nServer: kamailio (5.6.3 (x86_64/linux))\r\nContent-Length: 0\r\n\r\n",
  "SIP/2.0 302 Moved\r\nVia: SIP/2.0/UDP 127.0.0.9:5070;branch=z9hG4bK-v;rport=5070;received=127.0.0.9\r\nFrom: <sip:alice@example.org>;tag=a\r\nTo: <sip:bob@example.net>;tag=dccd070d36246c8ef2f0e6db12e0581d.85f6326b\r\nCall-ID: u-2\r\nCSeq: 1 INVITE\r\nContact: <sip:x@y>\r\nServer: kamailio (5.6.3 (x86_64/linux))\r\nContent-Length: 0\r\n\r\n",
  "SIP/2.0 404 Not Here\r\nVia: SIP/2.0/UDP 127.0.0.9:5070;branch=z9hG4bK-w;rport=5070\r\nFrom: <sip:alice@example.org>;tag=a\r\nTo: <sip:bob@example.net>;tag=dccd070d36246c8ef2f0e6db12e0581d.1de7aa7a\r\nCall-ID: u-3\r\nCSeq: 1 OPTIONS\r\nServer: kamailio (5.6.3 (x86_64/linux))\r\nContent-Length: 0\r\n\r\n",
];

function sipEvents(sport: number): SipEvent[] {
  const run = runEngine(CONFIG, {
    duration: 4,
    seed: 1,
    messages: REQUESTS.map((raw, i) => ({ at: i + 0.5, src: "127.0.0.9", sport, raw })),
  });
  return run.events.filter((e): e is SipEvent => e.kind === "sip");
}

describe("sl_send_reply on the wire", () => {
  const events = sipEvents(5070);
  const sent = events.filter((e) => e.op === "send");

  it("sends the bytes Kamailio 5.6.3 sends", () => {
    expect(sent.map((e) => e.text)).toEqual(REPLIES);
  });

  it("from the listen socket to the request's source, summarised in the event", () => {
    expect(sent.map((e) => [e.from, e.to, e.method, e.status, e.callId])).toEqual([
      ["127.0.0.1:35061", "127.0.0.9:5070", "OPTIONS", 404, "u-1"],
      ["127.0.0.1:35061", "127.0.0.9:5070", "INVITE", 302, "u-2"],
      ["127.0.0.1:35061", "127.0.0.9:5070", "OPTIONS", 404, "u-3"],
    ]);
  });

  it("a reply to an address nobody listens at is lost, why nobody", () => {
    const lost = events.filter((e) => e.op === "lost");
    expect(lost.map((e) => [e.id, e.why])).toEqual(sent.map((e) => [e.id, "nobody"]));
  });

  it("without rport the reply goes to the Via port, with rport (or force_rport) to the source port", () => {
    const other = sipEvents(6000).filter((e) => e.op === "send");
    expect(other.map((e) => e.to)).toEqual(["127.0.0.9:5070", "127.0.0.9:6000", "127.0.0.9:6000"]);
  });
});

describe("the Server header (core server_header, server_signature)", () => {
  const serverLine = (head: string) => {
    const cfg = `#!KAMAILIO\ndebug=2\nchildren=1\nlisten=udp:127.0.0.1:35061\n${head}\nloadmodule "sl.so"\nrequest_route { sl_send_reply("404","Not Here"); }\n`;
    const run = runEngine(cfg, {
      duration: 1,
      seed: 1,
      messages: [{ at: 0.5, src: "127.0.0.9", sport: 5070, raw: REQUESTS[0] }],
    });
    const sent = run.events.filter((e): e is SipEvent => e.kind === "sip" && e.op === "send");
    return sent.map((e) => e.text.split("\r\n").filter((l) => l.startsWith("Server")));
  };

  // Both as Debian's 5.6.3 sent them for the first request above.
  it("server_header replaces the whole line", () => {
    expect(serverLine('server_header="Server: My Proxy"')).toEqual([["Server: My Proxy"]]);
  });

  it("server_signature=no leaves it out", () => {
    expect(serverLine("server_signature=no")).toEqual([[]]);
  });
});
