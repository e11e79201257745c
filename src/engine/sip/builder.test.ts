import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildRequest, type RequestSpec } from "./builder.js";
import { SipRequest } from "./message.js";
import { receiveDatagram } from "./receive.js";
import { buildReply } from "./reply.js";

/** A source for the receive path's log lines. */
const SRC = { ip: "127.0.0.1", port: 5060 };

const SPEC: RequestSpec = {
  method: "INVITE",
  ruri: "sip:bob@example.com",
  from: "sip:user7@example.com",
  to: "sip:bob@example.com",
  srcIp: "192.0.2.10",
  srcPort: 5060,
  cseq: 7,
  callId: "callers-7-1@kamsim",
  fromTag: "ft-callers-7",
  branch: "callers-7-0",
  headers: [["User-Agent", "softphone"]],
};

function parse(raw: string): SipRequest {
  const r = SipRequest.parse(raw);
  if ("error" in r) throw new Error(r.error);
  return r;
}

describe("buildRequest", () => {
  it("writes a complete RFC 3261 request", () => {
    expect(buildRequest(SPEC)).toBe(
      "INVITE sip:bob@example.com SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKcallers-7-0;rport\r\n" +
        "Max-Forwards: 70\r\n" +
        "From: <sip:user7@example.com>;tag=ft-callers-7\r\n" +
        "To: <sip:bob@example.com>\r\n" +
        "Call-ID: callers-7-1@kamsim\r\n" +
        "CSeq: 7 INVITE\r\n" +
        "Contact: <sip:user7@192.0.2.10:5060>\r\n" +
        "User-Agent: softphone\r\n" +
        "Content-Length: 0\r\n" +
        "\r\n",
    );
  });

  it("parses back to the same fields", () => {
    const req = parse(buildRequest(SPEC));
    expect(receiveDatagram(req.raw, SRC)).toMatchObject({ kind: "request", logs: [] });
    expect(req.method).toBe("INVITE");
    expect(req.ruri).toBe(SPEC.ruri);
    expect(req.from).toEqual({ uri: SPEC.from, tag: SPEC.fromTag });
    expect(req.to).toEqual({ uri: SPEC.to });
    expect(req.callId).toBe(SPEC.callId);
    expect(req.cseq).toEqual({ num: "7", method: "INVITE" });
    expect(req.via).toMatchObject({ host: "192.0.2.10", port: 5060, branch: "z9hG4bKcallers-7-0" });
    expect(req.userAgent).toBe("softphone");
    expect(req.maxForwards).toBe(70);
    expect(req.header("Contact")).toBe("<sip:user7@192.0.2.10:5060>");
  });

  it("keeps a branch that already has the magic cookie, brackets IPv6 and counts body bytes", () => {
    const raw = buildRequest({ ...SPEC, srcIp: "2001:db8::5", branch: "z9hG4bKx", body: "héllo", headers: [] });
    const req = parse(raw);
    expect(req.header("Via")).toBe("SIP/2.0/UDP [2001:db8::5]:5060;branch=z9hG4bKx;rport");
    expect(req.header("Contact")).toBe("<sip:user7@[2001:db8::5]:5060>");
    expect(req.contentLength).toBe(6);
    expect(req.body).toBe("héllo");
  });

  it("lets extra headers replace generated ones in place, once", () => {
    const req = parse(
      buildRequest({
        ...SPEC,
        headers: [
          ["Max-Forwards", "0"],
          ["X-A", "1"],
          ["l", "99"],
          ["Max-Forwards", "5"],
        ],
      }),
    );
    expect(req.fields()?.map((f) => f.name)).toEqual([
      "Via",
      "Max-Forwards",
      "From",
      "To",
      "Call-ID",
      "CSeq",
      "Contact",
      "X-A",
      "Max-Forwards",
      "l",
    ]);
    expect(req.headers("Max-Forwards")).toEqual(["0", "5"]);
    expect(req.header("Content-Length")).toBe("99");
  });

  it("gives a From without user a Contact without user", () => {
    expect(parse(buildRequest({ ...SPEC, from: "sip:example.com" })).header("Contact")).toBe("<sip:192.0.2.10:5060>");
  });

  it("round-trips any sane spec", () => {
    const token = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9.-]{0,11}$/);
    fc.assert(
      fc.property(
        fc.record({
          method: fc.constantFrom("INVITE", "OPTIONS", "REGISTER", "MESSAGE", "BYE"),
          user: token,
          host: token,
          port: fc.integer({ min: 1, max: 65535 }),
          cseq: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
          tag: token,
          branch: token,
          body: fc.string({ maxLength: 20 }),
        }),
        (r) => {
          const spec: RequestSpec = {
            ...SPEC,
            method: r.method,
            ruri: `sip:${r.user}@${r.host}`,
            from: `sip:${r.user}@${r.host}`,
            srcPort: r.port,
            cseq: r.cseq,
            fromTag: r.tag,
            branch: r.branch,
            body: r.body,
          };
          const req = parse(buildRequest(spec));
          expect(receiveDatagram(req.raw, SRC)).toMatchObject({ kind: "request", logs: [] });
          expect(req.uri).toMatchObject({ user: r.user, host: r.host });
          expect(req.from?.tag).toBe(r.tag);
          expect(req.cseq).toEqual({ num: String(r.cseq), method: r.method });
          expect(req.via?.port).toBe(r.port);
          expect(req.body).toBe(r.body);
        },
      ),
    );
  });
});

describe("buildRequest + buildReply", () => {
  it("answers a built request byte for byte as Kamailio 5.6.3 did", () => {
    const raw = buildRequest({
      ...SPEC,
      ruri: "sip:bob@127.0.0.1",
      srcIp: "127.0.0.3",
      srcPort: 35999,
      headers: [
        ["User-Agent", "softphone"],
        ["X-Fold", "a,\r\n b"],
      ],
      body: "héllo",
    });
    const req = parse(raw);
    // Kamailio printed $ml=[342] $cl=[6] $rp=[5060] for this request.
    expect(req.length).toBe(342);
    expect(req.contentLength).toBe(6);
    expect(req.header("X-Fold")).toBe("a,\r\n b");
    const tag = "e4b14e5c6a641c9c87342ac1f3ea819d.06dbe85d";
    expect(buildReply(req, 486, "Busy Here", tag, undefined, { source: { ip: "127.0.0.3", port: 35999 } })).toBe(
      "SIP/2.0 486 Busy Here\r\n" +
        "Via: SIP/2.0/UDP 127.0.0.3:35999;branch=z9hG4bKcallers-7-0;rport=35999;received=127.0.0.3\r\n" +
        "From: <sip:user7@example.com>;tag=ft-callers-7\r\n" +
        `To: <sip:bob@example.com>;tag=${tag}\r\n` +
        "Call-ID: callers-7-1@kamsim\r\n" +
        "CSeq: 7 INVITE\r\n" +
        "Server: kamailio (5.6.3 (x86_64/linux))\r\n" +
        "Content-Length: 0\r\n\r\n",
    );
  });
});
