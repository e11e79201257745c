/**
 * Under the editor: the Problems list (both files) and the config's outline, each behind a
 * toggle button (aria-expanded) so that the editor keeps its height when they are not wanted.
 * The Problems toggle carries the count of both files' problems.
 */
import { useState } from "react";
import { useStore } from "../store/store.js";
import { OutlineList } from "./OutlineList.js";
import { ProblemsList } from "./ProblemsList.js";

export function EditorTools() {
  const [problems, setProblems] = useState(true);
  const [outline, setOutline] = useState(false);
  const count = useStore((s) => s.configDiagnostics.length + s.trafficDiagnostics.length);
  return (
    <div className="editor-tools">
      <div className="editor-tools-bar">
        <button
          type="button"
          aria-expanded={problems}
          aria-controls="problems-panel"
          onClick={() => setProblems(!problems)}
        >
          Problems <span className="badge">{count}</span>
        </button>
        <button
          type="button"
          aria-expanded={outline}
          aria-controls="outline-panel"
          onClick={() => setOutline(!outline)}
        >
          Outline
        </button>
      </div>
      <section id="problems-panel" className="tool-panel" aria-label="Problems list" hidden={!problems}>
        {problems && <ProblemsList />}
      </section>
      <section id="outline-panel" className="tool-panel" aria-label="Config outline" hidden={!outline}>
        {outline && <OutlineList />}
      </section>
    </div>
  );
}
