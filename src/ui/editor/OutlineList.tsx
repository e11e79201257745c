/**
 * The config's outline: its route blocks, each with who names it (outline.ts, from the engine's
 * ProgramInfo); a click or Enter on a block or a use goes to it in kamailio.cfg.
 */
import { useMemo } from "react";
import { useStore } from "../store/store.js";
import { goTo } from "./go-to.js";
import { moveInList } from "./list-keys.js";
import { buildOutline, type OutlinePlace } from "./outline.js";

function Go({ at, children }: { at: OutlinePlace | undefined; children: string }) {
  return (
    <button
      type="button"
      disabled={!at}
      onClick={() => {
        if (at) goTo({ tab: "config", line: at.line, col: at.col });
      }}
    >
      {children}
    </button>
  );
}

export function OutlineList() {
  const program = useStore((s) => s.program);
  const config = useStore((s) => s.config);
  const routes = useMemo(() => buildOutline(program, config), [program, config]);
  if (routes.length === 0)
    return <p className="muted tool-empty">No route blocks (yet: the config is checked as you type).</p>;
  return (
    <ul className="outline" aria-label="Outline" onKeyDown={moveInList}>
      {routes.map((r) => (
        <li key={r.label}>
          <Go at={r.at}>{r.label}</Go>
          {r.runs && <span className="muted"> {r.runs}</span>}
          {r.callers.length > 0 ? (
            <ul aria-label={`Uses of ${r.label}`}>
              {r.callers.map((c, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the same use may be written twice in one block.
                <li key={i}>
                  <Go at={c.at}>{c.label}</Go>
                </li>
              ))}
            </ul>
          ) : (
            !r.runs && <span className="muted"> named nowhere</span>
          )}
        </li>
      ))}
    </ul>
  );
}
