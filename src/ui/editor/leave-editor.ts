/**
 * Keyboard users can always leave the editor: Esc then Tab (Shift+Tab) moves the focus to the
 * next (previous) control of the page, as the editor's footer says. Ctrl+M, Monaco's own
 * tab-focus mode, works too (Tab then moves the focus until Ctrl+M again).
 */
import type { monaco } from "./monaco.js";

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Focuses the first focusable element after (or the last before) `host`, outside it. */
function focusOutside(host: HTMLElement, backwards: boolean): void {
  const all = [...document.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => !host.contains(el) && el.getClientRects().length > 0,
  );
  const side = backwards ? Node.DOCUMENT_POSITION_PRECEDING : Node.DOCUMENT_POSITION_FOLLOWING;
  const candidates = all.filter((el) => host.compareDocumentPosition(el) & side);
  const target = backwards ? candidates[candidates.length - 1] : candidates[0];
  target?.focus();
}

/** Installs Esc-then-Tab on an editor living in `host`. */
export function installLeaveKeys(
  m: typeof monaco,
  editor: monaco.editor.IStandaloneCodeEditor,
  host: HTMLElement,
): monaco.IDisposable {
  let escaped = false;
  return editor.onKeyDown((e) => {
    if (e.keyCode === m.KeyCode.Escape) {
      escaped = true;
      return;
    }
    if (escaped && e.keyCode === m.KeyCode.Tab && !e.ctrlKey && !e.altKey && !e.metaKey) {
      e.preventDefault();
      e.stopPropagation();
      focusOutside(host, e.shiftKey);
    }
    escaped = false;
  });
}
