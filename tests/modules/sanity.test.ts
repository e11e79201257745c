/**
 * sanity_check() and sanity_reply() (modules/sanity/sanity.c, sanity_mod.c): which check fails,
 * the reply it sends (code, reason, the 420's Unsupported header), the lines it writes and what
 * the function returns with autodrop and noreply. The same requests agree with Kamailio 5.6.3 in
 * tests/kamailio/cases/call-sanity-*.
 */
import { describe, expect, it } from "vitest";
import type { SimEvent } from "../../src/engine/index.js";
import { runMessages, scriptConfig, scriptView } from "../support/script.js";

interface Req {
  method?: string;
  ruri?: string;
  version?: string;
  cseq?: string;
  from?: string;
  extra?: string;
  /** Content-Length written; the body's length when absent, none when null. */
  cl?: number | null;
  body?: string;
}

function raw(r: Req): string {
  const m = r.method ?? "OPTIONS";
  const body = r.body ?? "";
  const cl = r.cl === null ? "" : `Content-Length: ${r.cl ?? body.length}\r\n`;
  return (
    `${m} ${r.ruri ?? "sip:bob@example.net"} ${r.version ?? "SIP/2.0"}\r\n` +
    "Via: SIP/2.0/UDP 127.0.0.9:5070;branch=z9hG4bK-u\r\n" +
    `From: ${r.from ?? "<sip:alice@example.org>;tag=a"}\r\nTo: <sip:bob@example.net>\r\nCall-ID: u-1\r\n` +
    `CSeq: ${r.cseq ?? `1 ${m}`}\r\n${r.extra ?? ""}${cl}\r\n${body}`
  );
}

interface Outcome {
  lines: string[];
  replies: string[];
  sent: string[];
}

/** The script config with sl and sanity, then `params` (modparam lines) before the route. */
function config(body: string, params: readonly string[]): string {
  const cfg = scriptConfig(body, { modules: ["sl", "textops", "sanity"] });
  return cfg.replace("request_route {", `${params.join("\n")}\nrequest_route {`);
}

function run(body: string, reqs: readonly Req[], params: readonly string[] = []): Outcome {
  const r = runMessages(config(body, params), reqs.map(raw), 5070);
  const replies = r.events.flatMap((e: SimEvent) => (e.kind === "reply" ? [`${e.code} ${e.reason}`] : []));
  const sent = r.events.flatMap((e: SimEvent) => (e.kind === "sip" && e.op === "send" ? [e.text] : []));
  return { lines: scriptView(r.lines.map((l) => l.replace(/^\s*\d+\(\d+\) /, ""))), replies, sent };
}

const CHECK = 'sanity_check(); xlog("L_INFO", "rc=$rc\\n");';

describe("sanity_check() with the default checks", () => {
  it("passes a good request, warns about a missing Content-Length", () => {
    const o = run(CHECK, [{}, { cl: null }]);
    expect(o.lines).toEqual([
      "rc=1",
      "WARNING: sanity [sanity.c:612]: check_cl(): content length header missing in request",
      "rc=1",
    ]);
    expect(o.replies).toEqual([]);
  });

  it("answers each failing check with its reply and ends the script (autodrop)", () => {
    const o = run(CHECK, [
      { cl: 9, body: "abc" },
      { cseq: "1x OPTIONS" },
      { cseq: "4294967296 OPTIONS" },
      { cseq: "4294967297 OPTIONS" },
      { cseq: "1 INVITE" },
      { version: "SIP/2.00" },
      { ruri: "http://x" },
      { extra: "Expires: soon\r\n" },
      { extra: "Proxy-Require: foo, bar\r\n" },
      { extra: 'Authorization: Digest username="", realm="r", nonce="n", uri="sip:x", response="1"\r\n' },
    ]);
    expect(o.replies).toEqual([
      "400 Content-Length mis-match",
      "400 CSeq number is illegal",
      "400 CSeq number is illegal",
      "400 CSeq method does not match request method",
      "505 Version Not Supported (R-URI)",
      "400 Bad Request URI",
      "400 Expires value is illegal",
      "420 Bad Proxy Require Extension",
      "400 Auth Empty User",
    ]);
    // Only the limit itself passes str2valid_uint(); every failure returned 0 and ended the script.
    expect(o.lines).toEqual([
      "rc=1",
      "WARNING: sanity [sanity.c:282]: check_ruri_scheme(): failed to parse request uri [http://x]",
    ]);
    expect(o.sent.find((t) => t.startsWith("SIP/2.0 420"))).toContain("\r\nUnsupported: foo\r\n");
  });

  it("fails silently on non-digest credentials and never answers an ACK", () => {
    const o = run(CHECK, [{ extra: "Authorization: Basic YTpi\r\n" }, { method: "ACK", cseq: "1y ACK" }]);
    expect(o.replies).toEqual([]);
    expect(o.lines).toEqual([]);
  });
});

describe("sanity's parameters", () => {
  it("autodrop=0 returns -1; the stock config's masks check From and To URIs, not Proxy-Require", () => {
    const body = 'if (!sanity_check("17895", "7")) { xlog("L_INFO", "bad rc=$rc\\n"); exit; } xlog("L_INFO", "ok\\n");';
    const o = run(
      body,
      [{ from: "<sip:alice@>;tag=a" }, { extra: "Proxy-Require: foo\r\n" }],
      ['modparam("sanity", "autodrop", 0)'],
    );
    expect(o.lines).toEqual([
      "ERROR: <core> [core/parser/parse_from.c:107]: parse_from_uri(): failed to parse From uri",
      "WARNING: sanity [sanity.c:778]: check_parse_uris(): invalid From header or uri",
      "bad rc=-1",
      "ok",
    ]);
    expect(o.replies).toEqual(["400 Invalid From Header"]);
  });

  it("proxy_require lists accepted extensions, compared case-sensitively", () => {
    const o = run(
      CHECK,
      [{ extra: "Proxy-Require: sec-agree ,  100rel\r\n" }, { extra: "Proxy-Require: Sec-Agree\r\n" }],
      ['modparam("sanity", "proxy_require", " sec-agree, 100rel ")'],
    );
    expect(o.lines).toEqual(["rc=1"]);
    expect(o.replies).toEqual(["420 Bad Proxy Require Extension"]);
  });

  it("noreply keeps the reply for sanity_reply(); without one it sends 500", () => {
    const body =
      'if (is_present_hf("X-Check")) sanity_check("64"); xlog("L_INFO", "check rc=$rc\\n"); sanity_reply(); xlog("L_INFO", "reply rc=$rc\\n");';
    const o = run(
      body,
      [{ cseq: "7z OPTIONS", extra: "X-Check: 1\r\n" }, {}],
      ['modparam("sanity", "noreply", 1)', 'modparam("sanity", "autodrop", 0)'],
    );
    expect(o.replies).toEqual(["400 CSeq number is illegal", "500 Server Sanity Failure"]);
    expect(o.lines).toEqual([
      "check rc=-1",
      "reply rc=1",
      // $rc is is_present_hf()'s -1: no check ran for this message.
      "check rc=-1",
      "INFO: sanity [sanity.c:82]: ki_sanity_reply(): no sanity reply info set - sending 500",
      "reply rc=1",
    ]);
  });

  it("masks out of range are w_sanity_check()'s error and -1", () => {
    const o = run(
      'sanity_check("0"); xlog("L_INFO", "rc=$rc\\n"); sanity_check("1", "16"); xlog("L_INFO", "rc=$rc\\n");',
      [{}],
    );
    expect(o.lines).toEqual([
      "ERROR: sanity [sanity_mod.c:243]: w_sanity_check(): input parameter (0) outside of valid range <1-32768)",
      "rc=-1",
      "ERROR: sanity [sanity_mod.c:248]: w_sanity_check(): second input parameter (16) outside of valid range <1-16",
      "rc=-1",
    ]);
  });
});
