/**
 * The editor pane: tabs for kamailio.cfg and traffic.json, the editor, the Apply button
 * (Ctrl/Cmd+Enter), the count of problems, how to leave the editor from the keyboard, the
 * defines box, and the Problems list and outline (EditorTools.tsx). The editor itself is Monaco (see MonacoEditor.tsx), in a chunk of its own that
 * the page starts loading at once (load-editor.ts): the page is usable before it.
 */
import { lazy, Suspense } from "react";
import { getBridge } from "../bridge/worker-bridge.js";
import { useStore } from "../store/store.js";
import { DefinesBox } from "./DefinesBox.js";
import { EditorTools } from "./EditorTools.js";
import { loadEditor } from "./load-editor.js";
import { errorCount, problemSummary } from "./problem-count.js";

const MonacoEditor = lazy(loadEditor);

const TABS: readonly ["config" | "traffic", string][] = [
  ["config", "kamailio.cfg"],
  ["traffic", "traffic.json"],
];

export function EditorPane() {
  const tab = useStore((s) => s.tab);
  const dirty = useStore((s) => s.dirty);
  const cfgDiags = useStore((s) => s.configDiagnostics);
  const trfDiags = useStore((s) => s.trafficDiagnostics);
  const summary = problemSummary(tab, cfgDiags, trfDiags);
  const tabErrors = { config: errorCount(cfgDiags), traffic: errorCount(trfDiags) };
  const s = useStore.getState();
  return (
    <section className="editor-pane" aria-label="Editor">
      <div className="tabs" role="tablist" aria-label="Files">
        {TABS.map(([id, name]) => (
          <button
            key={id}
            id={`editor-tab-${id}`}
            type="button"
            role="tab"
            aria-selected={tab === id}
            aria-controls="editor-panel"
            tabIndex={tab === id ? 0 : -1}
            onClick={() => s.setTab(id)}
            onKeyDown={(e) => {
              // Tabs pattern (WAI-ARIA): arrows move between the two files.
              if (e.key !== "ArrowLeft" && e.key !== "ArrowRight") return;
              const other = id === "config" ? "traffic" : "config";
              s.setTab(other);
              document.getElementById(`editor-tab-${other}`)?.focus();
            }}
          >
            {name}
            {tabErrors[id] > 0 && (
              <span className="tab-errors" title={`${tabErrors[id]} error${tabErrors[id] === 1 ? "" : "s"}`}>
                {" "}
                ({tabErrors[id]})
              </span>
            )}
          </button>
        ))}
      </div>
      <div className="editor-host" id="editor-panel" role="tabpanel" aria-labelledby={`editor-tab-${tab}`}>
        <Suspense fallback={<div className="muted">loading the editor…</div>}>
          <MonacoEditor />
        </Suspense>
      </div>
      <div className="editor-foot">
        <button
          type="button"
          aria-label="Apply"
          aria-keyshortcuts="Control+Enter Meta+Enter"
          onClick={() => getBridge().load()}
          disabled={!dirty}
        >
          Apply ⌘↵
        </button>
        <span role="status">{summary}</span>
        <span className="muted">Leave the editor: Esc then Tab, or Ctrl+M</span>
      </div>
      {/* Not between the tabs and their panel (Tab from a tab goes into the editor), and after the
          problem count, the pane's first status. */}
      <DefinesBox />
      <EditorTools />
    </section>
  );
}
