/**
 * Keyboard first: Space runs or pauses, `.` steps, `?` lists the keys, Ctrl/Cmd+Enter applies
 * the edited texts (also inside the editor). Keys typed into the editor or a field are theirs.
 */
import { getBridge } from "./bridge/worker-bridge.js";
import { useStore } from "./store/store.js";

export const SHORTCUTS: readonly [string, string][] = [
  ["Space", "Run / Pause"],
  [".", "Step to the next event"],
  ["Ctrl/⌘ + Enter", "Apply the edited config and traffic"],
  ["?", "Show these keys"],
  ["Esc, then Tab (or Ctrl+M)", "Leave the editor"],
  ["Ctrl+G / F1 (in the editor)", "Go to a line / the editor's commands"],
];

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  return (
    el.isContentEditable ||
    ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName) ||
    el.closest(".monaco-editor") !== null
  );
}

export function installShortcuts(): () => void {
  const onKey = (e: KeyboardEvent) => {
    const b = getBridge();
    if ((e.ctrlKey || e.metaKey) && e.key === "Enter") {
      e.preventDefault();
      b.load();
      return;
    }
    if (typing(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
    const s = useStore.getState();
    if (e.key === " " && (e.target as HTMLElement)?.tagName !== "BUTTON") {
      e.preventDefault();
      if (s.status === "running") b.pause();
      else b.run();
    } else if (e.key === ".") b.step();
    else if (e.key === "?") s.setHelpOpen(true);
  };
  window.addEventListener("keydown", onKey);
  return () => window.removeEventListener("keydown", onKey);
}
