import { describe, expect, it } from "vitest";
import type { TxRow } from "../../../protocol/views.js";
import { branchTimers, codeTone, firesText, txTimers } from "./describe.js";

describe("the Transactions view's sentences", () => {
  it("says which timer fires and when", () => {
    expect(firesText("fr_inv", 22_500_000, 5_000_000)).toBe("fr_inv fires in 17.5 s (at 22.500 s)");
    expect(firesText("retr", 2_500_000, 2_500_000)).toBe("retr fires now (at 2.500 s)");
    const b = {
      branch: 0,
      dst: "x",
      code: 100,
      retransmits: 0,
      routes: [],
      limit: "fr" as const,
      limitAt: 32e6,
      retrAt: 2.5e6,
    };
    expect(branchTimers(b, 2e6)).toEqual(["fr fires in 30.0 s (at 32.000 s)", "retr fires in 500 ms (at 2.500 s)"]);
    expect(branchTimers({ ...b, limitAt: undefined, retrAt: undefined }, 2e6)).toEqual([]);
    const tx: TxRow = {
      tid: "1:0",
      method: "INVITE",
      callId: "c",
      t: 0,
      final: 200,
      branches: [],
      retransmits: 0,
      canceled: false,
      waitAt: 9.5e6,
    };
    expect(txTimers(tx, 4.5e6)).toEqual(["wait fires in 5.0 s (at 9.500 s): then the transaction is deleted"]);
  });
  it("gives a code its tone", () => {
    expect([0, 180, 200, 302, 486].map(codeTone)).toEqual(["none", "provisional", "success", "redirect", "failure"]);
  });
});
