/**
 * The Problems list: every diagnostic of kamailio.cfg and traffic.json (problems.ts), with its
 * severity, file, line:col and the engine's message; Enter or a click on one goes to its place
 * (go-to.ts: switches the tab, moves the cursor, reveals the line).
 */
import { useStore } from "../store/store.js";
import { goTo } from "./go-to.js";
import { moveInList } from "./list-keys.js";
import { problemRows } from "./problems.js";

const ICON = { error: "✖", warning: "⚠", info: "ℹ" } as const;

export function ProblemsList() {
  const cfg = useStore((s) => s.configDiagnostics);
  const trf = useStore((s) => s.trafficDiagnostics);
  const rows = problemRows(cfg, trf);
  if (rows.length === 0) return <p className="muted tool-empty">No problems in either file.</p>;
  return (
    <ul className="problems" aria-label="Problems" onKeyDown={moveInList}>
      {rows.map((r, i) => {
        const body = (
          <>
            <span className={`sev sev-${r.severity}`}>
              <span aria-hidden="true">{ICON[r.severity]} </span>
              {r.severity}
            </span>{" "}
            <span className="where">
              {r.file} {r.line}:{r.col}
            </span>{" "}
            <span className="msg">{r.message}</span>
          </>
        );
        const tab = r.tab;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own; the list is rebuilt per check.
          <li key={i}>
            {tab ? (
              <button type="button" onClick={() => goTo({ tab, line: r.line, col: r.col })}>
                {body}
              </button>
            ) : (
              <span className="no-go">{body}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
