/**
 * Keeping work: the editor's texts are saved in the browser (localStorage) shortly after every
 * change, and come back after a reload or a crash.
 */
import { useStore } from "../store/store.js";

const KEY = "kamsim:work:v1";
const DELAY_MS = 400;

export interface SavedWork {
  config: string;
  traffic: string;
  seed: number;
  example?: string;
}

export function loadSaved(): SavedWork | undefined {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return undefined;
    const w = JSON.parse(raw) as Partial<SavedWork>;
    if (typeof w.config !== "string" || typeof w.traffic !== "string") return undefined;
    return { config: w.config, traffic: w.traffic, seed: typeof w.seed === "number" ? w.seed : 1, example: w.example };
  } catch {
    return undefined;
  }
}

/**
 * Saves the texts whenever they change (debounced), and at once when the page goes away or out
 * of sight: a reload or a closed tab right after typing keeps the last keystrokes too. Returns
 * the function that stops it.
 */
export function startAutosave(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let unsaved: SavedWork | undefined;
  const save = () => {
    clearTimeout(timer);
    if (!unsaved) return;
    try {
      localStorage.setItem(KEY, JSON.stringify(unsaved));
    } catch {
      // Storage full or disabled: the work stays in the page; nothing else to do.
    }
    unsaved = undefined;
  };
  const hidden = () => {
    if (document.visibilityState === "hidden") save();
  };
  addEventListener("pagehide", save);
  document.addEventListener("visibilitychange", hidden);
  const stop = useStore.subscribe((s, prev) => {
    if (s.config === prev.config && s.traffic === prev.traffic && s.seed === prev.seed) return;
    unsaved = { config: s.config, traffic: s.traffic, seed: s.seed, example: s.example };
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
