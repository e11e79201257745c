/**
 * The history of the user's work: the last few distinct versions (config, traffic, seed, the
 * defines box, the example they came from, when they were last saved), kept in localStorage so that whatever
 * replaces the editor's texts — a share link, an example, a file, another tab — never destroys
 * work: the History menu brings any version back. A version is one piece of work as it grows:
 * typing updates its entry, replacing the texts starts a new one.
 */

const KEY = "kamsim:history:v1";
/** Versions kept; the oldest goes first. Small: this is a way back, not a version control. */
export const HISTORY_SIZE = 10;

export interface Work {
  config: string;
  traffic: string;
  seed: number;
  /** The defines box's text; absent when empty (and in work saved before the box existed). */
  defines?: string;
  example?: string;
}

export interface Version extends Work {
  /** Unique per version (a tab's id and a counter). */
  id: string;
  /** Wall-clock ms of the last save. */
  savedAt: number;
}

export function sameTexts(a: Work, b: Work): boolean {
  return (
    a.config === b.config && a.traffic === b.traffic && a.seed === b.seed && (a.defines ?? "") === (b.defines ?? "")
  );
}

function isVersion(v: unknown): v is Version {
  const o = v as Partial<Version> | null;
  return (
    typeof o === "object" &&
    o !== null &&
    typeof o.id === "string" &&
    typeof o.config === "string" &&
    typeof o.traffic === "string" &&
    typeof o.seed === "number" &&
    typeof o.savedAt === "number" &&
    (o.defines === undefined || typeof o.defines === "string")
  );
}

/** The versions, newest first. */
export function readHistory(): Version[] {
  try {
    const list = JSON.parse(localStorage.getItem(KEY) ?? "[]") as unknown;
    return Array.isArray(list) ? list.filter(isVersion) : [];
  } catch {
    return [];
  }
}

function write(list: Version[]): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(list.slice(0, HISTORY_SIZE)));
  } catch {
    // Storage full or disabled: the history is a safety net; the page keeps working without it.
  }
}

/**
 * Records `work` as version `id` (updated in place, moved to the front). Any other version with
 * the very same texts is dropped: the history holds distinct texts only.
 */
export function recordVersion(id: string, work: Work, now: number): void {
  const entry: Version = { id, config: work.config, traffic: work.traffic, seed: work.seed, savedAt: now };
  if (work.defines) entry.defines = work.defines;
  if (work.example) entry.example = work.example;
  write([entry, ...readHistory().filter((v) => v.id !== id && !sameTexts(v, work))]);
}

/** Makes sure `work` is in the history (as a version of its own), without moving an entry that holds it. */
export function keepInHistory(id: string, work: Work, now: number): void {
  if (readHistory().some((v) => sameTexts(v, work))) return;
  recordVersion(id, work, now);
}

/**
 * Drops the oldest version; false when none is left. The autosave calls it when storage is full:
 * the work in the editor comes before older versions of it.
 */
export function dropOldestVersion(): boolean {
  const list = readHistory();
  if (list.length === 0) return false;
  try {
    localStorage.setItem(KEY, JSON.stringify(list.slice(0, -1)));
  } catch {
    localStorage.removeItem(KEY);
  }
  return true;
}
