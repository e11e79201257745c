/**
 * `sl.stats` counts every reply sl sent by code bucket (modules/sl/sl_stats.c): the expected text
 * is what `kamcmd sl.stats` printed for Debian's 5.6.3 after the same six requests (a 1xx counts
 * as xxx, 486 as 4xx).
 */
import { describe, expect, it } from "vitest";
import { compileConfig, createSimulation, parseTrafficText } from "../../src/engine/index.js";

const CONFIG = `#!KAMAILIO
debug=2
children=1
listen=udp:127.0.0.1:35061
loadmodule "pv.so"
loadmodule "sl.so"
request_route {
  if ($rU == "r1") { sl_send_reply("302","Moved"); exit; }
  if ($rU == "fr") { sl_send_reply("180","Ringing"); sl_send_reply("486","Busy"); exit; }
  sl_send_reply("404","Not Here");
}
`;

const request = (method: string, user: string, i: number) =>
  `${method} sip:${user}@example.net SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.9:5070;branch=z9hG4bK-${i}\r\nFrom: <sip:alice@example.org>;tag=a\r\nTo: <sip:bob@example.net>\r\nCall-ID: st-${i}\r\nCSeq: 1 ${method}\r\nContent-Length: 0\r\n\r\n`;

const KAMCMD =
  "{\n\t200: 0\n\t202: 0\n\t2xx: 0\n\t300: 0\n\t301: 0\n\t302: 1\n\t3xx: 0\n\t400: 0\n\t401: 0\n\t403: 0\n\t404: 3\n\t407: 0\n\t408: 0\n\t483: 0\n\t4xx: 2\n\t500: 0\n\t5xx: 0\n\t6xx: 0\n\txxx: 2\n}\n";

describe("sl.stats", () => {
  it("answers as kamcmd printed it for Kamailio 5.6.3", () => {
    const sent: [string, string][] = [
      ["OPTIONS", "bob"],
      ["INVITE", "redir"],
      ["OPTIONS", "fr"],
      ["OPTIONS", "r1"],
      ["OPTIONS", "fr"],
      ["OPTIONS", "x"],
    ];
    const messages = sent.map(([m, u], i) => ({
      at: i * 0.1 + 0.1,
      src: "127.0.0.9",
      sport: 5070,
      raw: request(m, u, i),
    }));
    const t = parseTrafficText(JSON.stringify({ duration: 1, seed: 1, streams: [], messages }), {});
    if ("errors" in t) throw new Error(JSON.stringify(t.errors));
    for (const wants of [{}, { sip: false }]) {
      const sim = createSimulation(compileConfig(CONFIG, { name: "kamailio.cfg" }), t.plan, {
        onEvent: () => {},
        wants,
      });
      sim.runUntil(t.plan.duration);
      const r = sim.rpc("sl.stats", []);
      expect(r.ok && r.text).toBe(KAMCMD);
    }
  });
});
