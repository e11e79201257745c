/**
 * The playground's layout: header; the editor on the left; the live dashboard on the right
 * (controls, counters, traffic, queues, timers, pike, processes, log). Panels stack on narrow
 * screens. The split between editor and dashboard can be dragged or moved with the arrow keys.
 */
import { lazy, Suspense, useEffect, useState } from "react";
import { EditorPane } from "./editor/EditorPane.js";
import { editorDrawn } from "./editor/load-editor.js";
import { ExampleNote } from "./examples/ExampleNote.js";
import { HelpDialog } from "./HelpDialog.js";
import { Header } from "./header/Header.js";
import { Controls } from "./panels/controls/Controls.js";
import { Counters } from "./panels/counters/Counters.js";
import { encodeShare } from "./share/link.js";
import { useStore } from "./store/store.js";

const DashboardPanels = lazy(() => import("./DashboardPanels.js"));

export function App() {
  const theme = useStore((s) => s.theme);
  const scale = useStore((s) => s.fontScale);
  const notice = useStore((s) => s.notice);
  const noticeAction = useStore((s) => s.noticeAction);
  const [width, setWidth] = useState(42);
  // The panels below the controls load and render once Monaco has drawn the config: on 2 cores,
  // the editor's start and the dashboard's code and first render would otherwise share the CPU,
  // and the config is what a visitor reads first.
  const [panels, setPanels] = useState(false);
  useEffect(() => {
    let live = true;
    void editorDrawn.then(() => live && setPanels(true));
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.setProperty("--scale", String(scale));
  }, [theme, scale]);

  const share = async () => {
    const s = useStore.getState();
    const hash = await encodeShare({ config: s.config, traffic: s.traffic, seed: s.seed, defines: s.defines });
    const url = `${location.origin}${location.pathname}${hash}`;
    history.replaceState(null, "", hash);
    try {
      await navigator.clipboard.writeText(url);
      s.setNotice("The share link is in your clipboard (it is also in the address bar).");
    } catch {
      s.setNotice("The share link is in the address bar: copy it from there.");
    }
  };

  return (
    <div className="app">
      <Header onShare={share} />
      {notice && (
        <div className="notice" role="alert" aria-label="Notice">
          {notice}
          {noticeAction && (
            <button
              type="button"
              onClick={() => {
                useStore.getState().setNotice(undefined);
                noticeAction.run();
              }}
            >
              {noticeAction.label}
            </button>
          )}
          <button type="button" onClick={() => useStore.getState().setNotice(undefined)}>
            Dismiss
          </button>
        </div>
      )}
      <main className="main" style={{ ["--editor-width" as string]: `${width}%` }}>
        <EditorPane />
        {/* biome-ignore lint/a11y/useSemanticElements: a draggable splitter has no native element. */}
        <div
          className="splitter"
          role="separator"
          aria-orientation="vertical"
          aria-label="Resize editor"
          aria-valuenow={width}
          aria-valuemin={20}
          aria-valuemax={75}
          tabIndex={0}
          onKeyDown={(e) => {
            if (e.key === "ArrowLeft") setWidth((w) => Math.max(20, w - 2));
            if (e.key === "ArrowRight") setWidth((w) => Math.min(75, w + 2));
          }}
          onPointerDown={(e) => {
            const move = (m: PointerEvent) =>
              setWidth(Math.min(75, Math.max(20, (m.clientX / window.innerWidth) * 100)));
            const up = () => {
              window.removeEventListener("pointermove", move);
              window.removeEventListener("pointerup", up);
            };
            window.addEventListener("pointermove", move);
            window.addEventListener("pointerup", up);
            e.preventDefault();
          }}
        />
        <div className="dashboard">
          <ExampleNote />
          <Controls />
          <Counters />
          {panels && (
            <Suspense fallback={null}>
              <DashboardPanels />
            </Suspense>
          )}
        </div>
      </main>
      <HelpDialog />
    </div>
  );
}
