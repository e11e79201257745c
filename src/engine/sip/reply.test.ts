import { describe, expect, it } from "vitest";
import { SipRequest } from "./message.js";
import { buildReply, DEFAULT_SERVER_HEADER } from "./reply.js";

function parse(raw: string): SipRequest {
  const r = SipRequest.parse(raw);
  if ("error" in r) throw new Error(r.error);
  return r;
}

/**
 * Requests sent from 127.0.0.3 to Kamailio 5.6.3 (Debian), which answered with
 * `sl_send_reply(code, reason)`; `reply` is what came back on the wire, byte for byte, and
 * `toTag` the tag sl chose.
 */
const CAPTURED = [
  {
    title: "compact names, a Via list, rport rewritten and received added",
    request:
      'INVITE sip:bob@127.0.0.1:5098;transport=udp SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.3:5060;branch=z9hG4bKabc;rport\r\nv: SIP/2.0/UDP 10.0.0.1:5070;branch=z9hG4bKdef, SIP/2.0/UDP 10.0.0.2;branch=z9hG4bKx\r\nMax-Forwards: 70\r\nf: "Alice" <sip:alice@example.org>;tag=ft1\r\nTo: <sip:bob@example.net>\r\ni: cid-42@host  \r\nCSeq: 17 INVITE\r\nUser-Agent: TestUA/1.0\r\nX-Fold: a,\r\n  b\r\n\tc\r\nX-A: first\r\nx-a: second\r\nX-C: one, two\r\nSubject :  hi  there \r\nX-Sp:\t v \r\nX-Empty:\r\nl: 0\r\n\r\n',
    code: "404",
    reason: "Not Here",
    toTag: "53d057ffd4d950fe2eb548b954154c74.01a650a7",
    port: 37320,
    reply:
      'SIP/2.0 404 Not Here\r\nVia: SIP/2.0/UDP 127.0.0.3:5060;branch=z9hG4bKabc;rport=37320;received=127.0.0.3\r\nv: SIP/2.0/UDP 10.0.0.1:5070;branch=z9hG4bKdef, SIP/2.0/UDP 10.0.0.2;branch=z9hG4bKx\r\nf: "Alice" <sip:alice@example.org>;tag=ft1\r\nTo: <sip:bob@example.net>;tag=53d057ffd4d950fe2eb548b954154c74.01a650a7\r\ni: cid-42@host  \r\nCSeq: 17 INVITE\r\nServer: kamailio (5.6.3 (x86_64/linux))\r\nContent-Length: 0\r\n\r\n',
  },
  {
    title: "an rport value replaced in place, received after trailing spaces",
    request:
      "OPTIONS sip:bob@example.net SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.3:5060;branch=z9hG4bKabc;rport=1234;x=y  \r\nFrom: Alice  Smith  <sip:alice@example.org> ;tag=x1\r\nTo: <sip:bob@example.net>;tag=tt9  \r\nCall-ID: c2\r\nCSeq:  17   OPTIONS  \r\nUser-Agent: UA\r\nContent-Length: 4 \r\n\r\nabcd",
    code: "100",
    reason: "Trying",
    toTag: "unused",
    port: 39334,
    reply:
      "SIP/2.0 100 Trying\r\nVia: SIP/2.0/UDP 127.0.0.3:5060;branch=z9hG4bKabc;rport=39334;x=y  ;received=127.0.0.3\r\nFrom: Alice  Smith  <sip:alice@example.org> ;tag=x1\r\nTo: <sip:bob@example.net>;tag=tt9  \r\nCall-ID: c2\r\nCSeq:  17   OPTIONS  \r\nServer: kamailio (5.6.3 (x86_64/linux))\r\nContent-Length: 0\r\n\r\n",
  },
  {
    title: "bare LF lines kept, code cut to three digits",
    request:
      "MESSAGE sip:a@example.net SIP/2.0\nVia: SIP/2.0/UDP 127.0.0.3;branch=z9hG4bKabc\nFrom: sip:alice@example.org;tag=x2\nTo: sip:bob@example.net\nCall-ID: c3\nCSeq: 2 MESSAGE\nContent-Length: 0\n\n",
    code: "4044",
    reason: "Odd",
    toTag: "0b12037ab4c269808eb3fde16d78a2be.59670000",
    port: 5060,
    reply:
      "SIP/2.0 044 Odd\r\nVia: SIP/2.0/UDP 127.0.0.3;branch=z9hG4bKabc\r\nFrom: sip:alice@example.org;tag=x2\nTo: sip:bob@example.net;tag=0b12037ab4c269808eb3fde16d78a2be.59670000\nCall-ID: c3\nCSeq: 2 MESSAGE\nServer: kamailio (5.6.3 (x86_64/linux))\r\nContent-Length: 0\r\n\r\n",
  },
  {
    title: "Record-Route kept for 180, request order kept, existing To-tag kept, host name gets received",
    request:
      "INVITE sip:b@example.net SIP/2.0\r\nRecord-Route: <sip:p1;lr>\r\nVia: SIP/2.0/UDP host.example;branch=z9hG4bKabc\r\nFrom: <sip:alice@example.org>;tag=x2\r\nTo: <sip:bob@example.net>;tag=already\r\nCall-ID: c3\r\nCSeq: 2 INVITE\r\nVia: SIP/2.0/UDP 10.1.1.1:5080;branch=z9hG4bK2\r\nContent-Length: 0\r\n\r\n",
    code: "180",
    reason: "Ringing",
    toTag: "unused",
    port: 5060,
    reply:
      "SIP/2.0 180 Ringing\r\nRecord-Route: <sip:p1;lr>\r\nVia: SIP/2.0/UDP host.example;branch=z9hG4bKabc;received=127.0.0.3\r\nFrom: <sip:alice@example.org>;tag=x2\r\nTo: <sip:bob@example.net>;tag=already\r\nCall-ID: c3\r\nCSeq: 2 INVITE\r\nVia: SIP/2.0/UDP 10.1.1.1:5080;branch=z9hG4bK2\r\nServer: kamailio (5.6.3 (x86_64/linux))\r\nContent-Length: 0\r\n\r\n",
  },
  {
    title: "Via matching the source copied unchanged",
    request:
      "INVITE sip:c@example.net SIP/2.0\r\nRecord-Route: <sip:p1;lr>\r\nVia: SIP/2.0/UDP 127.0.0.3:5060;branch=z9hG4bKabc\r\nFrom: <sip:alice@example.org>;tag=x2\r\nTo: <sip:bob@example.net>\r\nCall-ID: c3\r\nCSeq: 2 INVITE\r\nContent-Length: 0\r\n\r\n",
    code: "200",
    reason: "OK",
    toTag: "0b12037ab4c269808eb3fde16d78a2be.01a6f513",
    port: 5060,
    reply:
      "SIP/2.0 200 OK\r\nRecord-Route: <sip:p1;lr>\r\nVia: SIP/2.0/UDP 127.0.0.3:5060;branch=z9hG4bKabc\r\nFrom: <sip:alice@example.org>;tag=x2\r\nTo: <sip:bob@example.net>;tag=0b12037ab4c269808eb3fde16d78a2be.01a6f513\r\nCall-ID: c3\r\nCSeq: 2 INVITE\r\nServer: kamailio (5.6.3 (x86_64/linux))\r\nContent-Length: 0\r\n\r\n",
  },
  {
    title: "the To-tag goes after existing To parameters",
    request:
      "INVITE sip:d@example.net SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.3:5060;branch=z9hG4bKabc\r\nFrom: <sip:alice@example.org>;tag=x2\r\nTo: <sip:bob@example.net>;x=1\r\nCall-ID: c3\r\nCSeq: 2 INVITE\r\nContent-Length: 0\r\n\r\n",
    code: "403",
    reason: "Forbidden",
    toTag: "0b12037ab4c269808eb3fde16d78a2be.01a6f513",
    port: 5060,
    reply:
      "SIP/2.0 403 Forbidden\r\nVia: SIP/2.0/UDP 127.0.0.3:5060;branch=z9hG4bKabc\r\nFrom: <sip:alice@example.org>;tag=x2\r\nTo: <sip:bob@example.net>;x=1;tag=0b12037ab4c269808eb3fde16d78a2be.01a6f513\r\nCall-ID: c3\r\nCSeq: 2 INVITE\r\nServer: kamailio (5.6.3 (x86_64/linux))\r\nContent-Length: 0\r\n\r\n",
  },
  {
    title: "the message-values request of docs/kamailio/pseudo-variables.md",
    request:
      'INVITE sip:bob@127.0.0.1:5098;transport=udp SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.3:35602;branch=z9hG4bK-spec21-req001\r\nFrom: "Alice" <sip:alice@example.org>;tag=ft1\r\nTo: <sip:bob@example.net>\r\nCall-ID: cid-42@host\r\nCSeq: 17 INVITE\r\nMax-Forwards: 70\r\nContact: <sip:alice@127.0.0.3:35602>\r\nUser-Agent: TestUA/1.0\r\nContent-Length: 0\r\n\r\n',
    code: "404",
    reason: "Not Found",
    toTag: "a5f007849e17178cde014195a928ba91.53a89921",
    port: 35602,
    reply:
      'SIP/2.0 404 Not Found\r\nVia: SIP/2.0/UDP 127.0.0.3:35602;branch=z9hG4bK-spec21-req001\r\nFrom: "Alice" <sip:alice@example.org>;tag=ft1\r\nTo: <sip:bob@example.net>;tag=a5f007849e17178cde014195a928ba91.53a89921\r\nCall-ID: cid-42@host\r\nCSeq: 17 INVITE\r\nServer: kamailio (5.6.3 (x86_64/linux))\r\nContent-Length: 0\r\n\r\n',
  },
];

describe("buildReply: replies captured from Kamailio 5.6.3", () => {
  it.each(CAPTURED)("$title", (c) => {
    const req = parse(c.request);
    expect(buildReply(req, c.code, c.reason, c.toTag, undefined, { source: { ip: "127.0.0.3", port: c.port } })).toBe(
      c.reply,
    );
  });
});

describe("buildReply: options", () => {
  const req = parse(
    "OPTIONS sip:h SIP/2.0\r\nVia: SIP/2.0/UDP [2001:DB8::7]:5060;branch=z9hG4bK1\r\nFrom: <sip:a@h>;tag=1\r\n" +
      "To: <sip:h>\r\nCall-ID: x\r\nCSeq: 1 OPTIONS\r\n\r\n",
  );

  it("leaves the Server header out when it is empty, and adds lumps before it", () => {
    const reply = buildReply(req, 200, "OK", "t1", "", { lumps: ["X-Lump: 1\r\n"] });
    expect(reply).toBe(
      "SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP [2001:DB8::7]:5060;branch=z9hG4bK1\r\nFrom: <sip:a@h>;tag=1\r\n" +
        "To: <sip:h>;tag=t1\r\nCall-ID: x\r\nCSeq: 1 OPTIONS\r\nX-Lump: 1\r\nContent-Length: 0\r\n\r\n",
    );
  });

  it("matches an IPv6 Via host to the source in any case and bracketing", () => {
    const reply = buildReply(req, 100, "Trying", "t1", DEFAULT_SERVER_HEADER, {
      source: { ip: "2001:db8::7", port: 5060 },
      forceRport: true,
    });
    expect(reply.split("\r\n")[1]).toBe("Via: SIP/2.0/UDP [2001:DB8::7]:5060;branch=z9hG4bK1;rport=5060");
    // No To-tag below 180.
    expect(reply).toContain("\r\nTo: <sip:h>\r\n");
  });

  it("adds received for another source address", () => {
    const reply = buildReply(req, 486, "Busy Here", "t1", DEFAULT_SERVER_HEADER, {
      source: { ip: "192.0.2.1", port: 5070 },
    });
    expect(reply.split("\r\n")[1]).toBe("Via: SIP/2.0/UDP [2001:DB8::7]:5060;branch=z9hG4bK1;received=192.0.2.1");
    expect(reply.startsWith("SIP/2.0 486 Busy Here\r\n")).toBe(true);
  });
});
