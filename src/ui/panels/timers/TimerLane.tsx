/**
 * One rtimer: a lane over the last 30 virtual seconds with a tick at every firing (its run time
 * as the bar's width), "now" at the right, and the countdown to the next firing — in text too.
 */
import { memo } from "react";
import type { TimerInfo } from "../../../protocol/messages.js";
import { useShown } from "../../store/shown.js";
import type { TimerFiring } from "../../store/store.js";
import { hueClass } from "../queues/hues.js";
import { WINDOW_US, xRange } from "../queues/series.js";
import { describeTimer, nextFiring } from "./countdown.js";
import { formatDuration, formatSeconds } from "./format.js";
import { laneMarks, lanePos } from "./lane.js";

const EMPTY: TimerFiring[] = [];

function pct(x: number): string {
  return `${(x * 100).toFixed(3)}%`;
}

/** Renders at the eye's pace while the run runs (store/shown.ts): its clock moves every frame. */
export const TimerLane = memo(function TimerLane({ timer }: { timer: TimerInfo }) {
  const firings = useShown((s) => s.firings[timer.name]) ?? EMPTY;
  // The exact count: `firings` holds the recent ones only (a frame carries the newest firings).
  const fired = useShown((s) => s.timerFirings[timer.name]) ?? firings.length;
  const t = useShown((s) => s.t);
  const [lo, hi] = xRange(t);
  const from = lo * 1e6;
  const to = hi * 1e6;
  const marks = laneMarks(firings, from, to);
  const next = nextFiring(timer, firings, t);
  const last = firings[firings.length - 1];
  const nowAt = lanePos(t, from, to);
  const nextAt = next.state === "waiting" && next.at <= to ? lanePos(next.at, from, to) : undefined;
  const countdown =
    next.state === "running"
      ? `running since ${formatSeconds(next.since)}`
      : `next in ${formatDuration(next.in)} (at ${formatSeconds(next.at)})`;
  return (
    <article className={`timer ${hueClass(timer.name)}`} aria-label={`Timer ${timer.name}`} data-timer={timer.name}>
      <header className="timer-head">
        <span className="swatch" aria-hidden="true" />
        <b className="timer-name">{timer.name}</b>
        <span className="muted">{describeTimer(timer)}</span>
      </header>
      <div className="lane" aria-hidden="true">
        {marks.map((m) => (
          <span
            key={`${m.proc}:${m.t}`}
            className={`tick${m.running ? " running" : ""}`}
            style={{ left: pct(m.left), width: `max(3px, ${pct(m.width)})` }}
          />
        ))}
        {nextAt !== undefined && nextAt > nowAt && (
          <span className="next-span" style={{ left: pct(nowAt), width: pct(nextAt - nowAt) }} />
        )}
        <span className="now" style={{ left: pct(nowAt) }} />
      </div>
      <div className="lane-scale muted" aria-hidden="true">
        <span>{formatSeconds(from, 0)}</span>
        <span>last {WINDOW_US / 1e6} s</span>
        <span>{formatSeconds(to, 0)}</span>
      </div>
      <p className="timer-text">
        <span
          className={`countdown${next.state === "running" ? " running" : ""}`}
          data-testid={`timer-next-${timer.name}`}
        >
          <span aria-hidden="true">{next.state === "running" ? "⚙ " : "◷ "}</span>
          {countdown}
        </span>
        <span>
          <b data-testid={`timer-firings-${timer.name}`}>{fired.toLocaleString("en-US")}</b>{" "}
          {fired === 1 ? "firing" : "firings"}
        </span>
        {last && (
          <span className="muted">
            last at {formatSeconds(last.t)}
            {last.duration !== undefined && `, ran ${formatDuration(last.duration)}`}
          </span>
        )}
      </p>
    </article>
  );
});
