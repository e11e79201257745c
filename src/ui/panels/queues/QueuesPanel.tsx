/**
 * Queues: every mqueue's depth over time and now, its `size` limit, overflow drops, and its
 * items as chips entering on mq_add and leaving on mq_fetch.
 */
import { shallowEqual, useShown } from "../../store/shown.js";
import { useStore } from "../../store/store.js";
import { QueueCard } from "./QueueCard.js";

/**
 * Drops per queue come from the store, which sums what the worker counted from every mq event.
 * They used to be counted here from the recent mq events the frames carry, a capped list, so
 * the count depended on the speed (queue-overflow: 150 at 10x, 90 at 100x, 25 at max).
 */
export function QueuesPanel() {
  const queues = useStore((s) => s.queues);
  // Frame-fed: at the eye's pace, and only when a count changed (store/shown.ts).
  const drops = useShown((s) => s.queueDrops, shallowEqual);
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
