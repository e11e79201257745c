/**
 * sl's 3xx replies carry the destination set as a Contact header (sl_reply_helper() →
 * print_dset(), core/dset.c): the R-URI when the script changed it, then the appended branches
 * with their q; with neither, dset.c's warning and no Contact. Expected bytes and lines are what
 * Debian's Kamailio 5.6.3 sent and logged for this config (udp:127.0.0.1:35061, client at
 * 127.0.0.9:5070).
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
request_route {
  if ($rU == "r1") { sl_send_reply("302","Moved"); exit; }
  if ($rU == "r2") { $ru = "sip:new@10.0.0.1"; $br = "sip:b2@10.0.0.2"; $br = "sip:b3@10.0.0.3"; sl_send_reply("301","Gone"); exit; }
  sl_send_reply("404","x");
}
`;

const request = (u: string) =>
  `OPTIONS sip:${u}@example.net SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.9:5070;branch=z9hG4bK-${u}\r\nFrom: <sip:alice@example.org>;tag=a\r\nTo: <sip:bob@example.net>\r\nCall-ID: d-${u}\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n`;

const REPLIES = [
  "SIP/2.0 302 Moved\r\nVia: SIP/2.0/UDP 127.0.0.9:5070;branch=z9hG4bK-r1\r\nFrom: <sip:alice@example.org>;tag=a\r\nTo: <sip:bob@example.net>;tag=dccd070d36246c8ef2f0e6db12e0581d.0b9612a5\r\nCall-ID: d-r1\r\nCSeq: 1 OPTIONS\r\nServer: kamailio (5.6.3 (x86_64/linux))\r\nContent-Length: 0\r\n\r\n",
  "SIP/2.0 301 Gone\r\nVia: SIP/2.0/UDP 127.0.0.9:5070;branch=z9hG4bK-r2\r\nFrom: <sip:alice@example.org>;tag=a\r\nTo: <sip:bob@example.net>;tag=dccd070d36246c8ef2f0e6db12e0581d.b2b5ab86\r\nCall-ID: d-r2\r\nCSeq: 1 OPTIONS\r\nContact: <sip:new@10.0.0.1>, <sip:b2@10.0.0.2>, <sip:b3@10.0.0.3>\r\nServer: kamailio (5.6.3 (x86_64/linux))\r\nContent-Length: 0\r\n\r\n",
];

describe("sl 3xx replies and the destination set", () => {
  const r = runEngine(CONFIG, {
    duration: 3,
    seed: 1,
    messages: ["r1", "r2"].map((u, i) => ({ at: i + 0.5, src: "127.0.0.9", sport: 5070, raw: request(u) })),
  });

  it("sends the Contact list Kamailio 5.6.3 sends", () => {
    const sent = r.events.filter((e): e is SipEvent => e.kind === "sip" && e.op === "send");
    expect(sent.map((e) => e.text)).toEqual(REPLIES);
  });

  it("warns when there is nothing to redirect to", () => {
    expect(r.lines.map((l) => l.replace(/^\s*\d+\(\d+\) /, ""))).toEqual([
      "WARNING: <core> [core/dset.c:689]: print_dset(): no r-uri or branches",
    ]);
  });
});
