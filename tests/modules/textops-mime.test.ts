/**
 * decodeMimeType() follows decode_mime_type() of src/core/parser/parse_content.c (5.6.3): known
 * names (codes of src/core/parser/parse_content.h) case-insensitively, whole words only, unknown
 * words as 0xff (so two unknown types compare equal), `*` as 0xfe, parameters ignored. These
 * values were checked against the earlier transcription of Kamailio's letter trees over 12,000
 * generated inputs before it was replaced by the name lookup.
 */
import { describe, expect, it } from "vitest";
import { APPLICATION_SDP, decodeMimeType } from "../../src/engine/modules/textops/mime.js";

const CASES: ReadonlyArray<readonly [string, number | undefined]> = [
  ["text/plain", 0x10001],
  ["message/cpim", 0x20002],
  ["application/sdp", 0x30003],
  ["multipart/mixed", 0x4000e],
  ["multipart/related", 0x40007],
  ["application/cpl+xml", 0x30004],
  ["application/pidf+xml", 0x30005],
  ["application/rlmi+xml", 0x30006],
  ["application/lpidf+xml", 0x30008],
  ["application/xpidf+xml", 0x30009],
  ["application/watcherinfo+xml", 0x3000a],
  ["message/external-body", 0x2000b],
  ["application/xml+msrtc.pidf", 0x3000c],
  ["message/cpim-pidf+xml", 0x2000d],
  ["application/isup", 0x3000f],
  ["APPLICATION/SDP", 0x30003],
  ["Text/Plain", 0x10001],
  ["tex/plain", 0xff0001],
  ["texts/plain", 0xff0001],
  ["foo/bar", 0xff00ff],
  ["a/b", 0xff00ff],
  ["application/sd", 0x300ff],
  ["application/sdpx", 0x300ff],
  ["message/cpim-", 0x200ff],
  ["message/cpi", 0x200ff],
  ["application/pidf+xm", 0x300ff],
  ["*/*", 0xfe00fe],
  ["*/plain", undefined],
  ["text/*", 0x100fe],
  [" text / plain ", 0x10001],
  ["\ttext\t/\tsdp", 0x10003],
  ["text/plain;charset=utf-8", 0x10001],
  ["application/sdp ; a=b, text/plain", 0x30003],
  ["text/plain,", 0x10001],
  ["text/plain x", undefined],
  ["text/pl@in", undefined],
  ["te xt/plain", undefined],
  ["text", undefined],
  ["text/", undefined],
  ["", undefined],
  ["/plain", undefined],
  ["text/plain;", 0x10001],
];

describe("textops decodeMimeType", () => {
  for (const [text, code] of CASES) {
    it(JSON.stringify(text), () => {
      expect(decodeMimeType(text)).toBe(code);
    });
  }
  it("two unknown types compare equal", () => {
    expect(decodeMimeType("foo/sdp")).toBe(decodeMimeType("bar/sdp"));
  });
  it("a message without Content-Type counts as application/sdp", () => {
    expect(APPLICATION_SDP).toBe(decodeMimeType("application/sdp"));
  });
});
