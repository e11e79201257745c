/** The big numbers: requests per second, refused by pike, queued, alerts, dropped. */
import { useStore } from "../../store/store.js";

function Counter({ label, value, tone }: { label: string; value: number; tone?: "alert" | "warn" | "ok" }) {
  return (
    <div className={`counter ${tone ?? ""}`} data-testid={`counter-${label.replace(/\W+/g, "-")}`}>
      <b>{value.toLocaleString("en-US")}</b>
      <span>{label}</span>
    </div>
  );
}

export function Counters() {
  const c = useStore((s) => s.counters);
  return (
    <section className="panel counters" aria-label="Counters">
      <Counter label="req/s" value={c.rate} />
      <Counter label="received" value={c.received} />
      <Counter label="refused by pike" value={c.refused} tone={c.refused ? "alert" : undefined} />
      <Counter label="queued" value={c.queued} tone={c.queued ? "warn" : undefined} />
      <Counter label="alerts" value={c.alerts} tone={c.alerts ? "alert" : undefined} />
      <Counter label="replies" value={c.replies} tone="ok" />
      <Counter label="dropped" value={c.dropped} tone={c.dropped ? "alert" : undefined} />
    </section>
  );
}
