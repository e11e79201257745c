/**
 * The editor pane: tabs for kamailio.cfg and traffic.json, the editor, and the Apply button
 * (Ctrl/Cmd+Enter). The editor itself is Monaco (see MonacoEditor.tsx), loaded lazily.
 */
import { lazy, Suspense } from "react";
import { getBridge } from "../bridge/worker-bridge.js";
import { useStore } from "../store/store.js";

const MonacoEditor = lazy(() => import("./MonacoEditor.js"));

export function EditorPane() {
  const tab = useStore((s) => s.tab);
  const dirty = useStore((s) => s.dirty);
  const cfgDiags = useStore((s) => s.configDiagnostics);
  const trfDiags = useStore((s) => s.trafficDiagnostics);
  const errors = (tab === "config" ? cfgDiags : trfDiags).filter((d) => d.severity === "error").length;
  const warnings = (tab === "config" ? cfgDiags : trfDiags).filter((d) => d.severity === "warning").length;
  const s = useStore.getState();
  return (
    <section className="editor-pane" aria-label="Editor">
      <div className="tabs" role="tablist" aria-label="Files">
        <button type="button" role="tab" aria-selected={tab === "config"} onClick={() => s.setTab("config")}>
          kamailio.cfg
        </button>
        <button type="button" role="tab" aria-selected={tab === "traffic"} onClick={() => s.setTab("traffic")}>
          traffic.json
        </button>
      </div>
      <div className="editor-host">
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
        <span role="status">
          {errors} error{errors === 1 ? "" : "s"}, {warnings} warning{warnings === 1 ? "" : "s"}
        </span>
        <span className="muted">Leave the editor: Esc then Tab, or Ctrl+M</span>
      </div>
    </section>
  );
}
