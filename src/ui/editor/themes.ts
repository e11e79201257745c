/**
 * The editor's two themes, following the page's light and dark themes: high contrast for a
 * projector, one colour per kind of token (comments, directives, keywords, strings,
 * pseudo-variables, functions, route names).
 */
import type { monaco } from "./monaco.js";

type Theme = monaco.editor.IStandaloneThemeData;

export const LIGHT_THEME = "kamsim-light";
export const DARK_THEME = "kamsim-dark";

const light: Theme = {
  base: "vs",
  inherit: true,
  rules: [
    { token: "comment", foreground: "5f6b7a", fontStyle: "italic" },
    { token: "keyword", foreground: "1d4ed8", fontStyle: "bold" },
    { token: "keyword.directive", foreground: "7e22ce", fontStyle: "bold" },
    { token: "macro", foreground: "7e22ce" },
    { token: "string", foreground: "9a3412" },
    { token: "string.escape", foreground: "b45309" },
    { token: "variable", foreground: "0f766e", fontStyle: "bold" },
    { token: "variable.name", foreground: "0f766e" },
    { token: "function", foreground: "6d28d9" },
    { token: "type.route", foreground: "be185d", fontStyle: "bold" },
    { token: "number", foreground: "15803d" },
    { token: "constant", foreground: "15803d" },
    { token: "operator", foreground: "374151" },
  ],
  colors: {
    "editor.background": "#ffffff",
    "editor.foreground": "#111827",
    "editorLineNumber.foreground": "#6b7280",
    "editorLineNumber.activeForeground": "#111827",
  },
};

const dark: Theme = {
  base: "vs-dark",
  inherit: true,
  rules: [
    { token: "comment", foreground: "94a3b8", fontStyle: "italic" },
    { token: "keyword", foreground: "7aa2ff", fontStyle: "bold" },
    { token: "keyword.directive", foreground: "d8b4fe", fontStyle: "bold" },
    { token: "macro", foreground: "d8b4fe" },
    { token: "string", foreground: "fdba74" },
    { token: "string.escape", foreground: "fbbf24" },
    { token: "variable", foreground: "5eead4", fontStyle: "bold" },
    { token: "variable.name", foreground: "5eead4" },
    { token: "function", foreground: "c4b5fd" },
    { token: "type.route", foreground: "f9a8d4", fontStyle: "bold" },
    { token: "number", foreground: "86efac" },
    { token: "constant", foreground: "86efac" },
    { token: "operator", foreground: "cbd5e1" },
  ],
  colors: {
    "editor.background": "#0b0f17",
    "editor.foreground": "#e8edf5",
    "editorLineNumber.foreground": "#8b96a8",
    "editorLineNumber.activeForeground": "#e8edf5",
  },
};

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
