/**
 * Processes: how busy every Kamailio process was over the last 30 virtual seconds (a lane each,
 * from the busy time every frame reports), the receive queue's depth, and requests dropped.
 */
import { memo, useEffect, useMemo, useRef, useState } from "react";
import type { ProcessInfo } from "../../../protocol/messages.js";
import { sameItems, useShown } from "../../store/shown.js";
import { useStore } from "../../store/store.js";
import { lastValue, xRange } from "../queues/series.js";
import { formatSeconds } from "../timers/format.js";
import { type BusyColors, BusyStrip } from "./BusyStrip.js";
import { BUSY_COLUMNS, busyGrid, busyShares, busySpanStart } from "./busy.js";
import { RxSparkline } from "./RxSparkline.js";

const DEFAULT_COLORS: BusyColors = { busy: "#1d4ed8", idle: "#888" };

/**
 * The lanes' colours from the theme, read once per theme and text size, on the next display frame
 * (the page applies a new theme in an effect that runs after this one).
 */
function useBusyColors(el: React.RefObject<HTMLElement | null>): BusyColors {
  const theme = useStore((s) => s.theme);
  const scale = useStore((s) => s.fontScale);
  const [colors, setColors] = useState(DEFAULT_COLORS);
  // biome-ignore lint/correctness/useExhaustiveDependencies: read again for a new theme or text size.
  useEffect(() => {
    const id = requestAnimationFrame(() => {
      if (!el.current) return;
      const style = getComputedStyle(el.current);
      const busy = style.getPropertyValue("--accent").trim() || DEFAULT_COLORS.busy;
      const idle = style.getPropertyValue("--neutral").trim() || DEFAULT_COLORS.idle;
      setColors((c) => (c.busy === busy && c.idle === idle ? c : { busy, idle }));
    });
    return () => cancelAnimationFrame(id);
  }, [theme, scale, el]);
  return colors;
}

/** One process's row: renders again only when its state, share or lane changed. */
const ProcessRow = memo(
  function ProcessRow({
    p,
    busy,
    share,
    cells,
    colors,
  }: {
    p: ProcessInfo;
    busy: boolean;
    share: number;
    cells: Float32Array;
    colors: BusyColors;
  }) {
    return (
      <li className={`proc-lane${busy ? " busy" : ""}`} data-process={p.label}>
        <span className="proc-name" title={`${p.name} (pid ${p.pid})`}>
          <span className="muted">{p.index}</span> {p.label}
        </span>
        <span className="proc-state">
          <span aria-hidden="true">{busy ? "● " : "○ "}</span>
          {busy ? "busy" : "idle"}
        </span>
        <BusyStrip cells={cells} colors={colors} />
        <span className="proc-share">
          {share}%<span className="sr-only"> busy</span>
        </span>
      </li>
    );
  },
  (a, b) =>
    a.p === b.p && a.busy === b.busy && a.share === b.share && a.colors === b.colors && sameItems(a.cells, b.cells),
);

export function ProcessesPanel() {
  const processes = useStore((s) => s.processes);
  // Frame-fed figures at the eye's pace (store/shown.ts); each only when it changed.
  const series = useShown((s) => s.busyTime);
  const busyNow = useShown((s) => s.busy, sameItems);
  const rxQueued = useShown((s) => lastValue(s.rxSeries));
  const dropped = useShown((s) => s.counters.dropped);
  const t = useShown((s) => s.t);
  const section = useRef<HTMLElement>(null);
  const colors = useBusyColors(section);
  const [lo, hi] = xRange(t);
  const rows = processes.length;
  const grid = useMemo(() => busyGrid(series, rows, lo * 1e6, hi * 1e6), [series, rows, lo, hi]);
  const shares = useMemo(() => busyShares(series, rows, lo * 1e6), [series, rows, lo]);
  // The shares' own time: frames are counted whole, so it can start before the lanes' 30 s.
  const since = useMemo(() => busySpanStart(series, lo * 1e6) ?? t, [series, lo, t]);
  const span = `busy share since ${formatSeconds(since)}`;
  const busySet = new Set(busyNow);
  return (
    <section ref={section} className="panel processes-panel" aria-label="Processes">
      <h2>Processes</h2>
      <div className="proc-head">
        <div className="stat rx">
          <span className="big-number" data-testid="rx-queued">
            {rxQueued.toLocaleString("en-US")}
          </span>
          <span className="muted">in receive queue</span>
          <RxSparkline />
        </div>
        <div className="stat">
          <span className={`big-number${dropped ? " alert-text" : ""}`} data-testid="requests-dropped">
            {dropped ? <span aria-hidden="true">✕ </span> : null}
            {dropped.toLocaleString("en-US")}
          </span>
          <span className="muted">requests dropped</span>
        </div>
        <div className="stat">
          <span className="big-number">
            {busySet.size}/{rows}
          </span>
          <span className="muted">busy now</span>
        </div>
      </div>
      <p className="muted proc-span" data-since-us={since}>
        % = {span}
      </p>
      <ul className="proc-lanes" aria-label={`Processes, ${span}`}>
        {processes.map((p) => (
          <ProcessRow
            key={p.index}
            p={p}
            busy={busySet.has(p.index)}
            share={Math.round((shares[p.index] ?? 0) * 100)}
            cells={grid.subarray(p.index * BUSY_COLUMNS, (p.index + 1) * BUSY_COLUMNS)}
            colors={colors}
          />
        ))}
      </ul>
    </section>
  );
}
