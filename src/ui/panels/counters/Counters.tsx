/** The big numbers: requests per second, refused by pike, queued, alerts, dropped. */
import { memo } from "react";
import { shallowEqual, useShown } from "../../store/shown.js";

/** One formatter for every figure (`toLocaleString` builds one per call). */
const COUNT = new Intl.NumberFormat("en-US");

/** One figure: renders again only when its own value changes. */
const Counter = memo(function Counter({
  label,
  value,
  tone,
  what,
}: {
  label: string;
  value: number;
  tone?: "alert" | "warn" | "ok";
  /** What the figure counts exactly, when the label alone could mislead. */
  what?: string;
}) {
  return (
    <div className={`counter ${tone ?? ""}`} data-testid={`counter-${label.replace(/\W+/g, "-")}`} title={what}>
      <b>{COUNT.format(value)}</b>
      <span>{label}</span>
      {what && <small className="muted">{what}</small>}
    </div>
  );
});

export function Counters() {
  // A new counters object every frame: the panel renders when a figure changed (store/shown.ts).
  const c = useShown((s) => s.counters, shallowEqual);
  return (
    <section className="panel counters" aria-label="Counters">
      {/* Arrivals in the last second of virtual time, whatever the speed (frames.ts). */}
      <Counter label="req/s" value={c.rate} what="arrived in the last virtual second" />
      <Counter label="received" value={c.received} />
      <Counter label="refused by pike" value={c.refused} tone={c.refused ? "alert" : undefined} />
      <Counter label="queued" value={c.queued} tone={c.queued ? "warn" : undefined} />
      <Counter label="alerts" value={c.alerts} tone={c.alerts ? "alert" : undefined} />
      <Counter label="replies" value={c.replies} tone="ok" />
      <Counter label="dropped" value={c.dropped} tone={c.dropped ? "alert" : undefined} />
    </section>
  );
}
