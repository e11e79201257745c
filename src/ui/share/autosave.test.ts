/**
 * The autosave's slots and history, with the browser's storage faked: tabs (a sessionStorage
 * each, one localStorage), reloads (the module loaded again) and a storage quota.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Version } from "./work-history.js";

/** A Storage holding at most `quota` characters of keys and values, as browsers count them. */
class FakeStorage {
  private readonly items = new Map<string, string>();
  constructor(private readonly quota = Number.POSITIVE_INFINITY) {}
  get length(): number {
    return this.items.size;
  }
  key(i: number): string | null {
    return [...this.items.keys()][i] ?? null;
  }
  getItem(k: string): string | null {
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string): void {
    let used = k.length + v.length;
    for (const [key, value] of this.items) if (key !== k) used += key.length + value.length;
    if (used > this.quota) throw new DOMException("quota exceeded", "QuotaExceededError");
    this.items.set(k, v);
  }
  removeItem(k: string): void {
    this.items.delete(k);
  }
}

/** Loads the page's modules afresh in a tab: `session` is the tab's sessionStorage. */
async function tab(session: FakeStorage, local: FakeStorage) {
  vi.resetModules();
  vi.stubGlobal("sessionStorage", session);
  vi.stubGlobal("localStorage", local);
  const autosave = await import("./autosave.js");
  const history = await import("./work-history.js");
  return { ...autosave, ...history };
}

const work = (config: string) => ({ config, traffic: "{}", seed: 1 });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("autosave", () => {
  it("keeps each tab's work in its own slot; a new tab opens the work saved last", async () => {
    const local = new FakeStorage();
    const [sa, sb] = [new FakeStorage(), new FakeStorage()];
    (await tab(sa, local)).saveWork(work("A"));
    (await tab(sb, local)).saveWork(work("B"));
    (await tab(sa, local)).saveWork(work("A2"));
    expect((await tab(sa, local)).restoreWork()?.config).toBe("A2");
    expect((await tab(sb, local)).restoreWork()?.config).toBe("B");
    expect((await tab(new FakeStorage(), local)).restoreWork()?.config).toBe("A2");
  });

  it("keeps replaced work as a version of its own, distinct texts only, at most 10", async () => {
    const local = new FakeStorage();
    const t = await tab(new FakeStorage(), local);
    t.saveWork(work("mine"));
    t.saveWork(work("mine, edited"));
    t.newVersion();
    t.saveWork(work("the link's"));
    expect(t.readHistory().map((v) => v.config)).toEqual(["the link's", "mine, edited"]);
    for (let i = 0; i < 12; i++) {
      t.newVersion();
      t.saveWork(work(`v${i}`));
    }
    t.newVersion();
    t.saveWork(work("v11"));
    const configs = t.readHistory().map((v) => v.config);
    expect(configs).toHaveLength(t.HISTORY_SIZE);
    expect(new Set(configs).size).toBe(configs.length);
    expect(configs[0]).toBe("v11");
  });

  it("keeps the defines box with the work: a reload restores it, the history tells versions apart by it", async () => {
    const local = new FakeStorage();
    const session = new FakeStorage();
    const t = await tab(session, local);
    t.saveWork(work("cfg"));
    t.newVersion();
    t.saveWork({ ...work("cfg"), defines: "WITH_X" });
    expect((await tab(session, local)).restoreWork()).toEqual({ ...work("cfg"), defines: "WITH_X" });
    // A new tab opens the work saved last, defines included.
    expect((await tab(new FakeStorage(), local)).restoreWork()?.defines).toBe("WITH_X");
    const h = t.readHistory();
    expect(h.map((v) => [v.config, v.defines])).toEqual([
      ["cfg", "WITH_X"],
      ["cfg", undefined],
    ]);
    expect(t.sameTexts(h[0] as Version, h[1] as Version)).toBe(false);
    expect(t.sameTexts(work("a"), { ...work("a"), defines: "" })).toBe(true);
  });

  it("reads work saved before the defines box as work with an empty box", async () => {
    const local = new FakeStorage();
    const session = new FakeStorage();
    session.setItem("kamsim:tab", "oldtab");
    local.setItem("kamsim:work:v2:oldtab", JSON.stringify({ ...work("old"), version: "oldtab.1.0", savedAt: 1 }));
    local.setItem("kamsim:history:v1", JSON.stringify([{ ...work("old"), id: "oldtab.1.0", savedAt: 1 }]));
    const t = await tab(session, local);
    expect(t.restoreWork()).toEqual(work("old"));
    expect(t.readHistory().map((v) => v.config)).toEqual(["old"]);
  });

  it("reads the work saved before slots per tab existed, and keeps it in the history", async () => {
    const local = new FakeStorage();
    local.setItem("kamsim:work:v1", JSON.stringify(work("old")));
    const t = await tab(new FakeStorage(), local);
    expect(t.restoreWork()?.config).toBe("old");
    expect(t.readHistory().map((v) => v.config)).toEqual(["old"]);
  });

  it("makes room for the work in the editor by dropping old versions when storage is full", async () => {
    const local = new FakeStorage(60_000);
    const t = await tab(new FakeStorage(), local);
    for (let i = 0; i < 12; i++) {
      t.newVersion();
      t.saveWork(work(`${i}`.repeat(6_000).slice(0, 6_000)));
    }
    // Larger than the room the versions left: only dropping some makes it fit.
    const last = "z".repeat(20_000);
    t.newVersion();
    t.saveWork(work(last));
    expect(t.loadSaved()?.config).toBe(last);
    expect(t.readHistory().length).toBeGreaterThan(0);
  });

  it("says when the work cannot be saved: storage full with no history left to drop", async () => {
    // It failed silently (a config over the ~5 MB browsers allow, or a full storage).
    const t = await tab(new FakeStorage(), new FakeStorage(10_000));
    expect(t.saveWork(work("small"))).toBe(true);
    const big = work("x".repeat(3 * 1024 * 1024));
    expect(t.saveWork(big)).toBe(false);
    expect(t.loadSaved()?.config).toBe("small");
    expect(t.unsavedNotice(big)).toBe(
      "Your work could not be saved in this browser (its storage is full or off; the texts take 6.0 MB). It is only in this page: use Save config to keep it.",
    );
  });
});
