/**
 * Queues: every mqueue's depth over time and now, its `size` limit, overflow drops, and its
 * items as chips entering on mq_add and leaving on mq_fetch.
 */
import { useEffect, useState } from "react";
import type { SimEvent } from "../../../engine/index.js";
import { useStore } from "../../store/store.js";
import { countDrops, eventsAfter } from "./chips.js";
import { QueueCard } from "./QueueCard.js";

/** Overflow drops per queue since the run started, counted from the mq events as they arrive. */
function useDropCounts(): Record<string, number> {
  const [counts, setCounts] = useState<Record<string, number>>({});
  useEffect(() => {
    let last: SimEvent | undefined;
    let acc: Record<string, number> = {};
    const take = (items: readonly SimEvent[]) => {
      if (items.length === 0) {
        // A new run: the store starts its events over.
        if (last !== undefined) {
          acc = {};
          setCounts({});
        }
        last = undefined;
        return;
      }
      const fresh = eventsAfter(items, last);
      last = items[items.length - 1];
      if (fresh.some((e) => e.kind === "mq" && e.op === "drop")) setCounts({ ...countDrops(acc, fresh) });
    };
    take(useStore.getState().queueItems);
    return useStore.subscribe((s, prev) => {
      if (s.queueItems !== prev.queueItems) take(s.queueItems);
    });
  }, []);
  return counts;
}

export function QueuesPanel() {
  const queues = useStore((s) => s.queues);
  const drops = useDropCounts();
  return (
    <section className="panel queues-panel" aria-label="Queues">
      <h2>Queues</h2>
      {queues.length === 0 ? (
        <p className="muted">This config defines no mqueue.</p>
      ) : (
        queues.map((q) => <QueueCard key={q.name} queue={q} drops={drops[q.name] ?? 0} />)
      )}
    </section>
  );
}
