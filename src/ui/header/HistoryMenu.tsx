/**
 * History: the last autosaved versions of the work (time, the example they came from, size),
 * each with Restore. Restoring is itself a replacement, so the work it replaces is kept too.
 */
import { useRef, useState } from "react";
import { getBridge } from "../bridge/worker-bridge.js";
import { EXAMPLES } from "../examples/index.js";
import { currentWork, replaceWork } from "../share/replace-work.js";
import { readHistory, sameTexts, type Version } from "../share/work-history.js";

function describe(v: Version): string {
  const title = EXAMPLES.find((x) => x.id === v.example)?.title;
  const lines = v.config.split("\n").length;
  const defines = v.defines ? `, defines ${v.defines}` : "";
  return `${title ? `from ${title}` : "your own config"}, ${lines} line${lines === 1 ? "" : "s"}${defines}`;
}

const when = (ms: number) => new Date(ms).toLocaleString(undefined, { dateStyle: "short", timeStyle: "medium" });

export function HistoryMenu() {
  const ref = useRef<HTMLDialogElement>(null);
  const [versions, setVersions] = useState<Version[]>([]);
  const close = () => ref.current?.close();
  const now = currentWork();
  return (
    <>
      <button
        type="button"
        title="Autosaved versions of your work"
        onClick={() => {
          setVersions(readHistory());
          ref.current?.showModal();
        }}
      >
        History
      </button>
      <dialog ref={ref} aria-label="Autosaved versions" className="history">
        <h2>Autosaved versions</h2>
        {versions.length === 0 ? (
          <p className="muted">Nothing saved yet: versions appear here as you edit.</p>
        ) : (
          <ol>
            {versions.map((v) => (
              <li key={v.id}>
                <span>
                  <time dateTime={new Date(v.savedAt).toISOString()}>{when(v.savedAt)}</time> · {describe(v)}
                </span>
                {sameTexts(v, now) ? (
                  <span className="muted">in the editor</span>
                ) : (
                  <button
                    type="button"
                    aria-label={`Restore the version of ${when(v.savedAt)}`}
                    onClick={() => {
                      close();
                      replaceWork(v, `Restored the version of ${when(v.savedAt)}.`, () => getBridge().load());
                    }}
                  >
                    Restore
                  </button>
                )}
              </li>
            ))}
          </ol>
        )}
        <button type="button" onClick={close}>
          Close
        </button>
      </dialog>
    </>
  );
}
