/**
 * The receive path against what Kamailio 5.6.3 printed for the same datagrams (the receive-*
 * differential cases hold the same datagrams and are compared with the real Kamailio).
 */
import { describe, expect, it } from "vitest";
import type { CoreLogEntry } from "./core-log-entry.js";
import type { SipRequest } from "./message.js";
import { receiveDatagram } from "./receive.js";

const SRC = { ip: "127.0.110.1", port: 5060 };
const HEADERS = [
  "Via: SIP/2.0/UDP 127.0.110.1:5060;branch=z9hG4bK-1",
  "From: <sip:alice@example.com>;tag=f1",
  "To: <sip:svc@example.com>",
  "Call-ID: c1",
  "CSeq: 1 OPTIONS",
  "Content-Length: 0",
];
const request = (first: string, headers = HEADERS, eol = "\r\n", body = "") =>
  `${first}${eol}${headers.map((h) => h + eol).join("")}${eol}${body}`;
const OPTIONS = "OPTIONS sip:svc@127.0.0.1 SIP/2.0";

/** `[core/AT]: FN(): TEXT`, as the line prints after `<core> `. */
const lines = (logs: readonly CoreLogEntry[]) => logs.map((l) => `[core/${l.at}]: ${l.fn}(): ${l.text}`);
const PARSE_FAILED = "[core/receive.c:376]: receive_msg(): core parsing of SIP message failed (127.0.110.1:5060/1)";
const parseMsg = (raw: string) => `[core/parser/msg_parser.c:749]: parse_msg(): ERROR: parse_msg: message=<${raw}>`;

function accepted(raw: string): SipRequest {
  const r = receiveDatagram(raw, SRC);
  if (r.kind !== "request") throw new Error(`not accepted: ${JSON.stringify(r)}`);
  expect(r.logs).toEqual([]);
  return r.msg;
}

describe("the receive path", () => {
  it("takes a well-formed request, byte for byte", () => {
    const raw = request(OPTIONS);
    const m = accepted(raw);
    expect([m.method, m.ruri, m.callId, m.cseq?.num, m.length]).toEqual([
      "OPTIONS",
      "sip:svc@127.0.0.1",
      "c1",
      "1",
      203,
    ]);
  });

  it("takes bare LF line ends and keeps them", () => {
    const raw = request(OPTIONS, [...HEADERS.slice(0, 5), "Content-Length: 4"], "\n", "a\nb\n");
    const m = accepted(raw);
    expect(m.raw).toBe(raw);
    expect([m.length, m.body, m.header("To"), m.from?.tag]).toEqual([199, "a\nb\n", "<sip:svc@example.com>", "f1"]);
  });

  it.each([
    ["empty", ""],
    ["31 bytes", "0123456789012345678901234567890"],
  ])("drops a datagram under 32 bytes without a word (%s)", (_, raw) => {
    expect(receiveDatagram(raw, SRC)).toMatchObject({ kind: "dropped", logs: [] });
  });

  it("logs a message too short after its leading blanks", () => {
    const raw = `${"\r\n".repeat(10)}OPTIONS sip:a\r\n`;
    const r = receiveDatagram(raw, SRC);
    expect(r.kind).toBe("dropped");
    expect(lines(r.logs)).toEqual([
      "[core/parser/parse_fline.c:80]: parse_first_line(): message too short: 15 [OPTIONS sip:a\r\n]",
      "[core/parser/parse_fline.c:271]: parse_first_line(): parse_first_line: bad message (offset: 0)",
      parseMsg(raw),
      PARSE_FAILED,
    ]);
    expect(r.logs.map((l) => l.level)).toEqual([2, -1, -1, -1]);
  });

  it.each([
    ["this is not sip at all, just some text without a line end", 11],
    ["\u00e9t\u00e9 \u00e0 la plage avec des caract\u00e8res non ASCII\r\n\r\n", 11],
    [request("OPTIONS  sip:svc@127.0.0.1 SIP/2.0"), 26],
    [request("OPTIONS sip:svc@127.0.0.1"), 25],
    [request("OPTIONS sip:svc@127.0.0.1 SIP/2.0 extra"), 33],
    [request("SIP/2.0 2x0 OK"), 12],
  ])("counts the bytes read before a bad first line: %j", (raw, offset) => {
    const r = receiveDatagram(raw, SRC);
    expect(r.kind).toBe("dropped");
    expect(lines(r.logs).slice(-3)).toEqual([
      `[core/parser/parse_fline.c:271]: parse_first_line(): parse_first_line: bad message (offset: ${offset})`,
      parseMsg(raw),
      PARSE_FAILED,
    ]);
  });

  it("says why a method is not followed by a space", () => {
    const r = receiveDatagram(request("OPTIONS\tsip:svc@127.0.0.1 SIP/2.0"), SRC);
    expect(lines(r.logs)[0]).toBe("[core/parser/parse_fline.c:147]: parse_first_line(): method not followed by SP");
  });

  it("drops a request whose version is not SIP/2.0 silently, and takes any case", () => {
    for (const v of ["SIP/3.0", "HTTP/1.1", "SIP/2"])
      expect(receiveDatagram(request(`OPTIONS sip:svc@127.0.0.1 ${v}`), SRC)).toMatchObject({
        kind: "dropped",
        logs: [],
      });
    for (const v of ["sip/2.0", "SIP/2.0x"]) accepted(request(`OPTIONS sip:svc@127.0.0.1 ${v}`));
    expect(accepted(request("options sip:svc@127.0.0.1 SIP/2.0")).method).toBe("options");
    expect(accepted(request("X-Probe.1 sip:svc@127.0.0.1 SIP/2.0")).method).toBe("X-Probe.1");
  });

  it("drops a request without a Via, or without From, To, Call-ID or CSeq", () => {
    const noVia = receiveDatagram(request(OPTIONS, HEADERS.slice(1)), SRC);
    expect(lines(noVia.logs)).toEqual(["[core/receive.c:439]: receive_msg(): no via found in request"]);
    for (const i of [1, 2, 3, 4]) {
      const r = receiveDatagram(
        request(
          OPTIONS,
          HEADERS.filter((_, j) => j !== i),
        ),
        SRC,
      );
      expect(r.kind).toBe("dropped");
      expect(lines(r.logs)).toEqual(["[core/receive.c:447]: receive_msg(): required headers not found in request"]);
    }
    expect(accepted(request(OPTIONS, [...HEADERS.slice(1), "v: SIP/2.0/UDP 127.0.110.1"])).callId).toBe("c1");
  });

  it("fails a bad header line the core reads, with the rest of the datagram", () => {
    const headers = [HEADERS[0], "Call-ID: x", "no colon here", ...HEADERS.slice(1, 3), HEADERS[4]] as string[];
    const raw = request(OPTIONS, headers);
    const rest = raw.slice(raw.indexOf("no colon"));
    const r = receiveDatagram(raw, SRC);
    expect(lines(r.logs)).toEqual([
      `[core/parser/parse_hname2.c:270]: parse_sip_header_name(): invalid header name for [${rest}]`,
      "[core/parser/msg_parser.c:98]: get_hdr_field(): bad header",
      `[core/parser/msg_parser.c:339]: parse_headers(): bad header field [${rest}]`,
      "[core/receive.c:386]: receive_msg(): parsing relevant headers failed",
      "[core/receive.c:447]: receive_msg(): required headers not found in request",
    ]);
  });

  it("leaves a bad header line after the ones it needs to whoever reads it", () => {
    const m = accepted(request(OPTIONS, [...HEADERS, "this line comes later"]));
    expect([m.callId, m.from?.uri, m.to?.uri, m.cseq?.num]).toEqual([
      "c1",
      "sip:alice@example.com",
      "sip:svc@example.com",
      "1",
    ]);
  });

  it.each([
    [
      "SIP/2.0/UDP 127.0.0.1:abc;branch=z",
      [
        "[core/parser/parse_via.c:2675]: parse_via(): invalid port number <abc>",
        "parsing via on",
        "[core/parser/parse_via.c:2709]: parse_via(): parse error, parsed so far:<SIP/2.0/UDP 127.0.0.1:abc;branch=z\r\n>",
      ],
    ],
    [
      "SIP/3.0/UDP 127.0.0.1",
      [
        "[core/parser/parse_via.c:2051]: parse_via(): bad char <3> on state 105",
        "parsing via on",
        "[core/parser/parse_via.c:2709]: parse_via(): parse error, parsed so far:<SIP/>",
      ],
    ],
    [
      "garbage",
      [
        "[core/parser/parse_via.c:2051]: parse_via(): bad char <g> on state 100",
        "parsing via on",
        "[core/parser/parse_via.c:2712]: parse_via(): via parse error",
      ],
    ],
    [
      "SIP/2.0/UDP",
      [
        "[core/parser/parse_via.c:2654]: parse_via(): invalid via - end of header in state 0",
        "parsing via on",
        "[core/parser/parse_via.c:2709]: parse_via(): parse error, parsed so far:<SIP/2.0/UDP\r\n>",
      ],
    ],
    [
      "SIP/2.0/UDP a:5060,  junk",
      [
        "[core/parser/parse_via.c:2051]: parse_via(): bad char <j> on state 100",
        "parsing via on",
        "[core/parser/parse_via.c:2712]: parse_via(): via parse error",
      ],
    ],
  ])("fails a bad Via %j with parse_via()'s words", (via, expected) => {
    const raw = request(OPTIONS, [`Via: ${via}`, ...HEADERS.slice(1)]);
    const r = receiveDatagram(raw, SRC);
    const got = lines(r.logs).map((l) => (l.includes("parsing via on: <") ? "parsing via on" : l));
    expect(got.slice(0, 3)).toEqual(expected);
    expect(got.slice(3, 5)).toEqual([
      "[core/parser/msg_parser.c:127]: get_hdr_field(): bad via",
      `[core/parser/msg_parser.c:339]: parse_headers(): bad header field [${raw.slice(raw.indexOf("Via:"), raw.indexOf("Via:") + 100)}]`,
    ]);
    expect(got.slice(5)).toEqual([parseMsg(raw), PARSE_FAILED]);
  });

  it.each([
    "SIP/2.0/XYZ 127.0.0.1:5060;branch=z",
    "SIP / 2.0 / TCP 127.0.0.1;branch=z",
    "SIP/2.0/UDP a;branch=1, SIP/2.0/TLS b:5061",
    "SIP/2.0/UDP\r\n 127.0.0.1:5060",
  ])("takes the Via %j", (via) => {
    accepted(request(OPTIONS, [`Via: ${via}`, ...HEADERS.slice(1)]));
  });

  it("judges a Via cut by the end of the datagram as parse_via() does", () => {
    const head = `${OPTIONS}\r\n${HEADERS.slice(1, 5).join("\r\n")}\r\n`;
    accepted(`${head}Via: SIP/2.0/UDP 127.0.0.1:5060`);
    accepted(`${head}Via: SIP/2.0/UDP 127.0.0.1`);
    const param = receiveDatagram(`${head}Via: SIP/2.0/UDP 127.0.0.1:5060;lr`, SRC);
    expect(lines(param.logs).slice(0, 3)).toEqual([
      "[core/parser/parse_via.c:1324]: parse_via_param(): failure parsing via param",
      "[core/parser/parse_via.c:2706]: parse_via(): parsing via on: <SIP/2.0/UDP 127.0.0.1:5060;lr>",
      "[core/parser/parse_via.c:2712]: parse_via(): via parse error",
    ]);
    const lineEnd = receiveDatagram(`${head}Via: SIP/2.0/UDP 127.0.0.1:5060\r\n`, SRC);
    expect(lines(lineEnd.logs)[0]).toBe(
      "[core/parser/parse_via.c:2654]: parse_via(): invalid via - end of header in state 14",
    );
  });

  it("fails a CSeq parse_cseq() refuses, and takes any number", () => {
    const bad = receiveDatagram(request(OPTIONS, [...HEADERS.slice(0, 4), "CSeq: abc"]), SRC);
    expect(lines(bad.logs).slice(0, 3)).toEqual([
      "[core/parser/parse_cseq.c:61]: parse_cseq(): no method found",
      "[core/parser/parse_cseq.c:92]: parse_cseq(): bad cseq",
      "[core/parser/msg_parser.c:146]: get_hdr_field(): bad cseq",
    ]);
    const extra = receiveDatagram(request(OPTIONS, [...HEADERS.slice(0, 4), "CSeq: 8 OPTIONS extra"]), SRC);
    expect(lines(extra.logs)[0]).toBe("[core/parser/parse_cseq.c:89]: parse_cseq(): CSeq EoL expected");
    expect(accepted(request(OPTIONS, [...HEADERS.slice(0, 4), "CSeq: x1 INVITE"])).cseq?.num).toBe("x1");
  });

  it("refuses a duplicate it reads in a SIP message", () => {
    const raw = request(OPTIONS, [
      HEADERS[0],
      "Call-ID: a",
      "Call-ID: b",
      ...HEADERS.slice(1, 3),
      HEADERS[4],
    ] as string[]);
    const r = receiveDatagram(raw, SRC);
    expect(lines(r.logs)[0]).toBe(
      `[core/parser/msg_parser.c:364]: parse_headers(): duplicate Call-ID header field [${raw.slice(raw.indexOf("Call-ID: b"), raw.indexOf("Call-ID: b") + 100)}]`,
    );
    expect(accepted(request(OPTIONS, [...HEADERS, "Call-ID: late"])).callId).toBe("c1");
  });

  it("knows the headers it reads in any case and in compact form (parse_hname2.c)", () => {
    const compact = ["v: SIP/2.0/UDP 127.0.110.1:5060;branch=z9hG4bK-1", "f: <sip:a@h>;tag=1", "t: <sip:b@h>"];
    const m = accepted(request(OPTIONS, [...compact, "i: c9", "cSeQ: 2 OPTIONS", "l: 0"]));
    expect([m.callId, m.cseq?.num, m.from?.tag]).toEqual(["c9", "2", "1"]);
    const dup = (a: string, b: string, name: string) => {
      const raw = request(OPTIONS, [...HEADERS.slice(0, 5), a, b]);
      const r = receiveDatagram(raw, { ...SRC });
      // The core reads the last two only when a full read asks for them: a request's headersFailure().
      const failure = r.kind === "request" ? r.msg.headersFailure() : r.logs;
      expect(lines(failure ?? [])[0], `${a} / ${b}`).toMatch(`duplicate ${name} header field`);
    };
    dup("MAX-FORWARDS: 70", "max-Forwards: 69", "Max-Forwards");
    dup("l: 0", "content-LENGTH: 0", "Content-Length");
    dup("T: <sip:c@h>", "X: y", "To");
    dup("I: x", "X: y", "Call-ID");
    dup("F: <sip:c@h>;tag=2", "X: y", "From");
    dup("CSEQ: 3 OPTIONS", "X: y", "CSeq");
    // Names that only look alike are other headers.
    expect(accepted(request(OPTIONS, [...HEADERS, "Tox: 1", "Vias: 2", "Call-Ids: 3", "From-: 4"])).callId).toBe("c1");
  });

  it("fails a Content-Length it reads", () => {
    const r = receiveDatagram(
      request(OPTIONS, [HEADERS[0], "Content-Length: abc", ...HEADERS.slice(1, 5)] as string[]),
      SRC,
    );
    expect(lines(r.logs).slice(0, 2)).toEqual([
      "[core/parser/parse_content.c:276]: parse_content_length(): parse error near char [97][a]",
      "[core/parser/msg_parser.c:182]: get_hdr_field(): bad content_length header",
    ]);
  });

  it("fails a Content-Length cut by the end of the datagram, or too large", () => {
    const head = `${OPTIONS}\r\n${HEADERS.slice(0, 3).join("\r\n")}\r\nCSeq: 1 OPTIONS\r\n`;
    const cut = receiveDatagram(`${head}Content-Length: 0`, SRC);
    expect(lines(cut.logs)[0]).toMatch(
      /^\[core\/parser\/parse_content\.c:278\]: parse_content_length\(\): parse error over the end of input: 0x[0-9a-f]{12} - 0x[0-9a-f]{12}$/,
    );
    const huge = receiveDatagram(`${head}Content-Length: 12345678901\r\n\r\n`, SRC);
    expect(lines(huge.logs).slice(0, 2)).toEqual([
      "[core/parser/parse_content.c:237]: parse_content_length(): content lenght value is too large",
      "[core/parser/parse_content.c:276]: parse_content_length(): parse error near char [49][1]",
    ]);
    const callId = receiveDatagram(
      `${OPTIONS}\r\n${HEADERS.slice(0, 3).join("\r\n")}\r\nCSeq: 1 OPTIONS\r\nCall-ID: x-last`,
      SRC,
    );
    expect(lines(callId.logs)[0]).toBe(
      "[core/parser/msg_parser.c:259]: get_hdr_field(): no eol - bad body for <Call-ID> (hdr type: 6) [x-last]",
    );
  });

  it("takes headers without an empty line after them, with an empty body", () => {
    const raw = `${OPTIONS}\r\n${HEADERS.map((h) => `${h}\r\n`).join("")}`;
    expect(accepted(raw).body).toBe("");
  });

  it("takes replies, and checks their Via and headers", () => {
    expect(receiveDatagram(request("SIP/2.0 200 OK"), SRC)).toMatchObject({ kind: "reply", status: "200", logs: [] });
    expect(receiveDatagram(request("sip/2.0 180 Ringing"), SRC)).toMatchObject({ kind: "reply", status: "180" });
    const noVia = receiveDatagram(request("SIP/2.0 200 OK", HEADERS.slice(1)), SRC);
    expect(lines(noVia.logs)).toEqual(["[core/receive.c:539]: receive_msg(): no via found in reply"]);
    const short = receiveDatagram(request("SIP/2.0 20 OK"), SRC);
    expect(lines(short.logs)[0]).toBe("[core/parser/parse_fline.c:182]: parse_first_line(): len(status code)!=3: 20");
  });
});
