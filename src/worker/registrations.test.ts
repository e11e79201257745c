/** The Registrations view's model: usrloc's table from `ul` events, sent only when changed, bounded. */
import { describe, expect, it } from "vitest";
import type { UlEvent } from "../engine/index.js";
import { MAX_AORS, MAX_GONE, RegistrationsModel } from "./registrations.js";

function ul(t: number, op: UlEvent["op"], aor: string, contact: string, expires = 0): UlEvent {
  return { kind: "ul", t, op, table: "location", aor, contact, expires };
}

describe("RegistrationsModel", () => {
  it("keeps each AOR's contacts as their last insert or update left them, and what left", () => {
    const m = new RegistrationsModel();
    expect(m.take()).toMatchObject({ aors: [], aorCount: 0 });
    expect(m.take()).toBeUndefined();
    m.add(ul(1e6, "insert", "bob", "sip:bob@b1", 60));
    m.add(ul(2e6, "insert", "alice", "sip:alice@a1", 3600));
    m.add(ul(3e6, "insert", "bob", "sip:bob@b2", 30));
    m.add(ul(4e6, "update", "bob", "sip:bob@b1", 60));
    const v = m.take();
    expect(v?.aors.map((a) => a.aor)).toEqual(["alice", "bob"]);
    expect(v?.aors[1]?.contacts).toEqual([
      { contact: "sip:bob@b1", t: 4e6, expires: 60, op: "update" },
      { contact: "sip:bob@b2", t: 3e6, expires: 30, op: "insert" },
    ]);
    expect(v?.contactCount).toBe(3);
    m.add(ul(5e6, "expire", "bob", "sip:bob@b2"));
    m.add(ul(6e6, "delete", "alice", "sip:alice@a1"));
    const w = m.take();
    expect(w?.aors.map((a) => `${a.aor} ${a.contacts.length}`)).toEqual(["bob 1"]);
    expect(w?.gone).toEqual([
      { aor: "bob", contact: "sip:bob@b2", t: 5e6, why: "expired" },
      { aor: "alice", contact: "sip:alice@a1", t: 6e6, why: "removed" },
    ]);
    expect([w?.expired, w?.removed, w?.contactCount, w?.aorCount]).toEqual([1, 1, 1, 1]);
  });

  it("a flood of users: the view lists the first AORs by name and counts all", () => {
    const m = new RegistrationsModel();
    for (let i = 0; i < 1000; i++) m.add(ul(i, "insert", `u${String(i).padStart(4, "0")}`, `sip:u${i}@h`, 60));
    for (let i = 0; i < 100; i++) m.add(ul(2000 + i, "expire", `u${String(i).padStart(4, "0")}`, `sip:u${i}@h`));
    const v = m.take();
    expect(v?.aors).toHaveLength(MAX_AORS);
    expect(v?.aors[0]?.aor).toBe("u0100");
    expect([v?.aorCount, v?.contactCount, v?.expired]).toEqual([900, 900, 100]);
    expect(v?.gone).toHaveLength(MAX_GONE);
    expect(v?.gone.at(-1)?.aor).toBe("u0099");
  });
});
