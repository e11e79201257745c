/**
 * Raw datagrams through a whole simulation: the traffic file keeps them as written, the SIP
 * worker judges them as Kamailio 5.6.3's receive path does (src/engine/sip/receive.ts), and a
 * dropped one runs no script and gets no reply (the receive-* differential cases check the same
 * against the real Kamailio).
 */
import { describe, expect, it } from "vitest";
import { runMessages, scriptConfig } from "../support/script.js";

const CONFIG = scriptConfig(
  `    xlog("L_INFO", "$ci $ml\\n");
    sl_send_reply("200", "OK");`,
  { modules: ["sl"] },
);
const HEADERS = [
  "Via: SIP/2.0/UDP 127.0.0.9:5070;branch=z9hG4bK-u",
  "From: <sip:alice@example.org>;tag=a",
  "To: <sip:bob@example.net>",
  "CSeq: 1 OPTIONS",
  "Content-Length: 0",
];
const options = (callId: string, headers: string[], eol = "\r\n") =>
  `OPTIONS sip:bob@example.net SIP/2.0${eol}${[...headers, `Call-ID: ${callId}`].map((h) => h + eol).join("")}${eol}`;

function run(raws: string[], config = CONFIG) {
  return runMessages(config, raws, 5070);
}

describe("the receive path in a simulation", () => {
  it("drops a request without a Via before the script, with Kamailio's line and no reply", () => {
    const r = run([options("with-via", HEADERS), options("no-via", HEADERS.slice(1))]);
    const lines = r.lines.map((l) => l.replace(/^\s*\d+\(\d+\) /, ""));
    expect(lines).toEqual([
      "INFO: <script>: with-via 208",
      "ERROR: <core> [core/receive.c:439]: receive_msg(): no via found in request",
    ]);
    const replies = r.events.flatMap((e) => (e.kind === "reply" ? [e.req] : []));
    expect(replies).toEqual([1]);
    const rejected = r.events.filter((e) => e.kind === "request" && e.phase === "rejected");
    expect(rejected).toEqual([
      expect.objectContaining({
        req: 2,
        proc: 1,
        method: "OPTIONS",
        stream: "message",
        reason: "no Via in the request",
      }),
    ]);
  });

  it("keeps bare LF line ends as sent: $ml counts them", () => {
    const r = run([options("lf", HEADERS, "\n"), options("crlf", HEADERS)]);
    expect(r.lines.map((l) => l.replace(/^.*<script>: /, ""))).toEqual(["lf 194", "crlf 204"]);
  });

  it("takes a file with garbage, replies and empty datagrams, and answers only the requests", () => {
    const r = run([
      "",
      "garbage garbage garbage garbage garbage",
      `SIP/2.0 200 OK\r\n${HEADERS.join("\r\n")}\r\nCall-ID: x\r\n\r\n`,
      options("ok", HEADERS),
    ]);
    expect(r.events.flatMap((e) => (e.kind === "reply" ? [e.req] : []))).toEqual([4]);
    const phases = r.events.flatMap((e) =>
      e.kind === "request" && e.phase !== "arrived" && e.phase !== "started" && e.phase !== "done"
        ? [`${e.req} ${e.phase}`]
        : [],
    );
    expect(phases).toEqual(["1 rejected", "2 rejected", "3 reply"]);
  });

  it("puts the core log_prefix on receive_msg()'s checks only, as Kamailio sets it after the header read", () => {
    const config = CONFIG.replace("children=1", 'children=1\nlog_prefix="{$ci} "');
    const r = run(
      [
        options("lp-no-via", HEADERS.slice(1)),
        `OPTIONS  sip:bob@example.net SIP/2.0\r\n${HEADERS.join("\r\n")}\r\n\r\n`,
      ],
      config,
    );
    const lines = r.lines.map((l) => l.replace(/^\s*\d+\(\d+\) /, ""));
    expect(lines[0]).toBe("ERROR: {lp-no-via} <core> [core/receive.c:439]: receive_msg(): no via found in request");
    expect(lines[1]).toBe(
      "ERROR: <core> [core/parser/parse_fline.c:271]: parse_first_line(): parse_first_line: bad message (offset: 28)",
    );
  });

  it("runs the core onreply_route for a reply, with its status line and no R-URI", () => {
    const config = CONFIG.replace(
      'sl_send_reply("200", "OK");\n}',
      'sl_send_reply("200", "OK");\n}\nonreply_route {\n    xlog("L_INFO", "reply $rs $rr $rm $ci $ru\\n");\n}',
    );
    const reply = `SIP/2.0 486 Busy Here\r\n${HEADERS.join("\r\n").replace("1 OPTIONS", "2 INVITE")}\r\nCall-ID: r1\r\n\r\n`;
    const r = run([reply], config);
    expect(r.lines.map((l) => l.replace(/^.*<script>: /, ""))).toEqual(["reply 486 Busy Here INVITE r1 <null>"]);
    expect(r.events.filter((e) => e.kind === "reply")).toEqual([]);
  });
});
