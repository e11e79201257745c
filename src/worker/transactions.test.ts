/** The Transactions view's model: tm's table from `tm` events, sent only when changed, bounded. */
import { describe, expect, it } from "vitest";
import type { TmEvent } from "../engine/index.js";
import { MAX_DONE, MAX_OPEN, TransactionsModel } from "./transactions.js";

type Fields = Omit<TmEvent, "kind" | "tid" | "method" | "callId" | "t" | "op">;
function tm(t: number, op: TmEvent["op"], tid = "1:0", more: Fields = {}): TmEvent {
  return { kind: "tm", t, op, tid, method: "INVITE", callId: `c-${tid}`, ...more };
}

describe("TransactionsModel", () => {
  it("follows a transaction: branch, replies, timers, routes, final, wait, delete", () => {
    const m = new TransactionsModel();
    expect(m.take()).toMatchObject({ open: [], openCount: 0 });
    expect(m.take()).toBeUndefined();
    m.add(tm(2e6, "new"));
    m.add(tm(2e6, "branch", "1:0", { branch: 0, dst: "127.0.20.1:5060" }));
    m.add(tm(2e6, "arm", "1:0", { buf: "uac", branch: 0, timer: "fr", at: 32e6, retrAt: 2.5e6 }));
    m.add(tm(2.5e6, "retransmit", "1:0", { branch: 0, timer: "retr" }));
    m.add(tm(2.6e6, "reply", "1:0", { branch: 0, code: 180 }));
    m.add(tm(2.6e6, "route", "1:0", { branch: 0, code: 180, route: "onreply_route[CALL]" }));
    m.add(tm(2.6e6, "arm", "1:0", { buf: "uac", branch: 0, timer: "fr_inv", at: 22.6e6 }));
    let v = m.take();
    expect(v?.open[0]).toMatchObject({
      tid: "1:0",
      method: "INVITE",
      callId: "c-1:0",
      t: 2e6,
      final: 0,
      retransmits: 1,
      branches: [
        {
          branch: 0,
          dst: "127.0.20.1:5060",
          code: 180,
          retransmits: 1,
          limit: "fr_inv",
          limitAt: 22.6e6,
          routes: [{ route: "onreply_route[CALL]", code: 180, t: 2.6e6 }],
        },
      ],
    });
    expect(v?.open[0]?.branches[0]?.retrAt).toBeUndefined();
    m.add(tm(4e6, "reply", "1:0", { branch: 0, code: 200 }));
    m.add(tm(4e6, "arm", "1:0", { buf: "uac", branch: 0 }));
    m.add(tm(4e6, "final", "1:0", { code: 200 }));
    m.add(tm(4e6, "arm", "1:0", { buf: "wait", timer: "wait", at: 9e6 }));
    v = m.take();
    expect(v?.open[0]).toMatchObject({ final: 200, finalAt: 4e6, waitAt: 9e6 });
    expect(v?.open[0]?.branches[0]?.limitAt).toBeUndefined();
    m.add(tm(9e6, "timer", "1:0", { timer: "wait" }));
    m.add(tm(9e6, "delete"));
    v = m.take();
    expect(v?.open).toEqual([]);
    expect(v?.done).toEqual([
      { tid: "1:0", method: "INVITE", callId: "c-1:0", t: 2e6, final: 200, end: 9e6, retransmits: 1 },
    ]);
    expect([v?.created, v?.deleted, v?.retransmits]).toEqual([1, 1, 1]);
  });

  it("a flood of transactions: the newest open ones and the last deleted, with the counts of all", () => {
    const m = new TransactionsModel();
    for (let i = 0; i < 500; i++) m.add(tm(i, "new", `${i}:0`));
    for (let i = 0; i < 100; i++) m.add(tm(1000 + i, "delete", `${i}:0`));
    const v = m.take();
    expect(v?.open).toHaveLength(MAX_OPEN);
    expect(v?.open[0]?.tid).toBe(`${500 - MAX_OPEN}:0`);
    expect(v?.open.at(-1)?.tid).toBe("499:0");
    expect(v?.openCount).toBe(400);
    expect(v?.done).toHaveLength(MAX_DONE);
    expect(v?.done.at(-1)?.tid).toBe("99:0");
  });
});
