import { describe, expect, it } from "vitest";
import type { SimEvent } from "../../../engine/index.js";
import { CHIP_CAP, chipText, LEAVING_CAP, leavingWindow, queueChips } from "./chips.js";

const S = 1_000_000;
let size = 0;
function mq(op: "add" | "fetch" | "drop" | "replace", key: string, t: number, queue = "alert"): SimEvent {
  size += op === "add" ? 1 : op === "fetch" || op === "drop" ? -1 : 0;
  return { kind: "mq", t, proc: 1, queue, op, key, value: `v-${key}`, size, limit: 0 };
}

describe("queueChips", () => {
  it("keeps the items inside, oldest first, and those that left lately", () => {
    size = 0;
    const events = [mq("add", "a", 1 * S), mq("add", "b", 2 * S), mq("add", "c", 3 * S), mq("fetch", "a", 5 * S)];
    const r = queueChips(events, "alert", 2, 4 * S);
    expect(r.inside.map((c) => c.key)).toEqual(["b", "c"]);
    expect(r.leaving.map((c) => [c.key, c.state, c.left])).toEqual([["a", "fetched", 5 * S]]);
    expect(r.hidden).toBe(0);
    expect(r.head?.key).toBe("b");
  });

  it("keeps the request that queued an item (its trace), none for a timer's", () => {
    size = 0;
    const events = [{ ...mq("add", "a", 1 * S), req: 7 } as SimEvent, mq("add", "b", 2 * S)];
    const r = queueChips(events, "alert", 2, 0);
    expect(r.inside.map((c) => c.req)).toEqual([7, undefined]);
  });

  it("forgets items that left before `since`", () => {
    size = 0;
    const events = [mq("add", "a", 1 * S), mq("fetch", "a", 2 * S)];
    expect(queueChips(events, "alert", 0, 3 * S).leaving).toEqual([]);
  });

  it("ignores other queues and events", () => {
    size = 0;
    const log: SimEvent = { kind: "log", t: 0, proc: 0, level: "INFO", line: "x", nl: true } as SimEvent;
    const events = [log, mq("add", "x", 1, "other")];
    expect(queueChips(events, "alert", 0, 0)).toEqual({ inside: [], leaving: [], hidden: 0 });
    expect(queueChips([], "alert", 0, 0).head).toBeUndefined();
  });

  it("caps chips at the newest ones and counts the rest as hidden", () => {
    size = 0;
    const events = Array.from({ length: 100 }, (_, i) => mq("add", `k${i}`, i));
    const r = queueChips(events, "alert", 100, 0);
    expect(r.inside).toHaveLength(CHIP_CAP);
    expect(r.inside[0]?.key).toBe(`k${100 - CHIP_CAP}`);
    expect(r.hidden).toBe(100 - CHIP_CAP);
    expect(r.head?.key).toBe("k0");
  });

  it("counts items older than the events seen as hidden, and lets their fetch slide out", () => {
    size = 5;
    const events = [mq("add", "new", 10), mq("fetch", "old", 11)];
    const r = queueChips(events, "alert", 5, 0);
    expect(r.inside.map((c) => c.key)).toEqual(["new"]);
    expect(r.hidden).toBe(4);
    expect(r.head).toBeUndefined();
    expect(r.leaving.map((c) => c.key)).toEqual(["old"]);
  });

  it("marks overflow drops and replacements", () => {
    size = 0;
    const events = [mq("add", "a", 1), mq("add", "b", 2), mq("drop", "a", 3), mq("replace", "b", 4)];
    const r = queueChips(events, "alert", 0, 0);
    expect(r.leaving.map((c) => [c.key, c.state])).toEqual([
      ["a", "dropped"],
      ["b", "dropped"],
    ]);
  });

  it("shows the last few of a burst of fetches leaving", () => {
    size = 0;
    const adds = Array.from({ length: 50 }, (_, i) => mq("add", `k${i}`, i));
    const fetches = Array.from({ length: 50 }, (_, i) => mq("fetch", `k${i}`, 100));
    const r = queueChips([...adds, ...fetches], "alert", 0, 0);
    expect(r.leaving).toHaveLength(LEAVING_CAP);
    expect(r.leaving[LEAVING_CAP - 1]?.key).toBe("k49");
  });

  it("keeps chip ids across rebuilds (stable keys for animation)", () => {
    size = 0;
    const events = [mq("add", "a", 1)];
    expect(queueChips(events, "alert", 1, 0).inside[0]?.id).toBe(queueChips(events, "alert", 1, 0).inside[0]?.id);
  });

  it("trusts the depth over the chips when events were missed", () => {
    size = 0;
    const events = [mq("add", "a", 1), mq("add", "b", 2)];
    expect(queueChips(events, "alert", 1, 0).inside.map((c) => c.key)).toEqual(["b"]);
  });
});

describe("helpers", () => {
  it("leavingWindow is about a second of wall time, bounded", () => {
    expect(leavingWindow(1)).toBe(900_000);
    expect(leavingWindow(0.1)).toBe(100_000);
    expect(leavingWindow(100)).toBe(5 * S);
    expect(leavingWindow(Number.POSITIVE_INFINITY)).toBe(5 * S);
  });

  it("chipText shows key and value", () => {
    expect(chipText({ id: 1, key: "k", value: "v", t: 0, state: "dropped" })).toBe("k → v (dropped)");
  });
});
