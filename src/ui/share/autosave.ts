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

/** Saves the texts whenever they change (debounced). Returns the unsubscribe function. */
export function startAutosave(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return useStore.subscribe((s, prev) => {
    if (s.config === prev.config && s.traffic === prev.traffic && s.seed === prev.seed) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      try {
        localStorage.setItem(
          KEY,
          JSON.stringify({ config: s.config, traffic: s.traffic, seed: s.seed, example: s.example }),
        );
      } catch {
        // Storage full or disabled: the work stays in the page; nothing else to do.
      }
    }, DELAY_MS);
  });
}
