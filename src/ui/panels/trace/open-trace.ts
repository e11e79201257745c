/** Asking for a message's trace (Ladder arrow, Log line): the pane opens at once and fills when the worker answers. */
import type { TraceTarget } from "../../../protocol/trace.js";
import { getBridge } from "../../bridge/worker-bridge.js";
import { useTrace } from "../../store/trace.js";

export function openTrace(target: TraceTarget, label: string): void {
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
