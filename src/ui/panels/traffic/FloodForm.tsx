/**
 * Flood: a burst of requests from one address at a rate for a while, from now. The defaults trip
 * pike in one click; while the burst runs (in virtual time) the view says so.
 */
import { useState } from "react";
import { getBridge } from "../../bridge/worker-bridge.js";
import { useShown } from "../../store/shown.js";
import { useStore } from "../../store/store.js";
import { formatDuration } from "../timers/format.js";
import { checkFlood, FLOOD_DEFAULTS } from "./flood.js";

export function FloodForm({ disabledWhy }: { disabledWhy: string | undefined }) {
  const disabled = disabledWhy !== undefined;
  const [src, setSrc] = useState<string>(FLOOD_DEFAULTS.src);
  const [rate, setRate] = useState(String(FLOOD_DEFAULTS.rate));
  const [duration, setDuration] = useState(String(FLOOD_DEFAULTS.duration));
  const [error, setError] = useState<string | undefined>();
  const [burst, setBurst] = useState<{ src: string; until: number } | undefined>();
  // The clock only while a burst runs (its countdown), at the eye's pace (store/shown.ts): the
  // form does not render on every frame for nothing.
  const t = useShown((s) => (burst !== undefined && s.t < burst.until ? s.t : undefined));
  const flooding = burst !== undefined && t !== undefined;

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const r = checkFlood({ src, rate, duration });
    if (!r.ok) return setError(r.error);
    setError(undefined);
    getBridge().flood(r.flood.src, r.flood.rate, r.flood.duration);
    setBurst({ src: r.flood.src, until: useStore.getState().t + r.flood.duration * 1e6 });
  };

  return (
    <form className="flood" onSubmit={submit} aria-label="Flood from one address">
      <button type="submit" className="flood-button" disabled={disabled} aria-describedby="flood-status">
        <span aria-hidden="true">⚡ </span>Flood
      </button>
      <label>
        from{" "}
        <input
          className="mono addr"
          value={src}
          onChange={(e) => setSrc(e.target.value)}
          aria-label="Flood source address"
          spellCheck={false}
          aria-invalid={error?.includes("address") ? true : undefined}
        />
      </label>
      <label>
        at{" "}
        <input
          className="mono num"
          type="number"
          min={1}
          max={10000}
          value={rate}
          onChange={(e) => setRate(e.target.value)}
          aria-label="Flood rate, requests per second"
        />
        /s
      </label>
      <label>
        for{" "}
        <input
          className="mono num"
          type="number"
          min={0.1}
          max={60}
          step={0.1}
          value={duration}
          onChange={(e) => setDuration(e.target.value)}
          aria-label="Flood duration, seconds"
        />
        s
      </label>
      <span id="flood-status" className={flooding ? "tag warn" : "muted"} role="status">
        {error ? (
          <span className="error-text">{error}</span>
        ) : flooding && burst ? (
          <>
            <span aria-hidden="true">⚡ </span>flooding from {burst.src}
            {/* The countdown changes every frame: shown, not announced. */}
            <span aria-hidden="true">, {formatDuration(burst.until - (t ?? burst.until))} left</span>
          </>
        ) : disabled ? (
          disabledWhy
        ) : (
          ""
        )}
      </span>
    </form>
  );
}
