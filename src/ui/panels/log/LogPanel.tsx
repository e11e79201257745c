/**
 * The Log: every line as the CLI prints it, coloured by level (and labelled: colour is never the
 * only signal), filtered by level and text, following the tail unless the user scrolls back.
 * Only the visible rows are rendered, so a very long log stays smooth; the ring bounds memory.
 */
import { useEffect, useMemo, useRef, useState } from "react";
import { formatTimestamp } from "../../../engine/index.js";
import { useShown } from "../../store/shown.js";
import { useStore } from "../../store/store.js";
import { addressIn, mentions } from "../../story.js";
import { download, logAsJsonLines, logAsText } from "./export.js";
import { filteredIndexes } from "./filter.js";
import { LineDetails } from "./LineDetails.js";
import { CURSOR_KEYS, moveCursor, positionOf, scrollToShow } from "./navigation.js";
import { useRowHeight } from "./use-row-height.js";

const LEVELS = ["ALERT", "CRITICAL", "ERROR", "WARNING", "NOTICE", "INFO", "DEBUG"];
/** Until the hidden row is measured: 1.5em of the default 12.5 px text. */
const DEFAULT_ROW_PX = 19;

export function LogPanel() {
  const ring = useStore((s) => s.log);
  // New lines arrive every frame: the view follows them at the eye's pace (store/shown.ts), not
  // on every frame (each follow reads the scroll height: a layout per frame).
  const version = useShown((s) => s.logVersion);
  const levels = useStore((s) => s.levels);
  const text = useStore((s) => s.logFilter);
  const selected = useStore((s) => s.selectedLine);
  const focusIp = useStore((s) => s.focusIp);
  const { setLevel, setLogFilter, selectLine, setFocusIp } = useStore.getState();
  const pick = (whole: number, line: string) => {
    selectLine(whole);
    setFocusIp(addressIn(line));
  };
  const view = useRef<HTMLDivElement>(null);
  const [probe, ROW_PX] = useRowHeight(DEFAULT_ROW_PX);
  const [scrollTop, setScrollTop] = useState(0);
  /** The keyboard cursor: the line (index in the whole run) the arrows are on. */
  const [cursor, setCursor] = useState<number | undefined>(undefined);
  const [height, setHeight] = useState(300);
  const [follow, setFollow] = useState(true);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the ring changes in place (`ring.total`: also in a render between two shown versions).
  const indexes = useMemo(() => filteredIndexes(ring, levels, text), [ring, levels, text, version, ring.total]);
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

  const base = ring.total - ring.size;
  const cursorPos = cursor === undefined ? undefined : positionOf(cursor - base, indexes, ring.size);
  const wholeAt = (pos: number) => base + (indexes ? (indexes[pos] as number) : pos);
  const onKey = (k: React.KeyboardEvent) => {
    if (CURSOR_KEYS.has(k.key)) {
      const el = view.current;
      const top = el?.scrollTop ?? scrollTop;
      // A cursor not placed yet starts at the last line when following the tail, else the first in view.
      const start = follow ? count - 1 : Math.ceil(top / ROW_PX);
      const pos = moveCursor(k.key, cursorPos, count, Math.floor(height / ROW_PX), start);
      if (pos === undefined) return;
      k.preventDefault();
      setCursor(wholeAt(pos));
      if (el) el.scrollTop = scrollToShow(pos, ROW_PX, top, el.clientHeight);
    } else if ((k.key === "Enter" || k.key === " ") && cursor !== undefined && cursorPos !== undefined) {
      k.preventDefault();
      const e = ring.at(cursor - base);
      if (e) pick(cursor, e.line);
    } else if (k.key === "Escape" && selected !== undefined) {
      k.preventDefault();
      selectLine(undefined);
    }
  };

  const first = Math.max(0, Math.floor(scrollTop / ROW_PX) - 5);
  const last = Math.min(count, Math.ceil((scrollTop + height) / ROW_PX) + 5);
  const rows: React.ReactElement[] = [];
  for (let i = first; i < last; i++) {
    const at = indexes ? (indexes[i] as number) : i;
    const e = ring.at(at);
    if (!e) continue;
    const whole = base + at;
    rows.push(
      <div
        key={whole}
        id={`log-line-${whole}`}
        role="option"
        aria-selected={selected === whole}
        aria-posinset={i + 1}
        aria-setsize={count}
        className={`log-line lv-${e.level}${selected === whole ? " selected" : ""}${cursor === whole ? " cursor" : ""}${
          focusIp && mentions(e.line, focusIp) ? " related" : ""
        }`}
        style={{ position: "absolute", top: i * ROW_PX, height: ROW_PX, left: 0, right: 0 }}
        onClick={() => {
          setCursor(whole);
          pick(whole, e.line);
          // The keys work on the list: a clicked row must not keep the focus (it can scroll away).
          view.current?.focus({ preventScroll: true });
        }}
        onKeyDown={(k) => k.key === "Enter" && pick(whole, e.line)}
        tabIndex={-1}
      >
        [{formatTimestamp(e.t)}] {e.line}
      </div>,
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
      {/* A listbox (WAI-ARIA's pattern): focus stays here, the arrows move aria-activedescendant. */}
      <div
        ref={view}
        className="log-view"
        role="listbox"
        aria-label="Log lines"
        aria-activedescendant={
          cursorPos !== undefined && cursorPos >= first && cursorPos < last ? `log-line-${cursor}` : undefined
        }
        aria-keyshortcuts="ArrowUp ArrowDown PageUp PageDown Home End Enter Escape"
        tabIndex={0}
        onKeyDown={onKey}
        onScroll={(e) => {
          const el = e.currentTarget;
          setScrollTop(el.scrollTop);
          const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < ROW_PX * 2;
          if (atBottom !== follow) setFollow(atBottom);
        }}
      >
        <div
          role="presentation"
          style={{ height: count * ROW_PX, position: "relative", margin: 0, padding: 0, listStyle: "none" }}
        >
          {/* Measures a row in the lines' own font: the rows' spacing (use-row-height.ts). */}
          <div ref={probe} className="log-line log-probe" aria-hidden="true">
            0
          </div>
          {rows}
        </div>
      </div>
      {sel && (
        <LineDetails
          line={sel}
          onClose={() => {
            selectLine(undefined);
            view.current?.focus();
          }}
        />
      )}
    </section>
  );
}
