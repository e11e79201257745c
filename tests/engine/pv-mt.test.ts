/** $mt (pv_get_msgtype(), modules/pv/pv_core.c): 1 for a request, 2 for a reply. */
import { expect, it } from "vitest";
import { OPTIONS_RAW, runMessages, scriptOnly } from "../support/script.js";

it("$mt is 1 in request_route and 2 in reply_route", () => {
  const cfg = `#!KAMAILIO
debug=2
children=1
loadmodule "pv.so"
loadmodule "xlog.so"
request_route {
  xlog("L_INFO", "request $mt\\n");
}
reply_route {
  xlog("L_INFO", "reply $mt\\n");
  drop;
}
`;
  const reply =
    "SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK-x\r\nVia: SIP/2.0/UDP 127.0.0.9:5070;branch=z9hG4bK-u\r\nFrom: <sip:alice@example.org>;tag=a\r\nTo: <sip:bob@example.net>;tag=b\r\nCall-ID: u-1\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
  expect(scriptOnly(runMessages(cfg, [OPTIONS_RAW, reply], 5070).lines)).toEqual(["request 1", "reply 2"]);
});
