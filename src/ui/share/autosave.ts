/**
 * Keeping work: the editor's texts are saved in the browser (localStorage) shortly after every
 * change, and come back after a reload or a crash.
 *
 * Each tab saves into its own slot (its id lives in sessionStorage, which a reload keeps and a
 * new tab does not share), so two tabs never save over each other's work; a pointer names the
 * slot saved last, which is what a new tab opens. Every save also updates the tab's current
 * version in the history (work-history.ts), so work that something later replaces stays
 * recoverable from the History menu.
 */
import { useStore } from "../store/store.js";
import { dropOldestVersion, keepInHistory, recordVersion, type Work } from "./work-history.js";

/** Where kamsim saved before slots per tab: still read, so an update loses nothing. */
const LEGACY_KEY = "kamsim:work:v1";
const SLOT_PREFIX = "kamsim:work:v2:";
const LAST_KEY = "kamsim:work:last";
const TAB_KEY = "kamsim:tab";
/** Slots of closed tabs are removed beyond this many (their work is in the history anyway). */
const SLOTS_KEPT = 8;
const DELAY_MS = 400;

export type SavedWork = Work;

interface Slot extends Work {
  /** The history version this work is. */
  version: string;
  savedAt: number;
}

let tab: string | undefined;
let version: string | undefined;
let versions = 0;
/** Slots of closed tabs are pruned once per page, at its first save. */
let pruned = false;

/** This tab's id: made on its first load, kept by reloads (sessionStorage is per tab). */
export function tabId(): string {
  if (tab) return tab;
  try {
    tab = sessionStorage.getItem(TAB_KEY) ?? undefined;
  } catch {
    // sessionStorage disabled: an id for this page's life only.
  }
  if (!tab) {
    tab = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
    try {
      sessionStorage.setItem(TAB_KEY, tab);
    } catch {
      // As above.
    }
  }
  return tab;
}

/**
 * A duplicated tab, or one opened by window.open, starts with a copy of its opener's
 * sessionStorage — tab id included. So a page says which id it has; a tab that already had it
 * answers, and the newcomer takes an id (and a version) of its own before it saves over the
 * other tab's work. Returns the function that stops listening.
 */
export function claimTab(): () => void {
  if (typeof BroadcastChannel !== "function") return () => {};
  const channel = new BroadcastChannel("kamsim:tabs");
  channel.onmessage = (e: MessageEvent<{ type?: string; tab?: string }>) => {
    const mine = tabId();
    if (e.data.tab !== mine) return;
    if (e.data.type === "hello") channel.postMessage({ type: "taken", tab: mine });
    else if (e.data.type === "taken") {
      tab = undefined;
      try {
        sessionStorage.removeItem(TAB_KEY);
      } catch {
        // As in tabId().
      }
      tabId();
      newVersion();
      pruned = false;
    }
  };
  channel.postMessage({ type: "hello", tab: tabId() });
  return () => channel.close();
}

/** Starts a new version of the work (the texts were replaced, not edited). */
export function newVersion(): string {
  version = `${tabId()}.${Date.now().toString(36)}.${versions++}`;
  return version;
}

function currentVersion(): string {
  return version ?? newVersion();
}

function readSlot(key: string): Slot | undefined {
  try {
    const raw = localStorage.getItem(key);
    if (!raw) return undefined;
    const w = JSON.parse(raw) as Partial<Slot>;
    if (typeof w.config !== "string" || typeof w.traffic !== "string") return undefined;
    const slot: Slot = {
      config: w.config,
      traffic: w.traffic,
      seed: typeof w.seed === "number" ? w.seed : 1,
      version: typeof w.version === "string" ? w.version : "",
      savedAt: typeof w.savedAt === "number" ? w.savedAt : 0,
    };
    // Work saved before the defines box had none: it reads as an empty box.
    if (typeof w.defines === "string" && w.defines) slot.defines = w.defines;
    if (typeof w.example === "string") slot.example = w.example;
    return slot;
  } catch {
    return undefined;
  }
}

function workOf(slot: Slot): SavedWork {
  const w: SavedWork = { config: slot.config, traffic: slot.traffic, seed: slot.seed };
  if (slot.defines) w.defines = slot.defines;
  if (slot.example) w.example = slot.example;
  return w;
}

function lastSlot(): Slot | undefined {
  let last: string | null = null;
  try {
    last = localStorage.getItem(LAST_KEY);
  } catch {
    return undefined;
  }
  return (last ? readSlot(SLOT_PREFIX + last) : undefined) ?? readSlot(LEGACY_KEY);
}

/** The work a reload of this tab restores: its own slot, else the work saved last by any tab. */
export function loadSaved(): SavedWork | undefined {
  const slot = readSlot(SLOT_PREFIX + tabId()) ?? lastSlot();
  return slot && workOf(slot);
}

/**
 * The work this page starts from: its own slot (a reload: typing goes on in the same version),
 * else the work saved last (a new tab: its edits become a version of their own).
 */
export function restoreWork(): SavedWork | undefined {
  const own = readSlot(SLOT_PREFIX + tabId());
  if (own) {
    version = own.version || undefined;
    return workOf(own);
  }
  const last = lastSlot();
  if (!last) return undefined;
  // Work saved before there was a history (the legacy slot) goes into it now.
  keepInHistory(newVersion(), workOf(last), last.savedAt || Date.now());
  newVersion();
  return workOf(last);
}

function pruneSlots(): void {
  const slots: [string, number][] = [];
  for (let i = 0; i < localStorage.length; i++) {
    const key = localStorage.key(i);
    if (key?.startsWith(SLOT_PREFIX) && key !== SLOT_PREFIX + tabId()) slots.push([key, readSlot(key)?.savedAt ?? 0]);
  }
  slots.sort((a, b) => b[1] - a[1]);
  for (const [key] of slots.slice(SLOTS_KEPT - 1)) localStorage.removeItem(key);
}

/** Records `work` as the current version in the history (before something replaces it). */
export function keepCurrent(work: SavedWork): void {
  recordVersion(currentVersion(), work, Date.now());
}

/**
 * Saves `work` now: this tab's slot, the pointer to the work saved last, the history. False when
 * it could not be saved (storage full even with no history left, or disabled).
 */
export function saveWork(work: SavedWork): boolean {
  const now = Date.now();
  const id = currentVersion();
  const slot = JSON.stringify({ ...work, version: id, savedAt: now });
  for (;;) {
    try {
      localStorage.setItem(SLOT_PREFIX + tabId(), slot);
      localStorage.setItem(LAST_KEY, tabId());
      if (!pruned) pruneSlots();
      pruned = true;
      break;
    } catch {
      // Storage full: older versions make room for the work in the editor; when none is left
      // (or storage is disabled) the work stays in the page.
      if (!dropOldestVersion()) return false;
    }
  }
  recordVersion(id, work, now);
  return true;
}

/**
 * What the page says when the autosave failed (it failed silently: storage full, or a config
 * over the ~5 MB browsers allow), so that the user keeps the work another way.
 */
export function unsavedNotice(work: SavedWork): string {
  const mb = ((work.config.length + work.traffic.length) * 2) / (1024 * 1024);
  return `Your work could not be saved in this browser (its storage is full or off; the texts take ${mb.toFixed(1)} MB). It is only in this page: use Save config to keep it.`;
}

/**
 * Saves the texts whenever they change (debounced), and at once when the page goes away or out
 * of sight: a reload or a closed tab right after typing keeps the last keystrokes too. Returns
 * the function that stops it.
 */
export function startAutosave(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let unsaved: SavedWork | undefined;
  /** Said once per failing spell, not at every keystroke. */
  let warned = false;
  const save = () => {
    clearTimeout(timer);
    if (!unsaved) return;
    const ok = saveWork(unsaved);
    if (!ok && !warned) useStore.getState().setNotice(unsavedNotice(unsaved));
    warned = !ok;
    unsaved = undefined;
  };
  const hidden = () => {
    if (document.visibilityState === "hidden") save();
  };
  addEventListener("pagehide", save);
  document.addEventListener("visibilitychange", hidden);
  const stop = useStore.subscribe((s, prev) => {
    if (s.config === prev.config && s.traffic === prev.traffic && s.seed === prev.seed && s.defines === prev.defines)
      return;
    // A share link left in the address bar (by Share) no longer holds this work: a reload must
    // bring back the autosave of the edits, not the link's older texts over them.
    if (location.hash.startsWith("#s=")) history.replaceState(history.state, "", location.pathname + location.search);
    unsaved = { config: s.config, traffic: s.traffic, seed: s.seed, example: s.example };
    if (s.defines) unsaved.defines = s.defines;
    clearTimeout(timer);
    timer = setTimeout(save, DELAY_MS);
  });
  return () => {
    stop();
    removeEventListener("pagehide", save);
    document.removeEventListener("visibilitychange", hidden);
    save();
  };
}
