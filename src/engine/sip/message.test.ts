import { describe, expect, it } from "vitest";
import { FAKED_SIP_MSG } from "./faked.js";
import { SipRequest } from "./message.js";
import { receiveDatagram } from "./receive.js";
import { uriPort } from "./uri.js";

/** A source for the receive path's log lines. */
const SRC = { ip: "127.0.0.1", port: 5060 };

/** The request of docs/kamailio/pseudo-variables.md#message-values: 330 bytes, sent from 127.0.0.3:35602. */
const SPEC_21 =
  "INVITE sip:bob@127.0.0.1:5098;transport=udp SIP/2.0\r\n" +
  "Via: SIP/2.0/UDP 127.0.0.3:35602;branch=z9hG4bK-spec21-req001\r\n" +
  'From: "Alice" <sip:alice@example.org>;tag=ft1\r\n' +
  "To: <sip:bob@example.net>\r\n" +
  "Call-ID: cid-42@host\r\n" +
  "CSeq: 17 INVITE\r\n" +
  "Max-Forwards: 70\r\n" +
  "Contact: <sip:alice@127.0.0.3:35602>\r\n" +
  "User-Agent: TestUA/1.0\r\n" +
  "Content-Length: 0\r\n" +
  "\r\n";

/** Sent to Kamailio 5.6.3; the expectations below are what its xlog printed. */
const ODD_HEADERS =
  "INVITE sip:bob@127.0.0.1:5098;transport=udp SIP/2.0\r\n" +
  "Via: SIP/2.0/UDP 127.0.0.3:5060;branch=z9hG4bKabc;rport\r\n" +
  "v: SIP/2.0/UDP 10.0.0.1:5070;branch=z9hG4bKdef, SIP/2.0/UDP 10.0.0.2;branch=z9hG4bKx\r\n" +
  "Max-Forwards: 70\r\n" +
  'f: "Alice" <sip:alice@example.org>;tag=ft1\r\n' +
  "To: <sip:bob@example.net>\r\n" +
  "i: cid-42@host  \r\n" +
  "CSeq: 17 INVITE\r\n" +
  "User-Agent: TestUA/1.0\r\n" +
  "X-Fold: a,\r\n  b\r\n\tc\r\n" +
  "X-A: first\r\n" +
  "x-a: second\r\n" +
  "X-C: one, two\r\n" +
  "Subject :  hi  there \r\n" +
  "X-Sp:\t v \r\n" +
  "X-Empty:\r\n" +
  "l: 0\r\n" +
  "\r\n";

function parse(raw: string): SipRequest {
  const r = SipRequest.parse(raw);
  if ("error" in r) throw new Error(r.error);
  return r;
}

describe("SipRequest: the request of the message-values table", () => {
  const req = parse(SPEC_21);

  it("gives the request-line values", () => {
    expect(req.method).toBe("INVITE");
    expect(req.ruri).toBe("sip:bob@127.0.0.1:5098;transport=udp");
    expect(req.version).toBe("SIP/2.0");
    expect(req.uri?.user).toBe("bob");
    expect(req.uri?.host).toBe("127.0.0.1");
    expect(req.uri && uriPort(req.uri)).toBe(5098);
  });

  it("gives From and To", () => {
    expect(req.from).toEqual({ display: '"Alice"', uri: "sip:alice@example.org", tag: "ft1" });
    expect(req.to).toEqual({ uri: "sip:bob@example.net" });
    expect(req.to?.tag).toBeUndefined();
  });

  it("gives Call-ID, CSeq, User-Agent and the length", () => {
    expect(req.callId).toBe("cid-42@host");
    expect(req.cseq).toEqual({ num: "17", method: "INVITE" });
    expect(req.userAgent).toBe("TestUA/1.0");
    expect(req.length).toBe(330);
    expect(req.maxForwards).toBe(70);
    expect(req.contentLength).toBe(0);
    expect(req.body).toBe("");
    expect(req.via?.branch).toBe("z9hG4bK-spec21-req001");
    expect(receiveDatagram(req.raw, SRC)).toMatchObject({ kind: "request", logs: [] });
  });
});

describe("SipRequest: the faked request", () => {
  it("gives the values timer routes see", () => {
    const req = parse(FAKED_SIP_MSG);
    expect(req.method).toBe("OPTIONS");
    expect(req.ruri).toBe("sip:you@kamailio.org");
    expect(req.uri?.user).toBe("you");
    expect(req.uri?.host).toBe("kamailio.org");
    expect(req.from?.uri).toBe("sip:you@kamailio.org");
    expect(req.to?.uri).toBe("sip:you@kamailio.org");
    expect(req.callId).toBe("123");
    expect(req.from?.tag).toBe("123");
    expect(req.cseq?.num).toBe("1");
    expect(req.userAgent).toBeUndefined();
    expect(req.length).toBe(184);
    expect(req.via?.host).toBe("127.0.0.1");
    expect(req.via?.port).toBeUndefined();
  });
});

describe("SipRequest: header bodies as Kamailio 5.6.3 printed them", () => {
  const req = parse(ODD_HEADERS);

  it("maps compact forms both ways and ignores case", () => {
    expect(req.header("From")).toBe('"Alice" <sip:alice@example.org>;tag=ft1');
    expect(req.header("f")).toBe(req.header("FROM"));
    expect(req.header("Call-ID")).toBe("cid-42@host  ");
    expect(req.header("i")).toBe("cid-42@host  ");
    expect(req.header("l")).toBe("0");
    expect(req.header("Content-Length")).toBe("0");
    expect(req.header("x-a")).toBe("first");
    expect(req.header("X-A")).toBe("first");
    expect(req.headers("X-A")).toEqual(["first", "second"]);
    expect(req.header("s")).toBe("hi  there ");
  });

  it("keeps folds verbatim and trims only the start and the line end", () => {
    expect(req.header("X-Fold")).toBe("a,\r\n  b\r\n\tc");
    expect(req.header("X-Sp")).toBe("v ");
    expect(req.header("Subject")).toBe("hi  there ");
    expect(req.header("X-Empty")).toBe("");
    expect(req.header("X-Missing")).toBeUndefined();
    expect(req.headers("X-Missing")).toEqual([]);
    expect(req.callId).toBe("cid-42@host  ");
  });

  it("keeps a comma-separated line as one value", () => {
    expect(req.header("X-C")).toBe("one, two");
    expect(req.headers("Via")).toEqual([
      "SIP/2.0/UDP 127.0.0.3:5060;branch=z9hG4bKabc;rport",
      "SIP/2.0/UDP 10.0.0.1:5070;branch=z9hG4bKdef, SIP/2.0/UDP 10.0.0.2;branch=z9hG4bKx",
    ]);
    expect(req.header("v")).toBe("SIP/2.0/UDP 127.0.0.3:5060;branch=z9hG4bKabc;rport");
    expect(req.via?.branch).toBe("z9hG4bKabc");
    expect(req.from?.tag).toBe("ft1");
    expect(req.length).toBe(457);
    expect(receiveDatagram(req.raw, SRC)).toMatchObject({ kind: "request", logs: [] });
  });

  it("names every field in order", () => {
    expect(req.fields()?.map((f) => f.name)).toEqual([
      "Via",
      "v",
      "Max-Forwards",
      "f",
      "To",
      "i",
      "CSeq",
      "User-Agent",
      "X-Fold",
      "X-A",
      "x-a",
      "X-C",
      "Subject",
      "X-Sp",
      "X-Empty",
      "l",
    ]);
  });
});

describe("SipRequest: From/To forms", () => {
  const req = parse(
    "OPTIONS sip:bob@example.net SIP/2.0\r\n" +
      "Via: SIP/2.0/UDP 127.0.0.3:5060;branch=z9hG4bKabc;rport=1234;x=y  \r\n" +
      "From: Alice  Smith  <sip:alice@example.org> ;tag=x1\r\n" +
      "To: <sip:bob@example.net>;tag=tt9  \r\n" +
      "Call-ID: c2\r\n" +
      "CSeq:  17   OPTIONS  \r\n" +
      "User-Agent: UA\r\n" +
      "Content-Length: 4 \r\n" +
      "\r\n" +
      "abcd",
  );

  it("reads unquoted display names, spaced tags and padded CSeq (5.6.3 output)", () => {
    expect(req.from).toEqual({ display: "Alice  Smith", uri: "sip:alice@example.org", tag: "x1" });
    expect(req.to).toEqual({ uri: "sip:bob@example.net", tag: "tt9" });
    expect(req.header("To")).toBe("<sip:bob@example.net>;tag=tt9  ");
    expect(req.header("CSeq")).toBe("17   OPTIONS  ");
    expect(req.cseq).toEqual({ num: "17", method: "OPTIONS" });
    expect(req.header("Via")).toBe("SIP/2.0/UDP 127.0.0.3:5060;branch=z9hG4bKabc;rport=1234;x=y  ");
    expect(req.header("Content-Length")).toBe("4 ");
    expect(req.contentLength).toBe(4);
    expect(req.body).toBe("abcd");
    expect(req.length).toBe(273);
  });

  it("reads addr-specs without brackets and escaped quotes", () => {
    const lf = parse(
      "MESSAGE sip:bob@example.net SIP/2.0\nVia: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bKabc\n" +
        'From: sip:alice@example.org;tag=x2\nTo: "B \\"q\\"" <sip:bob@example.net>\nCall-ID: c3\n' +
        "CSeq: 2 MESSAGE\nContent-Length: 0\n\n",
    );
    expect(lf.from).toEqual({ uri: "sip:alice@example.org", tag: "x2" });
    expect(lf.to).toEqual({ display: '"B \\"q\\""', uri: "sip:bob@example.net" });
    expect(lf.callId).toBe("c3");
    expect(lf.body).toBe("");
  });
});

describe("SipRequest: R-URI changes", () => {
  it("reflects $ru assignments in uri but not in originalRuri", () => {
    const req = parse(SPEC_21);
    expect(req.uri?.user).toBe("bob");
    req.ruri = "sip:carol@[2001:db8::1]:5070;transport=tls";
    expect(req.ruri).toBe("sip:carol@[2001:db8::1]:5070;transport=tls");
    expect(req.uri?.user).toBe("carol");
    expect(req.uri?.host).toBe("[2001:db8::1]");
    expect(req.originalRuri).toBe("sip:bob@127.0.0.1:5098;transport=udp");
    req.ruri = "not a uri";
    expect(req.uri).toBeUndefined();
  });
});

describe("SipRequest: appended headers", () => {
  it("keeps append_hf lines apart from the received headers", () => {
    const req = parse(SPEC_21);
    req.appendHeader("X-Added: yes\r\n");
    expect(req.appended).toEqual(["X-Added: yes\r\n"]);
    expect(req.header("X-Added")).toBeUndefined();
    expect(req.length).toBe(330);
  });
});

describe("SipRequest: byte length", () => {
  it("counts UTF-8 bytes", () => {
    const raw = SPEC_21.replace("TestUA/1.0", "Tëst€😀");
    // T ë s t € 😀 = 1 + 2 + 1 + 1 + 3 + 4 bytes, for the 10 of "TestUA/1.0".
    expect(parse(raw).length).toBe(330 - 10 + 12);
  });
});

describe("SipRequest: malformed input", () => {
  it.each([
    ["", "empty message"],
    ["\r\n\r\n", "empty message"],
    ["INVITE sip:bob@example.com SIP/2.0", "no line end after the request line"],
    ["INVITE sip:bob@example.com SIP/2.0\r\nVia: SIP/2.0/UDP h\r\n", "no blank line after the headers"],
    ["INVITE\r\n\r\n", "bad request line"],
    ["INVITE sip:bob@example.com\r\n\r\n", "bad request line"],
    ["INVITE sip:bob@example.com SIP/2.0 extra\r\n\r\n", "bad request line"],
    ["INVITE sip:bob@example.com HTTP/1.1\r\n\r\n", "unsupported version"],
    ["SIP/2.0 200 OK\r\n\r\n", "reply"],
  ])("refuses %j", (raw, message) => {
    const r = SipRequest.parse(raw);
    expect("error" in r && r.error).toContain(message);
  });

  it("accepts leading blank lines and a request with no headers", () => {
    const r = parse("\r\nOPTIONS sip:someone@example.com SIP/2.0\r\n\r\n");
    expect(r.method).toBe("OPTIONS");
    expect(r.fields()).toEqual([]);
    // Kamailio's receive path drops it: parse_headers() finds no header at all.
    expect(receiveDatagram(r.raw, SRC)).toMatchObject({ kind: "dropped", reason: "no header" });
  });

  it("gives no headers at all once a header line is broken, like $hdr after a failed parse", () => {
    const req = parse("OPTIONS sip:h SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1\r\nX Bad: 1\r\n\r\n");
    expect(req.fields()).toBeUndefined();
    expect(req.header("Via")).toBeUndefined();
    expect(req.method).toBe("OPTIONS");
  });
});
