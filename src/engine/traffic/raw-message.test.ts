import { describe, expect, it } from "vitest";
import { checkRawMessage } from "./raw-message.js";

describe("raw messages", () => {
  it("normalises the head's line ends and keeps the body as written", () => {
    const raw =
      "MESSAGE sip:bob@example.com SIP/2.0\nVia: SIP/2.0/UDP a;branch=z9hG4bK1\r\nSubject: a\n long\nContent-Length: 5\n\nhi\nx";
    expect(checkRawMessage(raw)).toEqual({
      ok: true,
      method: "MESSAGE",
      text: "MESSAGE sip:bob@example.com SIP/2.0\r\nVia: SIP/2.0/UDP a;branch=z9hG4bK1\r\nSubject: a\r\n long\r\nContent-Length: 5\r\n\r\nhi\nx",
    });
  });

  it("accepts a head ending in \\r\\n\\r\\n with no body", () => {
    expect(checkRawMessage("OPTIONS sip:a@b SIP/2.0\r\nVia: x\r\n\r\n")).toMatchObject({ ok: true, method: "OPTIONS" });
  });

  it.each([
    ["   ", /empty/],
    ["OPTIONS sip:a@b SIP/2.0", /blank line/],
    ["OPTIONS sip:a@b SIP/2.0\r\nVia: x", /blank line/],
    ["OPTIONS  sip:a@b SIP/2.0\nVia: x\n\n", /line 1/],
    ["OPTIONS sip:a@b SIP/3.0\nVia: x\n\n", /line 1/],
    ["SIP/2.0 180 Ringing\nVia: x\n\n", /reply/],
    ["OPTIONS sip:a@b SIP/2.0\n long\n\n", /continuation/],
    ["OPTIONS sip:a@b SIP/2.0\nVia: x\nno colon\n\n", /line 3/],
    ["OPTIONS sip:a@b SIP/2.0\nVia: x\rmore\n\n", /carriage return/],
    [`OPTIONS sip:a@b SIP/2.0\nX: ${"a".repeat(70000)}\n\n`, /longer than 65535/],
  ])("refuses %j", (raw, words) => {
    const r = checkRawMessage(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(words);
  });
});
