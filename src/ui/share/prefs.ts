/**
 * The page's settings — theme, text size, speed — kept across reloads (localStorage, shared by
 * every tab: they are the user's, not the work's). Before anything is chosen the theme follows
 * the system's dark preference.
 */
import { useStore } from "../store/store.js";

const KEY = "kamsim:prefs:v1";

export interface Prefs {
  theme: "light" | "dark";
  fontScale: number;
  speed: number;
}

/** The settings saved earlier, each checked; the system's preference for a theme never chosen. */
export function loadPrefs(): Prefs {
  const dark = typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches;
  const prefs: Prefs = { theme: dark ? "dark" : "light", fontScale: 1, speed: useStore.getState().speed };
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? "{}") as Record<string, unknown>;
    if (saved.theme === "light" || saved.theme === "dark") prefs.theme = saved.theme;
    const scale = Number(saved.fontScale);
    if (scale >= 0.8 && scale <= 2) prefs.fontScale = scale;
    // JSON has no Infinity ("max"): the speed is saved as text.
    const speed = Number(saved.speed);
    if (typeof saved.speed === "string" && speed > 0) prefs.speed = speed;
  } catch {
    // Unreadable settings: the defaults.
  }
  return prefs;
}

/** Saves the settings whenever one changes; returns the function that stops it. */
export function startPrefs(): () => void {
  return useStore.subscribe((s, prev) => {
    if (s.theme === prev.theme && s.fontScale === prev.fontScale && s.speed === prev.speed) return;
    try {
      localStorage.setItem(KEY, JSON.stringify({ theme: s.theme, fontScale: s.fontScale, speed: String(s.speed) }));
    } catch {
      // Storage full or disabled: the settings last for this page.
    }
  });
}
