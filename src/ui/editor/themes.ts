/**
 * The editor's two themes, following the page's light and dark themes: high contrast for a
 * projector, one colour per kind of token (comments, directives, keywords, strings,
 * pseudo-variables, functions, route names).
 */
import type { monaco } from "./monaco.js";

type Theme = monaco.editor.IStandaloneThemeData;

const LIGHT_THEME = "kamsim-light";
const DARK_THEME = "kamsim-dark";

/** Each kind of token: its colour in the light theme, in the dark one, and its style. */
const TOKENS: readonly [token: string, light: string, dark: string, fontStyle?: string][] = [
  ["comment", "5f6b7a", "94a3b8", "italic"],
  ["keyword", "1d4ed8", "7aa2ff", "bold"],
  ["keyword.directive", "7e22ce", "d8b4fe", "bold"],
  ["macro", "7e22ce", "d8b4fe"],
  ["string", "9a3412", "fdba74"],
  ["string.escape", "b45309", "fbbf24"],
  ["variable", "0f766e", "5eead4", "bold"],
  ["variable.name", "0f766e", "5eead4"],
  ["function", "6d28d9", "c4b5fd"],
  ["type.route", "be185d", "f9a8d4", "bold"],
  ["number", "15803d", "86efac"],
  ["constant", "15803d", "86efac"],
  ["operator", "374151", "cbd5e1"],
];

function theme(kind: "light" | "dark", background: string, foreground: string, lineNumber: string): Theme {
  return {
    base: kind === "light" ? "vs" : "vs-dark",
    inherit: true,
    rules: TOKENS.map(([token, l, d, fontStyle]) => ({
      token,
      foreground: kind === "light" ? l : d,
      ...(fontStyle ? { fontStyle } : {}),
    })),
    colors: {
      "editor.background": background,
      "editor.foreground": foreground,
      "editorLineNumber.foreground": lineNumber,
      "editorLineNumber.activeForeground": foreground,
    },
  };
}

const light = theme("light", "#ffffff", "#111827", "#6b7280");
const dark = theme("dark", "#0b0f17", "#e8edf5", "#8b96a8");

let defined = false;

/** Defines both themes once per page. */
export function defineThemes(m: typeof monaco): void {
  if (defined) return;
  defined = true;
  m.editor.defineTheme(LIGHT_THEME, light);
  m.editor.defineTheme(DARK_THEME, dark);
}

export function themeFor(page: "light" | "dark"): string {
  return page === "dark" ? DARK_THEME : LIGHT_THEME;
}
