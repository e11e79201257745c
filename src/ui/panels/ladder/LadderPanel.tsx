/**
 * The Ladder (issue 12 §1): the SIP messages on the simulated network as sngrep draws them — a
 * column per node (the proxy first, then each agent; addresses nobody listens at as ip:port), an
 * arrow per message from sender to receiver labelled with its method or "code reason" and its
 * virtual time, a cross where a message was lost. Filters by call (Call-ID), by node, and
 * hiding OPTIONS and REGISTER. Only the rows in view are in the DOM, so thousands of messages
 * cost nothing; the rows are a listbox (arrows move, Enter or a click opens the message's text).
 * Exports what it shows (every row, filters applied) as plain text, a Mermaid sequenceDiagram,
 * an SVG, or a PNG (its first rows: export-png.ts).
 */
import { memo, useEffect, useMemo, useRef, useState } from "react";
import type { LadderRow } from "../../../protocol/messages.js";
import { useShown } from "../../store/shown.js";
import { LADDER_CAPACITY, useStore } from "../../store/store.js";
import { download, downloadBlob } from "../log/export.js";
import { CURSOR_KEYS, moveCursor, scrollToShow } from "../log/navigation.js";
import { useRowHeight } from "../log/use-row-height.js";
import { openTrace } from "../trace/open-trace.js";
import { useOnScreen } from "../use-on-screen.js";
import { ladderAsMermaid, ladderAsText } from "./export.js";
import { ladderAsPng } from "./export-png.js";
import { ladderAsSvg } from "./export-svg.js";
import { MessageDetails } from "./MessageDetails.js";
import {
  callsOf,
  columnsOf,
  describeRow,
  isFiltered,
  type LadderFilter,
  labelOf,
  layoutColumns,
  matches,
  NO_FILTER,
  receiverOf,
  senderOf,
  timeOf,
} from "./model.js";
import "./ladder.css";

/** Until the hidden row is measured: 2.2em of the default 12.5 px text. */
const DEFAULT_ROW_PX = 28;
/** The time gutter's width, px at text size 1. */
const GUTTER_PX = 74;
/** Calls the Call-ID menu lists: the most recent (a flood makes one per request). */
const MAX_CALLS_LISTED = 200;
/** Nodes the node menu lists. */
const MAX_NODES_LISTED = 50;

function tone(r: LadderRow): string {
  if (r.lost) return "lost";
  if (r.status === undefined) return "request";
  if (r.status < 200) return "provisional";
  if (r.status < 300) return "success";
  if (r.status < 400) return "redirect";
  return "failure";
}

interface ArrowProps {
  row: LadderRow;
  /** The row's end and loss, apart: the ring ends a row in place (same object, new end). */
  end: number | undefined;
  lost: LadderRow["lost"];
  index: number;
  count: number;
  rowPx: number;
  width: number;
  gutter: number;
  scale: number;
  from: number;
  to: number;
  colW: number;
  /** The lifelines' x, joined (a string, so that equal columns compare equal). */
  lifelines: string;
  selected: boolean;
  cursor: boolean;
}

/** One message's row; drawn again only when something it shows changed. */
const Arrow = memo(function Arrow(p: ArrowProps) {
  const { row: r, rowPx, scale, from, to, colW } = p;
  const arrowY = rowPx * 0.74;
  const dir = to >= from ? 1 : -1;
  const head = 7 * scale;
  const label = `${labelOf(r)}${p.lost ? " ✕" : ""}`;
  return (
    <div
      id={`ladder-msg-${r.id}`}
      data-id={r.id}
      role="option"
      aria-selected={p.selected}
      aria-posinset={p.index + 1}
      aria-setsize={p.count}
      aria-label={describeRow(r)}
      className={`ladder-row tone-${tone(r)}${p.selected ? " selected" : ""}${p.cursor ? " cursor" : ""}`}
      style={{ top: p.index * rowPx, height: rowPx }}
      tabIndex={-1}
    >
      <span className="ladder-time" style={{ width: p.gutter }}>
        {timeOf(r.t)}
      </span>
      <svg className="ladder-svg" width={p.width} height={rowPx} aria-hidden="true">
        {p.lifelines.split(",").map((lx) => (
          <line key={lx} className="lifeline" x1={lx} x2={lx} y1={0} y2={rowPx} />
        ))}
        {from === to ? (
          <path
            className="arrow"
            d={`M${from} ${arrowY - 8 * scale} h${colW * 0.25} v${8 * scale} h${-colW * 0.25 + head}`}
            fill="none"
          />
        ) : (
          <line className="arrow" x1={from} x2={to - dir * (p.lost ? 0 : head)} y1={arrowY} y2={arrowY} />
        )}
        {p.lost ? (
          <path
            className="cross"
            d={`M${to - 5} ${arrowY - 5} l10 10 M${to + 5} ${arrowY - 5} l-10 10`}
            strokeWidth={2.5}
          />
        ) : (
          <polygon
            className="head"
            points={`${to},${arrowY} ${to - dir * head},${arrowY - head / 2} ${to - dir * head},${arrowY + head / 2}`}
          />
        )}
        <text className="label" x={from === to ? from + colW * 0.3 : (from + to) / 2} y={arrowY - 5 * scale}>
          {label}
        </text>
      </svg>
    </div>
  );
});

export function LadderPanel() {
  const ring = useStore((s) => s.ladder);
  const section = useRef<HTMLElement>(null);
  const onScreen = useOnScreen(section);
  // Rows arrive every frame: the view follows at the eye's pace (store/shown.ts), and not at
  // all while scrolled out of sight.
  const version = useShown((s) => (onScreen ? s.ladderVersion : -1));
  /** The call and node menus are open (their lists are built only then: a flood makes thousands). */
  const [menus, setMenus] = useState(false);
  const scale = useStore((s) => s.fontScale);
  const hasStreams = useStore((s) => s.streams.length > 0);
  const [filter, setFilter] = useState<LadderFilter>(NO_FILTER);
  const [selected, setSelected] = useState<LadderRow | undefined>(undefined);
  const [cursor, setCursor] = useState<number | undefined>(undefined);
  const [follow, setFollow] = useState(true);
  const [scrollTop, setScrollTop] = useState(0);
  const [size, setSize] = useState({ width: 600, height: 300 });
  const view = useRef<HTMLDivElement>(null);
  const [probe, ROW_PX] = useRowHeight(DEFAULT_ROW_PX);
  /** What the last PNG held, when it could not hold every row (or why it failed). */
  const [pngNote, setPngNote] = useState("");
  const savePng = async (shown: readonly LadderRow[]) => {
    try {
      const png = await ladderAsPng(shown);
      downloadBlob("kamsim-ladder.png", png.blob);
      setPngNote(
        png.rows < shown.length
          ? ` · the PNG holds the first ${png.rows} of ${shown.length} rows (choose a call for one call)`
          : "",
      );
    } catch (e) {
      setPngNote(` · no PNG: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: the ring changes in place; `version` says when.
  const all = useMemo(() => ring.toArray(), [ring, version]);
  const rows = useMemo(() => (isFiltered(filter) ? all.filter((r) => matches(r, filter)) : all), [all, filter]);
  const layout = useMemo(() => layoutColumns(rows), [rows]);
  // The node menu: every named node and the first addresses (a flood's sources are thousands).
  const nodes = useMemo(
    () => (menus ? columnsOf(all).slice(0, MAX_NODES_LISTED) : filter.node ? [filter.node] : []),
    [all, menus, filter.node],
  );
  const calls = useMemo(() => {
    if (!menus) {
      const mine = filter.callId ? all.filter((r) => r.callId === filter.callId) : [];
      const chosen = mine[0];
      return {
        recent: chosen ? [{ callId: chosen.callId, first: labelOf(chosen), t: chosen.t, count: mine.length }] : [],
        count: undefined,
      };
    }
    const list = callsOf(all);
    const recent = list.slice(-MAX_CALLS_LISTED);
    if (filter.callId && !recent.some((c) => c.callId === filter.callId)) {
      const chosen = list.find((c) => c.callId === filter.callId);
      if (chosen) recent.unshift(chosen);
    }
    return { recent, count: list.length as number | undefined };
  }, [all, filter.callId, menus]);

  useEffect(() => {
    const el = view.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setSize({ width: el.clientWidth, height: el.clientHeight }));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: re-run when rows arrive.
  useEffect(() => {
    const el = view.current;
    if (el && follow) el.scrollTop = el.scrollHeight;
  }, [rows, follow]);

  const gutter = GUTTER_PX * scale;
  const width = Math.max(120, size.width - gutter);
  const colW = width / Math.max(1, layout.titles.length);
  const x = (col: number) => colW * (col + 0.5);
  const count = rows.length;
  const cursorPos = cursor === undefined ? undefined : rows.findIndex((r) => r.id === cursor);
  const first = Math.max(0, Math.floor(scrollTop / ROW_PX) - 5);
  const last = Math.min(count, Math.ceil((scrollTop + size.height) / ROW_PX) + 5);

  const open = (r: LadderRow) => {
    setCursor(r.id);
    setSelected(r);
    // A message the proxy received: what it did with it (the Trace pane, replayed on demand).
    if (r.toNode === "kamailio" && r.end !== undefined && r.lost === undefined)
      openTrace({ msg: r.id, at: r.end }, `${labelOf(r)} from ${r.fromNode || r.from}`);
  };
  const onKey = (k: React.KeyboardEvent) => {
    if (CURSOR_KEYS.has(k.key)) {
      const el = view.current;
      const top = el?.scrollTop ?? scrollTop;
      const start = follow ? count - 1 : Math.ceil(top / ROW_PX);
      const pos = moveCursor(
        k.key,
        cursorPos === undefined || cursorPos < 0 ? undefined : cursorPos,
        count,
        Math.floor(size.height / ROW_PX),
        start,
      );
      if (pos === undefined) return;
      k.preventDefault();
      setCursor(rows[pos]?.id);
      if (el) el.scrollTop = scrollToShow(pos, ROW_PX, top, el.clientHeight);
    } else if ((k.key === "Enter" || k.key === " ") && cursorPos !== undefined && cursorPos >= 0) {
      k.preventDefault();
      const r = rows[cursorPos];
      if (r) open(r);
    } else if (k.key === "Escape" && selected) {
      k.preventDefault();
      setSelected(undefined);
    }
  };

  const lifelines = layout.titles.map((_, c) => x(c)).join(",");
  const items: React.ReactElement[] = [];
  for (let i = first; i < last; i++) {
    const r = rows[i];
    if (!r) continue;
    items.push(
      <Arrow
        key={r.id}
        row={r}
        end={r.end}
        lost={r.lost}
        index={i}
        count={count}
        rowPx={ROW_PX}
        width={width}
        gutter={gutter}
        scale={scale}
        from={x(layout.columnOf(senderOf(r)))}
        to={x(layout.columnOf(receiverOf(r)))}
        colW={colW}
        lifelines={lifelines}
        selected={selected?.id === r.id}
        cursor={cursor === r.id}
      />,
    );
  }

  const shownOf =
    ring.total > ring.size
      ? `the last ${ring.size.toLocaleString("en-US")} of ${ring.total.toLocaleString("en-US")} messages`
      : `${ring.total.toLocaleString("en-US")} messages`;
  const set = (f: Partial<LadderFilter>) => setFilter((old) => ({ ...old, ...f }));
  const filteredNote = isFiltered(filter) ? ` · ${count.toLocaleString("en-US")} shown` : "";

  return (
    <section ref={section} className="panel ladder" aria-label="Ladder">
      <h2>Ladder</h2>
      <div className="log-tools">
        <select
          aria-label="Call"
          onFocus={() => setMenus(true)}
          onPointerDown={() => setMenus(true)}
          onBlur={() => setMenus(false)}
          value={filter.callId}
          onChange={(e) => {
            set({ callId: e.target.value });
            setFollow(e.target.value === "");
          }}
        >
          <option value="">
            {calls.count === undefined
              ? "all calls"
              : `all calls (${calls.count.toLocaleString("en-US")}${
                  calls.count > MAX_CALLS_LISTED ? `, the last ${MAX_CALLS_LISTED} listed` : ""
                })`}
          </option>
          {calls.recent.map((c) => (
            <option key={c.callId} value={c.callId}>
              {`${timeOf(c.t)} s ${c.first} · ${c.count} · ${c.callId}`}
            </option>
          ))}
          {filter.callId && !calls.recent.some((c) => c.callId === filter.callId) && (
            <option value={filter.callId}>{`${filter.callId} (no message of it kept)`}</option>
          )}
        </select>
        <select
          aria-label="Node"
          onFocus={() => setMenus(true)}
          onPointerDown={() => setMenus(true)}
          onBlur={() => setMenus(false)}
          value={filter.node}
          onChange={(e) => set({ node: e.target.value })}
        >
          <option value="">all nodes</option>
          {nodes.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
        <label>
          <input
            type="checkbox"
            checked={filter.hideRegistrations}
            onChange={(e) => set({ hideRegistrations: e.target.checked })}
          />{" "}
          hide OPTIONS/REGISTER
        </label>
        <label>
          <input type="checkbox" checked={follow} onChange={(e) => setFollow(e.target.checked)} /> follow
        </label>
        <button
          type="button"
          aria-label="Save ladder as text"
          onClick={() => download("kamsim-ladder.txt", ladderAsText(rows))}
        >
          ⤓ text
        </button>
        <button
          type="button"
          aria-label="Save ladder as Mermaid"
          onClick={() => download("kamsim-ladder.mmd", ladderAsMermaid(rows))}
        >
          ⤓ Mermaid
        </button>
        <button
          type="button"
          aria-label="Save ladder as SVG"
          onClick={() => download("kamsim-ladder.svg", ladderAsSvg(rows), "image/svg+xml")}
        >
          ⤓ SVG
        </button>
        <button type="button" aria-label="Save ladder as PNG" onClick={() => void savePng(rows)}>
          ⤓ PNG
        </button>
        <span className="muted" aria-live="polite">
          {shownOf}
          {filteredNote}
          {ring.total > ring.size ? ` (the ladder keeps ${LADDER_CAPACITY.toLocaleString("en-US")})` : ""}
          {pngNote}
        </span>
      </div>
      {hasStreams && (
        <p className="legend muted">
          Not drawn: stateless replies (sl_send_reply) to the traffic streams' sources — nobody listens there, so the
          playground does not build them; the counters count them.
        </p>
      )}
      <div className="ladder-head" aria-hidden="true" style={{ paddingLeft: gutter }}>
        {layout.titles.map((t, c) => (
          <span key={t} className={c === 0 && t === "kamailio" ? "proxy" : ""} style={{ left: gutter + x(c) }}>
            {t}
          </span>
        ))}
      </div>
      {/* A listbox (WAI-ARIA's pattern): focus stays here, the arrows move aria-activedescendant. */}
      <div
        ref={view}
        className="ladder-view"
        role="listbox"
        aria-label="Ladder messages"
        aria-activedescendant={
          cursorPos !== undefined && cursorPos >= first && cursorPos < last ? `ladder-msg-${cursor}` : undefined
        }
        aria-keyshortcuts="ArrowUp ArrowDown PageUp PageDown Home End Enter Escape"
        tabIndex={0}
        onKeyDown={onKey}
        onClick={(e) => {
          // One listener for every row (rows are drawn again only when they change).
          const id = Number((e.target as Element).closest("[data-id]")?.getAttribute("data-id"));
          const r = Number.isNaN(id) ? undefined : rows.find((x) => x.id === id);
          if (!r) return;
          open(r);
          view.current?.focus({ preventScroll: true });
        }}
        onScroll={(e) => {
          const el = e.currentTarget;
          setScrollTop(el.scrollTop);
          const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < ROW_PX * 2;
          if (atBottom !== follow) setFollow(atBottom);
        }}
      >
        <div role="presentation" style={{ height: count * ROW_PX, position: "relative" }}>
          {/* Measures a row in the rows' own font: their spacing (log/use-row-height.ts). */}
          <div ref={probe} className="ladder-row ladder-probe" aria-hidden="true">
            0
          </div>
          {count === 0 && (
            <p className="muted ladder-empty">
              {ring.total === 0 ? "No SIP message on the network yet." : "No message matches the filters."}
            </p>
          )}
          {items}
        </div>
      </div>
      {selected && (
        <MessageDetails
          row={selected}
          onClose={() => {
            setSelected(undefined);
            view.current?.focus();
          }}
        />
      )}
    </section>
  );
}
