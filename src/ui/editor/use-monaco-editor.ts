/**
 * The one Monaco editor of the playground, in a host element: it shows the model of the
 * current tab (each keeps its undo history and scroll position), follows the page's theme and
 * font size, is named after its file for screen readers, applies with Ctrl/Cmd+Enter, and can
 * be left from the keyboard.
 */
import { type RefObject, useEffect, useRef } from "react";
import { getBridge } from "../bridge/worker-bridge.js";
import { useStore } from "../store/store.js";
import { type EditorTab, editorModel, FILES } from "./editor-models.js";
import { onGoTo } from "./go-to.js";
import { installInactiveLines } from "./inactive-lines.js";
import { installKeyboardArrival } from "./keyboard-arrival.js";
import { installLeaveKeys } from "./leave-editor.js";
import { markEditorDrawn } from "./load-editor.js";
import type { monaco } from "./monaco.js";
import { installRunningRoutes } from "./running-route.js";
import { setupMonaco } from "./setup.js";
import { themeFor } from "./themes.js";
import { installTraceLines } from "./trace-lines.js";

/** The editor's font size at the page's font scale (the page's text is 14 px at scale 1). */
const fontSizeFor = (scale: number): number => Math.round(14 * scale);

function createEditor(host: HTMLElement): { editor: monaco.editor.IStandaloneCodeEditor; dispose: () => void } {
  const m = setupMonaco();
  const s = useStore.getState();
  const editor = m.editor.create(host, {
    model: editorModel(m, s.tab),
    theme: themeFor(s.theme),
    fontSize: fontSizeFor(s.fontScale),
    ariaLabel: FILES[s.tab].name,
    automaticLayout: true,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    fixedOverflowWidgets: true,
    wordBasedSuggestions: "off",
    quickSuggestions: { other: true, comments: false, strings: true },
    tabSize: 4,
    renderLineHighlight: "all",
    stickyScroll: { enabled: false },
  });
  // Apply: Monaco would otherwise insert a line on Ctrl+Enter and keep the key to itself.
  editor.addCommand(m.KeyMod.CtrlCmd | m.KeyCode.Enter, () => getBridge().load());
  const leave = installLeaveKeys(m, editor, host);
  const arrival = installKeyboardArrival(editor);
  const stopRoutes = installRunningRoutes(m);
  const stopInactive = installInactiveLines(m);
  const stopTrace = installTraceLines(m);
  return {
    editor,
    dispose: () => {
      stopRoutes();
      stopInactive();
      stopTrace();
      arrival.dispose();
      leave.dispose();
      editor.dispose();
    },
  };
}

/** Mounts the editor in `host` for as long as the component lives. */
export function useMonacoEditor(host: RefObject<HTMLDivElement | null>): void {
  const tab = useStore((s) => s.tab);
  const theme = useStore((s) => s.theme);
  const scale = useStore((s) => s.fontScale);
  const editor = useRef<monaco.editor.IStandaloneCodeEditor | undefined>(undefined);
  const shown = useRef<EditorTab>(tab);
  const views = useRef<Partial<Record<EditorTab, monaco.editor.ICodeEditorViewState | null>>>({});

  /** Shows the tab's model, keeping the view (scroll, cursor) of the one it replaces. */
  const show = useRef((t: EditorTab) => {
    const e = editor.current;
    if (!e || shown.current === t) return;
    const m = setupMonaco();
    views.current[shown.current] = e.saveViewState();
    e.setModel(editorModel(m, t));
    const view = views.current[t];
    if (view) e.restoreViewState(view);
    e.updateOptions({ ariaLabel: FILES[t].name });
    shown.current = t;
  }).current;

  useEffect(() => {
    if (!host.current) return;
    const made = createEditor(host.current);
    editor.current = made.editor;
    requestAnimationFrame(() => setTimeout(markEditorDrawn, 0));
    shown.current = useStore.getState().tab;
    // The Problems list and the outline: the file, then the place, in view, with the focus.
    const stopGoTo = onGoTo((t) => {
      show(t.tab);
      const position = { lineNumber: t.line, column: t.col };
      made.editor.setPosition(position);
      made.editor.revealPositionInCenterIfOutsideViewport(position);
      made.editor.focus();
    });
    return () => {
      stopGoTo();
      editor.current = undefined;
      made.dispose();
    };
  }, [host, show]);

  useEffect(() => show(tab), [tab, show]);

  useEffect(() => {
    setupMonaco().editor.setTheme(themeFor(theme));
  }, [theme]);

  useEffect(() => {
    editor.current?.updateOptions({ fontSize: fontSizeFor(scale) });
  }, [scale]);
}
