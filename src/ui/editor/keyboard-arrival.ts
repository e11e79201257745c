/**
 * Tab from the page into the editor must not put tab characters into the config: when the focus
 * arrives by the keyboard (Tab or Shift+Tab), the editor is in Monaco's tab-focus mode, so the
 * next Tab goes on to the next control as everywhere else on the page. Once the user edits the
 * text or clicks into it, Tab indents again (Ctrl+M still toggles the mode by hand).
 */
import type { monaco } from "./monaco.js";

export function installKeyboardArrival(editor: monaco.editor.IStandaloneCodeEditor): monaco.IDisposable {
  /** Whether the last input before a focus change was the Tab key. */
  let tabbed = false;
  const onKey = (e: KeyboardEvent) => {
    tabbed = e.key === "Tab";
  };
  const onPointer = () => {
    tabbed = false;
  };
  // Capture phase: seen before Monaco or the browser moves the focus.
  window.addEventListener("keydown", onKey, true);
  window.addEventListener("pointerdown", onPointer, true);
  const focus = editor.onDidFocusEditorText(() => editor.updateOptions({ tabFocusMode: tabbed }));
  const edit = editor.onDidChangeModelContent(() => {
    if (editor.hasTextFocus()) editor.updateOptions({ tabFocusMode: false });
  });
  const click = editor.onMouseDown(() => editor.updateOptions({ tabFocusMode: false }));
  return {
    dispose: () => {
      window.removeEventListener("keydown", onKey, true);
      window.removeEventListener("pointerdown", onPointer, true);
      focus.dispose();
      edit.dispose();
      click.dispose();
    },
  };
}
