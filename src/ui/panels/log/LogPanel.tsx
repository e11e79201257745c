/**
 * The Log: every line as the CLI prints it, coloured by level (and labelled: colour is never the
 * only signal), filtered by level and text, following the tail unless the user scrolls back.
 * Only the visible rows are rendered, so a very long log stays smooth; the ring bounds memory.
 */
import { useEffect, useMemo, useRef, useState } from "react";
import { formatTimestamp } from "../../../engine/index.js";
import { useStore } from "../../store/store.js";
import { addressIn, mentions } from "../../story.js";
import { download, logAsJsonLines, logAsText } from "./export.js";
import { filteredIndexes } from "./filter.js";
import { LineDetails } from "./LineDetails.js";

const LEVELS = ["ALERT", "CRITICAL", "ERROR", "WARNING", "NOTICE", "INFO", "DEBUG"];
const ROW_PX = 19;

export function LogPanel() {
  const ring = useStore((s) => s.log);
  const version = useStore((s) => s.logVersion);
  const levels = useStore((s) => s.levels);
  const text = useStore((s) => s.logFilter);
  const selected = useStore((s) => s.selectedLine);
  const focusIp = useStore((s) => s.focusIp);
  const { setLevel, setLogFilter, selectLine, setFocusIp } = useStore.getState();
  const pick = (whole: number, line: string) => {
    selectLine(whole);
    setFocusIp(addressIn(line));
  };
  const view = useRef<HTMLElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(300);
  const [follow, setFollow] = useState(true);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` changes whenever the ring does.
  const indexes = useMemo(() => filteredIndexes(ring, levels, text), [ring, levels, text, version]);
  const count = indexes ? indexes.length : ring.size;

  useEffect(() => {
    const el = view.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setHeight(el.clientHeight));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: re-run when lines arrive.
  useEffect(() => {
    const el = view.current;
    if (el && follow) el.scrollTop = el.scrollHeight;
  }, [version, follow, count]);

  const first = Math.max(0, Math.floor(scrollTop / ROW_PX) - 5);
  const last = Math.min(count, Math.ceil((scrollTop + height) / ROW_PX) + 5);
  const rows: React.ReactElement[] = [];
  for (let i = first; i < last; i++) {
    const at = indexes ? (indexes[i] as number) : i;
    const e = ring.at(at);
    if (!e) continue;
    const whole = ring.total - ring.size + at;
    rows.push(
      <li
        key={whole}
        className={`log-line lv-${e.level}${selected === whole ? " selected" : ""}${
          focusIp && mentions(e.line, focusIp) ? " related" : ""
        }`}
        style={{ position: "absolute", top: i * ROW_PX, left: 0, right: 0 }}
        onClick={() => pick(whole, e.line)}
        onKeyDown={(k) => k.key === "Enter" && pick(whole, e.line)}
        tabIndex={-1}
      >
        [{formatTimestamp(e.t)}] {e.line}
      </li>,
    );
  }
  const sel = selected === undefined ? undefined : ring.at(selected - (ring.total - ring.size));

  return (
    <section className="panel log" aria-label="Log">
      <h2>Log</h2>
      <div className="log-tools">
        {LEVELS.map((l) => (
          <label key={l}>
            <input type="checkbox" checked={levels[l] !== false} onChange={(e) => setLevel(l, e.target.checked)} /> {l}
          </label>
        ))}
        <input
          type="search"
          placeholder="filter…"
          aria-label="Filter log"
          value={text}
          onChange={(e) => setLogFilter(e.target.value)}
        />
        <label>
          <input type="checkbox" checked={follow} onChange={(e) => setFollow(e.target.checked)} /> follow
        </label>
        <button
          type="button"
          aria-label="Save log as text"
          onClick={() => download("kamsim.log", logAsText(ring.toArray()))}
        >
          ⤓ text
        </button>
        <button
          type="button"
          aria-label="Save log as JSON lines"
          onClick={() => download("kamsim.jsonl", logAsJsonLines(ring.toArray()), "application/x-ndjson")}
        >
          ⤓ JSON lines
        </button>
        <span className="muted" aria-live="polite">
          {count.toLocaleString("en-US")} lines
        </span>
        {focusIp && (
          <span className="focus-tag" aria-live="polite">
            <span aria-hidden="true">◆ </span>marking {focusIp} in every view{" "}
            <button type="button" aria-label={`Stop marking ${focusIp}`} onClick={() => setFocusIp(undefined)}>
              ✕
            </button>
          </span>
        )}
      </div>
      <section
        ref={view}
        className="log-view"
        aria-label="Log lines"
        tabIndex={0}
        onScroll={(e) => {
          const el = e.currentTarget;
          setScrollTop(el.scrollTop);
          const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < ROW_PX * 2;
          if (atBottom !== follow) setFollow(atBottom);
        }}
      >
        <ul style={{ height: count * ROW_PX, position: "relative", margin: 0, padding: 0, listStyle: "none" }}>
          {rows}
        </ul>
      </section>
      {sel && <LineDetails line={sel} />}
    </section>
  );
}
