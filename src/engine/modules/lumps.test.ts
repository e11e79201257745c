import { describe, expect, it } from "vitest";
import { SipRequest } from "../sip/message.js";
import { anchorLump, buildRequestText, delLump, insertAfter, insertBefore, msgView } from "./lumps.js";

const RAW =
  "OPTIONS sip:svc@example.com SIP/2.0\r\n" +
  "Via: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK-1\r\n" +
  "X-A: 1\r\n" +
  "X-B: 2\r\n" +
  "s: subj\r\n" +
  "Content-Length: 4\r\n" +
  "\r\n" +
  "body";

function req(raw = RAW): SipRequest {
  const r = SipRequest.parse(raw);
  if ("error" in r) throw new Error(r.error);
  return r;
}

function field(msg: SipRequest, name: string) {
  const f = msgView(msg)?.fields?.find((x) => x.name === name);
  if (!f) throw new Error(name);
  return f;
}

describe("lumps (data_lump.c, msg_translator.c)", () => {
  it("leaves the text as received when nothing is pending, the R-URI aside", () => {
    const m = req();
    expect(buildRequestText(m)).toBe(RAW);
    m.ruri = "sip:other@example.net";
    expect(buildRequestText(m)).toBe(RAW.replace("sip:svc@example.com", "sip:other@example.net"));
  });

  it("an anchor inside a deleted zone moves to its end (lumps_len fixes overlaps): the text is kept", () => {
    const m = req();
    const s = field(m, "s");
    const b = field(m, "X-B");
    // remove_hf("s") first, then append_hf("X-After: 1\r\n", "X-B"): both at the same offset.
    delLump(m, s.start, s.end - s.start);
    const anchor = anchorLump(m, b.end);
    if (!anchor) throw new Error("anchor");
    insertBefore(anchor, "X-After: 1\r\n");
    expect(buildRequestText(m)).toContain("X-B: 2\r\nX-After: 1\r\nContent-Length: 4\r\n");
    expect(buildRequestText(m)).not.toContain("s: subj");
  });

  it("two deletions of the same header delete it once", () => {
    const m = req();
    const a = field(m, "X-A");
    delLump(m, a.start, a.end - a.start);
    delLump(m, a.start, a.end - a.start);
    expect(buildRequestText(m)).toBe(RAW.replace("X-A: 1\r\n", ""));
  });

  it("texts added before one anchor come out newest first (insert_new_lump_before chains)", () => {
    const m = req();
    const anchor = anchorLump(m, field(m, "X-A").start);
    if (!anchor) throw new Error("anchor");
    insertBefore(anchor, "X-1: a\r\n");
    insertBefore(anchor, "X-2: b\r\n");
    insertAfter(anchor, "X-3: c\r\n");
    expect(buildRequestText(m)).toContain("X-2: b\r\nX-1: a\r\nX-3: c\r\nX-A: 1\r\n");
  });

  it("a body change rewrites an existing Content-Length value (adjust_clen)", () => {
    const m = req();
    const v = msgView(m);
    if (!v) throw new Error("view");
    const l = delLump(m, v.bodyStart, 4);
    if (!l) throw new Error("lump");
    insertAfter(l, "longer body");
    expect(buildRequestText(m)).toBe(
      RAW.replace("Content-Length: 4", "Content-Length: 11").replace("body", "longer body"),
    );
  });
});
