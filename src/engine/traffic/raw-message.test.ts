import { describe, expect, it } from "vitest";
import { checkRawMessage } from "./raw-message.js";

describe("raw messages", () => {
  it("keeps the datagram exactly as written, bare LF line ends included", () => {
    const raw =
      "MESSAGE sip:bob@example.com SIP/2.0\nVia: SIP/2.0/UDP a;branch=z9hG4bK1\r\nSubject: a\n long\nContent-Length: 5\n\nhi\nx";
    expect(checkRawMessage(raw)).toEqual({ ok: true, method: "MESSAGE", text: raw });
  });

  it.each([
    ["", "?"],
    ["   ", "?"],
    ["\r\n\r\nOPTIONS sip:a@b SIP/2.0", "OPTIONS"],
    ["SIP/2.0 200 OK\nVia: x\n\n", "SIP/2.0"],
    ["OPTIONS  sip:a@b SIP/3.0\nVia: x\n\n", "OPTIONS"],
    ["OPTIONS sip:a@b SIP/2.0\nVia: x\nno colon\n\n", "OPTIONS"],
    ["\u0001\u0002 garbage", "\u0001\u0002"],
  ])("takes %j as a datagram (label %j)", (raw, method) => {
    expect(checkRawMessage(raw)).toEqual({ ok: true, text: raw, method });
  });

  it("refuses what cannot be one datagram", () => {
    const r = checkRawMessage(`OPTIONS sip:a@b SIP/2.0\nX: ${"a".repeat(70000)}\n\n`);
    expect(r).toEqual({ ok: false, message: "the message is longer than 65535 characters" });
  });
});
