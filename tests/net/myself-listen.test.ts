/**
 * `uri == myself` (and from_uri, to_uri) compares host and port with the socket the proxy
 * listens on (the config's listen=, or SimulationOptions.listen as kamailio -l); `src_ip == myself`
 * the address alone. Expected lines: Debian's 5.6.3 with this config on udp:127.0.0.1:35061.
 */
import { describe, expect, it } from "vitest";
import { runEngine } from "../support/engine.js";

const CONFIG = `#!KAMAILIO
debug=2
children=1
listen=udp:127.0.0.1:35061
loadmodule "pv.so"
loadmodule "xlog.so"
request_route {
  if (uri == myself) { xlog("L_INFO", "$ru uri me\\n"); } else { xlog("L_INFO", "$ru uri not\\n"); }
  if (from_uri == myself) { xlog("L_INFO", "$fu from me\\n"); } else { xlog("L_INFO", "$fu from not\\n"); }
  if (src_ip == myself) { xlog("L_INFO", "$si src me\\n"); } else { xlog("L_INFO", "$si src not\\n"); }
  drop;
}
`;

const CASES: [string, string][] = [
  ["sip:127.0.0.1", "sip:a@127.0.0.1:35061"],
  ["sip:x@127.0.0.1:35061", "sip:a@localhost"],
  ["sip:x@localhost:35061;transport=tls", "sip:a@LOCALHOST:35061"],
  ["sips:x@127.0.0.1:35061", "sip:a@127.0.0.2:35061"],
];

const request = ([u, f]: [string, string]) =>
  `OPTIONS ${u} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5099;branch=z9hG4bK-m\r\nFrom: <${f}>;tag=a\r\nTo: <sip:bob@example.net>\r\nCall-ID: m-1\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n`;

const KAMAILIO = [
  "sip:127.0.0.1 uri not",
  "sip:a@127.0.0.1:35061 from me",
  "127.0.0.1 src me",
  "sip:x@127.0.0.1:35061 uri me",
  "sip:a@localhost from not",
  "127.0.0.1 src me",
  "sip:x@localhost:35061;transport=tls uri me",
  "sip:a@LOCALHOST:35061 from me",
  "127.0.0.1 src me",
  "sips:x@127.0.0.1:35061 uri me",
  "sip:a@127.0.0.2:35061 from not",
  "127.0.0.1 src me",
];

describe("myself and the listening socket", () => {
  it("answers as Kamailio 5.6.3 did", () => {
    const r = runEngine(CONFIG, {
      duration: 5,
      seed: 1,
      messages: CASES.map((c, i) => ({ at: i + 0.5, src: "127.0.0.1", sport: 5099, raw: request(c) })),
    });
    expect(r.lines.map((l) => l.split("<script>: ")[1])).toEqual(KAMAILIO);
  });
});
