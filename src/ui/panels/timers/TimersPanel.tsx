/** Timers: a lane per rtimer — its firings, how long each ran, and when it fires next. */
import { useStore } from "../../store/store.js";
import { TimerLane } from "./TimerLane.js";

export function TimersPanel() {
  const timers = useStore((s) => s.timers);
  return (
    <section className="panel timers-panel" aria-label="Timers">
      <h2>Timers</h2>
      {timers.length === 0 ? (
        <p className="muted">This config defines no rtimer.</p>
      ) : (
        <>
          {timers.map((t) => (
            <TimerLane key={t.name} timer={t} />
          ))}
          <p className="legend muted">
            <span className="tick-key" aria-hidden="true" /> tick = a firing, its width = run time ·{" "}
            <span className="next-key" aria-hidden="true" /> = wait until the next firing
          </p>
        </>
      )}
    </section>
  );
}
