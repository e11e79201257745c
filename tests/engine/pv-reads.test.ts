/**
 * Read-only pseudo-variables of the request, the socket and the credentials
 * (src/engine/runtime/pv/): values as Kamailio 5.6.3 printed them in the pvw-* differential cases.
 */
import { describe, expect, it } from "vitest";
import { runScript, scriptView } from "../support/script.js";

function script(body: string, raw: string, head = ""): string[] {
  return scriptView(runScript(body, { modules: ["sl"], head, raw }));
}

const MESSAGE =
  'MESSAGE sip:bob@example.net;transport=tcp SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.9:5070;branch=z9hG4bK-r;rport;i=abc\r\nv: SIP/2.0/TCP 10.0.0.2;branch=b2;received=10.9.9.9, SIP/2.0/TLS 10.0.0.5:5061;branch=b3\r\nFrom: <sip:alice@example.org>;tag=a\r\nTo: <sip:bob@example.net>\r\nCall-ID: r-1\r\nCSeq: 11 MESSAGE\r\nContact: "Al" <sip:alice@127.0.0.9:5070>\r\nP-Asserted-Identity: <sip:+49@example.org;user=phone>\r\nProxy-Authorization: Digest username="carol@home.org", realm="example.org", nonce="n2", uri="sip:bob@example.org", response="abc"\r\nContent-Type: text/plain\r\nContent-Length: 4\r\n\r\nbody';

describe("request PVs", () => {
  it("reads headers, body, ids and the source", () => {
    const out = script(
      'xlog("L_INFO", "$rmid $mts $rv [$ct] $cT $cl $csb $bs [$rb] $ai $su $sut $sas $rP $rz $ou\\n");',
      MESSAGE,
    );
    expect(out).toEqual([
      '256 rq SIP/2.0 ["Al" <sip:alice@127.0.0.9:5070>] text/plain 4 11 MESSAGE 4 [body] sip:+49@example.org;user=phone sip:127.0.0.9:5070 sip:127.0.0.9:5070;transport=udp udp:127.0.0.9:5070 tcp sip sip:bob@example.net;transport=tcp',
    ]);
  });

  it("reads vias, message parts and credentials", () => {
    const out = script(
      'xlog("L_INFO", "$via0(rport) $via0(i) $via1(host) $via1(received) $viaZ(port) $viaZ(proto) $msg(hdrc) [$msg(fline)] $aU $au $ad $ar $adu [$ado] $AU $Au\\n");',
      MESSAGE,
    );
    expect(out).toEqual([
      "<null> abc 10.0.0.2 10.9.9.9 5061 TLS 11 [MESSAGE sip:bob@example.net;transport=tcp SIP/2.0] carol@home.org carol home.org example.org sip:bob@example.org [] alice alice@example.org",
    ]);
  });
});

describe("socket, next hop, forced socket", () => {
  it("reads the receiving socket and $nh, forces and clears $fs", () => {
    const out = script(
      `xlog("L_INFO", "$Ru $Rut $Ras $af(name) $K(WSS) $nh(d) $nh(p) $fs $fsp\\n");
       $du = "sip:10.1.2.3:5099;transport=tcp";
       $fs = "127.0.0.1";
       xlog("L_INFO", "$nh(d) $nh(p) $nh(P) $nh(i) $fs $fsp\\n");
       $fs = "udp:127.0.0.1:x";
       $fs = $null;
       xlog("L_INFO", "$fs [$_s(u=$rU)]\\n");`,
      MESSAGE,
      "listen=udp:127.0.0.1:5090",
    );
    expect(out).toEqual([
      "sip:127.0.0.1:5090 sip:127.0.0.1:5090;transport=udp udp:127.0.0.1:5090 IPv4 6 example.net 5060 <null> 0",
      "10.1.2.3 5099 tcp 4 udp:127.0.0.1:5090 5090",
      "ERROR: <core> [main.c:1218]: parse_phostport(): bad port number in udp:127.0.0.1:x",
      "ERROR: pv [pv_core.c:3249]: pv_set_force_sock(): invalid socket specification",
      expect.stringContaining("lval_pvar_assign(): setting pvar failed"),
      expect.stringContaining("lval_assign(): assignment failed"),
      "<null> [u=bob]",
    ]);
  });
});
