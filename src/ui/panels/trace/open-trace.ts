/**
 * Asking for a message's trace (Ladder arrow, Log line): the pane opens at once and fills when the
 * worker answers. A running run is paused first: the worker replays the run up to the message
 * (docs/trace.md), which holds it as long as the run took so far — seconds for a long run —, so
 * the run would stall anyway, and the page's watchdog, which expects a frame within 8 s while
 * running, would end the worker (worker-bridge.ts WATCHDOG_MS). The label says it was paused.
 */
import type { TraceTarget } from "../../../protocol/trace.js";
import { getBridge } from "../../bridge/worker-bridge.js";
import { useStore } from "../../store/store.js";
import { useTrace } from "../../store/trace.js";

export function openTrace(target: TraceTarget, asLabel: string): void {
  let label = asLabel;
  if (useStore.getState().status === "running") {
    getBridge().pause();
    label = `${asLabel} (run paused to trace it)`;
  }
  const asked = useTrace.getState().asked + 1;
  useTrace.setState({ label, target, trace: undefined, error: undefined, lines: [], asked });
  void getBridge()
    .trace(target)
    .then((r) => {
      // A later ask (or Close) wins over this answer.
      if (useTrace.getState().asked !== asked) return;
      if ("trace" in r) useTrace.setState({ trace: r.trace, lines: r.trace.lines });
      else useTrace.setState({ error: r.error });
    });
}
