/** One mqueue: its depth as a large number and over time, its limit, its drops, its items. */
import { memo, useMemo } from "react";
import type { QueueInfo } from "../../../protocol/messages.js";
import { useShown } from "../../store/shown.js";
import { useStore } from "../../store/store.js";
import { ChipStrip } from "./ChipStrip.js";
import { leavingWindow, queueChips } from "./chips.js";
import { DepthChart } from "./DepthChart.js";
import { hueClass } from "./hues.js";

/** Renders again only when its queue's figures or items changed (at the eye's pace: store/shown.ts). */
export const QueueCard = memo(function QueueCard({ queue, drops }: { queue: QueueInfo; drops: number }) {
  const items = useShown((s) => s.queueItems);
  const t = useShown((s) => s.t);
  const speed = useStore((s) => s.speed);
  const depth = useShown((s) => s.queueDepth[queue.name] ?? 0);
  const chips = useMemo(
    () => queueChips(items, queue.name, depth, t - leavingWindow(speed)),
    [items, queue.name, depth, t, speed],
  );
  const full = queue.limit > 0 && depth >= queue.limit;
  const limit = queue.limit > 0 ? `size ${queue.limit}` : "no size limit";
  return (
    <article className={`queue ${hueClass(queue.name)}`} aria-label={`Queue ${queue.name}`} data-queue={queue.name}>
      <header className="queue-head">
        <span className="swatch" aria-hidden="true" />
        <b className="queue-name">{queue.name}</b>
        <span className="big-number" data-testid={`queue-depth-${queue.name}`}>
          {depth.toLocaleString("en-US")}
        </span>
        <span className="muted">in queue</span>
        <span className={full ? "tag warn" : "muted"}>
          {full && <span aria-hidden="true">⚠ </span>}
          {full ? `full (${limit})` : limit}
        </span>
        <span className={drops ? "tag alert" : "muted"} data-testid={`queue-drops-${queue.name}`}>
          <span aria-hidden="true">✕ </span>
          {drops.toLocaleString("en-US")} dropped
        </span>
      </header>
      <DepthChart name={queue.name} limit={queue.limit} />
      <ChipStrip name={queue.name} chips={chips} />
    </article>
  );
});
