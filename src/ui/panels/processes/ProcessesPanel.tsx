/**
 * Processes: how busy every Kamailio process was over the last 30 virtual seconds (a lane each,
 * from the busy time every frame reports), the receive queue's depth, and requests dropped.
 */
import { useMemo } from "react";
import { useStore } from "../../store/store.js";
import { lastValue, xRange } from "../queues/series.js";
import { formatSeconds } from "../timers/format.js";
import { BusyStrip } from "./BusyStrip.js";
import { BUSY_COLUMNS, busyGrid, busyShares, busySpanStart } from "./busy.js";
import { RxSparkline } from "./RxSparkline.js";

export function ProcessesPanel() {
  const processes = useStore((s) => s.processes);
  const series = useStore((s) => s.busyTime);
  const busyNow = useStore((s) => s.busy);
  const rx = useStore((s) => s.rxSeries);
  const dropped = useStore((s) => s.counters.dropped);
  const t = useStore((s) => s.t);
  const [lo, hi] = xRange(t);
  const rows = processes.length;
  const grid = useMemo(() => busyGrid(series, rows, lo * 1e6, hi * 1e6), [series, rows, lo, hi]);
  const shares = useMemo(() => busyShares(series, rows, lo * 1e6), [series, rows, lo]);
  // The shares' own time: frames are counted whole, so it can start before the lanes' 30 s.
  const since = useMemo(() => busySpanStart(series, lo * 1e6) ?? t, [series, lo, t]);
  const span = `busy share since ${formatSeconds(since)}`;
  const busySet = new Set(busyNow);
  return (
    <section className="panel processes-panel" aria-label="Processes">
      <h2>Processes</h2>
      <div className="proc-head">
        <div className="stat rx">
          <span className="big-number" data-testid="rx-queued">
            {lastValue(rx).toLocaleString("en-US")}
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
        {processes.map((p) => {
          const busy = busySet.has(p.index);
          const share = Math.round((shares[p.index] ?? 0) * 100);
          return (
            <li key={p.index} className={`proc-lane${busy ? " busy" : ""}`} data-process={p.label}>
              <span className="proc-name" title={`${p.name} (pid ${p.pid})`}>
                <span className="muted">{p.index}</span> {p.label}
              </span>
              <span className="proc-state">
                <span aria-hidden="true">{busy ? "● " : "○ "}</span>
                {busy ? "busy" : "idle"}
              </span>
              <BusyStrip cells={grid.subarray(p.index * BUSY_COLUMNS, (p.index + 1) * BUSY_COLUMNS)} />
              <span className="proc-share">
                {share}%<span className="sr-only"> busy</span>
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
