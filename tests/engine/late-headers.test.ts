/**
 * A bad header below From, To, Call-ID and CSeq: the receive path lets the script run, and each
 * later full read of the headers fails with the core's lines, as Kamailio 5.6.3's
 * parse_headers(msg, HDR_EOH_F) does (core/parser/msg_parser.c): `$hdr()` (pv_get_hdr_helper())
 * and `$rb` (get_body()) give <null>, sl_send_reply() sends nothing (build_res_buf_from_sip_req(),
 * core/msg_translator.c). The receive2-late-headers differential case shows the same on Kamailio.
 */
import { describe, expect, it } from "vitest";
import { logLines, runMessages, scriptConfig } from "../support/script.js";

const CONFIG = scriptConfig(
  `    xlog("L_INFO", "$ci: ci=$ci hdr=[$hdr(X-Before)]\\n");
    xlog("L_INFO", "$ci: body=[$rb]\\n");
    sl_send_reply("200", "OK");`,
  { modules: ["sl"] },
);

function request(callId: string, bad: string): string {
  return [
    "OPTIONS sip:svc@127.0.0.1 SIP/2.0",
    "Via: SIP/2.0/UDP 127.0.0.9:5060;branch=z9hG4bK-l",
    "From: <sip:alice@example.com>;tag=f",
    "To: <sip:svc@example.com>",
    `Call-ID: ${callId}`,
    "CSeq: 1 OPTIONS",
    "X-Before: b",
    bad,
    "Content-Length: 4",
    "",
    "body",
  ].join("\r\n");
}

function run(raws: string[]) {
  const r = runMessages(CONFIG, raws, 5060);
  return {
    lines: logLines(r),
    replies: r.events.flatMap((e) => (e.kind === "reply" ? [e.req] : [])),
  };
}

describe("headers read after the receive path", () => {
  it("a good request reads its headers and body and is answered", () => {
    const r = run([request("good", "X-Fine: 1")]);
    expect(r.lines).toEqual(["INFO: <script>: good: ci=good hdr=[b]", "INFO: <script>: good: body=[body]"]);
    expect(r.replies).toEqual([1]);
  });

  it("a duplicate Call-ID fails $hdr, $rb and the reply, each with parse_headers()'s line", () => {
    const r = run([request("dup", "Call-ID: second")]);
    const dup =
      "ERROR: <core> [core/parser/msg_parser.c:364]: parse_headers(): duplicate Call-ID header field [Call-ID: second\r\nContent-Length: 4\r\n\r\nbody]";
    expect(r.lines).toEqual([
      dup,
      "ERROR: pv [pv_core.c:2002]: pv_get_hdr_helper(): error parsing headers",
      "INFO: <script>: dup: ci=dup hdr=[<null>]",
      dup,
      "ERROR: <core> [core/parser/msg_parser.c:1384]: get_body(): failed to parse to end of headers",
      "INFO: <script>: dup: body=[<null>]",
      dup,
      "ERROR: <core> [core/msg_translator.c:2409]: build_res_buf_from_sip_req(): alas, parse_headers failed",
    ]);
    expect(r.replies).toEqual([]);
  });

  it("a second To with an open '<' logs parse_addr_spec()'s detail before bad to header", () => {
    const r = run([request("to", "t: <sip:bob@example.com")]);
    expect(r.lines.slice(0, 3)).toEqual([
      "ERROR: <core> [core/parser/parse_addr_spec.c:681]: parse_addr_spec(): unexpected char [\r/13] in status 6: [<sip:bob@example.com] .",
      "ERROR: <core> [core/parser/msg_parser.c:166]: get_hdr_field(): bad to header",
      "ERROR: <core> [core/parser/msg_parser.c:339]: parse_headers(): bad header field [t: <sip:bob@example.com\r\nContent-Length: 4\r\n\r\nbody]",
    ]);
    expect(r.lines).toContain("INFO: <script>: to: ci=to hdr=[<null>]");
  });

  it("$hdrc and textops functions log the parser's lines before their own", () => {
    const config = `#!KAMAILIO
debug=2
children=1
loadmodule "pv.so"
loadmodule "xlog.so"
loadmodule "textops.so"
request_route {
    xlog("L_INFO", "hdrc=$hdrc(X-Before)\\n");
    if (!is_present_hf("X-Before")) xlog("L_INFO", "not present\\n");
}
`;
    const lines = logLines(runMessages(config, [request("tx", "CSeq: 2 OPTIONS")], 5060));
    const dup =
      "ERROR: <core> [core/parser/msg_parser.c:394]: parse_headers(): duplicate CSeq header field [CSeq: 2 OPTIONS\r\nContent-Length: 4\r\n\r\nbody]";
    expect(lines).toEqual([
      dup,
      "ERROR: pv [pv_core.c:2213]: pv_get_hdrc(): error parsing headers",
      "INFO: <script>: hdrc=0",
      dup,
      "ERROR: textops [textops.c:2042]: is_present_hf_helper_f(): error while parsing message headers",
      "INFO: <script>: not present",
    ]);
  });
});
