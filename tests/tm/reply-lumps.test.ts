/**
 * What onreply_route changes in a reply goes up with it: build_res_buf_from_sip_res() applies
 * the reply's lumps while taking out the proxy's Via (as call-tm-reply-lumps shows against
 * Kamailio 5.6.3).
 */
import { describe, expect, it } from "vitest";
import { ALICE, BOB, firstLine, headerLines, invite, proxyRun, replyTo, S } from "./support.js";

describe("tm relayed replies", () => {
  it("carry onreply_route's remove_hf/append_hf", () => {
    const p = proxyRun(`#!KAMAILIO
debug=2
children=1
loadmodule "pv.so"
loadmodule "xlog.so"
loadmodule "sl.so"
loadmodule "textops.so"
loadmodule "tm.so"
request_route {
  t_on_reply("R");
  t_relay();
}
onreply_route[R] {
  remove_hf("X-Secret");
  append_hf("X-Proxy: saw $rs\\r\\n");
}
`);
    p.ua("bob", BOB, (m, ua) => {
      if (firstLine(m.text).startsWith("INVITE"))
        ua.send(p.proxy, replyTo(m.text, 180, "Ringing", "b", "X-Secret: 42\r\n"), m.t + 0.1 * S);
    });
    const alice = p.ua("alice", ALICE);
    alice.send(p.proxy, invite("sip:bob@192.0.2.20"), 0.1 * S);
    p.run(1 * S);
    const ringing = alice.got.find((m) => firstLine(m.text) === "SIP/2.0 180 Ringing")?.text ?? "";
    expect(headerLines(ringing, "x-secret")).toEqual([]);
    expect(headerLines(ringing, "x-proxy")).toEqual(["X-Proxy: saw 180"]);
    expect(headerLines(ringing, "via")).toHaveLength(1);
  });
});
