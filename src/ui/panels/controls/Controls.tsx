/** Run / Pause / Step / Reset, the speed, and the virtual clock. */
import { formatTimestamp } from "../../../engine/index.js";
import { getBridge } from "../../bridge/worker-bridge.js";
import { useShown } from "../../store/shown.js";
import { useStore } from "../../store/store.js";

/** Speeds offered, × real time; Infinity = as fast as possible. */
const SPEEDS = [0.1, 0.5, 1, 2, 5, 10, 20, 50, 100, Number.POSITIVE_INFINITY];

const label = (s: number) => (Number.isFinite(s) ? `${s}×` : "max");

export function Controls() {
  const status = useStore((s) => s.status);
  const speed = useStore((s) => s.speed);
  // The clock changes every frame: shown at the eye's pace (store/shown.ts), final when paused.
  const t = useShown((s) => s.t);
  const running = status === "running";
  const b = getBridge();
  return (
    <section className="panel controls" aria-label="Simulation controls">
      <button
        type="button"
        aria-label="Run"
        onClick={() => b.run()}
        disabled={running || status === "loading" || status === "error"}
        aria-keyshortcuts="Space"
      >
        ▶ Run
      </button>
      <button type="button" aria-label="Pause" onClick={() => b.pause()} disabled={!running} aria-keyshortcuts="Space">
        ❚❚ Pause
      </button>
      <button
        type="button"
        aria-label="Step"
        onClick={() => b.step()}
        disabled={running || status === "loading" || status === "error"}
        aria-keyshortcuts="."
      >
        ▶| Step
      </button>
      <button type="button" aria-label="Reset" onClick={() => b.reset()}>
        ↺ Reset
      </button>
      <label>
        Speed{" "}
        <select aria-label="Speed" value={String(speed)} onChange={(e) => b.setSpeed(Number(e.target.value))}>
          {SPEEDS.map((s) => (
            <option key={s} value={String(s)}>
              {label(s)}
            </option>
          ))}
        </select>
      </label>
      <span className="muted" role="status" aria-label="Simulation status" aria-live="polite">
        {status}
      </span>
      <output className="clock" aria-label="Virtual time">
        t = {formatTimestamp(t).trim()} s
      </output>
    </section>
  );
}
