import { describe, expect, it } from "vitest";
import type { SipEvent } from "../engine/index.js";
import { LadderStore, reasonOf } from "./ladder.js";

function sip(op: SipEvent["op"], id: number, t: number, extra: Partial<SipEvent> = {}): SipEvent {
  return {
    kind: "sip",
    t,
    op,
    id,
    from: "127.0.10.1:5060",
    to: "127.0.0.1:5060",
    fromNode: "alice",
    toNode: "kamailio",
    method: "INVITE",
    callId: `call-${id}`,
    text: `INVITE sip:bob@example.com SIP/2.0\r\nCall-ID: call-${id}\r\n\r\n`,
    ...extra,
  };
}

describe("the worker's ladder store", () => {
  it("sends a row once, with its end when it came before the frame, and later ends as ends", () => {
    const l = new LadderStore(10);
    l.add(sip("send", 1, 100));
    l.add(sip("recv", 1, 150));
    l.add(sip("send", 2, 200));
    const d1 = l.take();
    expect(d1?.rows).toEqual([
      expect.objectContaining({ id: 1, t: 100, end: 150 }),
      expect.objectContaining({ id: 2, t: 200 }),
    ]);
    expect(d1?.rows[1]?.end).toBeUndefined();
    expect(d1?.ends).toEqual([]);
    l.add(sip("lost", 2, 260, { why: "nobody" }));
    const d2 = l.take();
    expect(d2?.rows).toEqual([]);
    expect(d2?.ends).toEqual([{ id: 2, end: 260, lost: "nobody" }]);
    expect(d2?.total).toBe(2);
    expect(l.take()).toBeUndefined();
  });

  it("keeps a reply's status and reason phrase, and a message too large to send as lost at once", () => {
    const l = new LadderStore(10);
    l.add(sip("send", 3, 10, { status: 180, text: "SIP/2.0 180 Ringing\r\nCSeq: 1 INVITE\r\n\r\n" }));
    l.add(sip("lost", 4, 20, { why: "size" }));
    const rows = l.take()?.rows ?? [];
    expect(rows[0]).toMatchObject({ status: 180, reason: "Ringing", method: "INVITE" });
    expect(rows[1]).toMatchObject({ id: 4, t: 20, end: 20, lost: "size" });
    expect(reasonOf("SIP/2.0 486 Busy Here\r\n")).toBe("Busy Here");
  });

  it("keeps the last N messages with their text and counts them all", () => {
    const l = new LadderStore(3);
    for (let i = 1; i <= 5; i++) l.add(sip("send", i, i * 10));
    expect(l.text(1)).toBeUndefined();
    expect(l.text(2)).toBeUndefined();
    expect(l.text(3)).toContain("call-3");
    expect(l.text(5)).toContain("call-5");
    // An end for a message the ring has dropped is no news.
    l.take();
    l.add(sip("recv", 1, 70));
    l.add(sip("recv", 4, 70));
    const d = l.take();
    expect(d?.ends).toEqual([{ id: 4, end: 70 }]);
    expect(d?.total).toBe(5);
  });

  it("carries at most N new rows in one frame, the newest", () => {
    const l = new LadderStore(4);
    for (let i = 1; i <= 11; i++) l.add(sip("send", i, i));
    const d = l.take();
    expect(d?.rows.map((r) => r.id)).toEqual([8, 9, 10, 11]);
    expect(d?.total).toBe(11);
  });
});
