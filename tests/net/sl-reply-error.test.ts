/**
 * sl_reply_error(): with no internal error recorded, Debian's 5.6.3 answered the OPTIONS below
 * with this 500 and logged this ERROR line (kamailio on udp:127.0.0.1:35061, client at
 * 127.0.0.9:5070); a recorded error (tm's E_SEND...) gives err2reason_phrase()'s code and text.
 */
import { describe, expect, it } from "vitest";
import type { SipEvent } from "../../src/engine/events.js";
import { E_BAD_TO, E_SEND, err2reasonPhrase } from "../../src/engine/modules/ser-error.js";
import { runEngine } from "../support/engine.js";

const OPTIONS =
  "OPTIONS sip:bob@example.net SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.9:5070;branch=z9hG4bK-u\r\nFrom: <sip:alice@example.org>;tag=a\r\nTo: <sip:bob@example.net>\r\nCall-ID: u-1\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";

const KAMAILIO_REPLY =
  "SIP/2.0 500 I'm terribly sorry, server error occurred (1/SL)\r\nVia: SIP/2.0/UDP 127.0.0.9:5070;branch=z9hG4bK-u\r\nFrom: <sip:alice@example.org>;tag=a\r\nTo: <sip:bob@example.net>;tag=dccd070d36246c8ef2f0e6db12e0581d.3cd58b48\r\nCall-ID: u-1\r\nCSeq: 1 OPTIONS\r\nServer: kamailio (5.6.3 (x86_64/linux))\r\nContent-Length: 0\r\n\r\n";

describe("sl_reply_error", () => {
  it("replies and logs as Kamailio 5.6.3 does when no error was recorded", () => {
    const r = runEngine(
      `#!KAMAILIO\ndebug=2\nchildren=1\nlisten=udp:127.0.0.1:35061\nloadmodule "sl.so"\nrequest_route {\n  sl_reply_error();\n}\n`,
      { duration: 1, seed: 1, messages: [{ at: 0.5, src: "127.0.0.9", sport: 5070, raw: OPTIONS }] },
    );
    const sent = r.events.filter((e): e is SipEvent => e.kind === "sip" && e.op === "send");
    expect(sent.map((e) => e.text)).toEqual([KAMAILIO_REPLY]);
    expect(r.lines.map((l) => l.replace(/^\s*\d+\(\d+\) /, ""))).toEqual([
      "ERROR: sl [sl_funcs.c:418]: sl_reply_error(): stateless error reply used: I'm terribly sorry, server error occurred (1/SL)",
    ]);
  });

  it("err2reason_phrase() maps internal errors to reply codes (core/error.c)", () => {
    expect(err2reasonPhrase(E_SEND, "SL")).toEqual({
      code: 477,
      reason: "Unfortunately error on sending to next hop occurred (477/SL)",
    });
    expect(err2reasonPhrase(E_BAD_TO, "SL")).toEqual({ code: 400, reason: "Bad To (13/SL)" });
    expect(err2reasonPhrase(-2, "SL")).toEqual({ code: 500, reason: "No error (2/SL)" });
  });
});
