/**
 * The kamsim side of a differential case: the same config and traffic, run in-process through
 * the engine's public API, collecting the log lines (glued as Kamailio glues a line without a
 * final newline), the replies per request, and which processes are SIP workers.
 */
import {
  compileConfig,
  createSimulation,
  formatDiagnostic,
  placeDiagnostics,
  type SimEvent,
  type TrafficPlan,
} from "../../../src/engine/index.js";

/** One physical log line kamsim prints. */
export interface KamsimLine {
  /** Virtual time, seconds. */
  t: number;
  /** The line as printed (`%2d(%d) LEVEL: text`, glued continuations included). */
  text: string;
  /** The request being handled, when a SIP worker wrote it. */
  req?: number;
}

export interface KamsimResult {
  lines: KamsimLine[];
  /** Reply codes per request number (`req`). */
  replies: Map<number, string[]>;
  /** Process indexes of the SIP workers. */
  workers: Set<number>;
  /** Firing times (seconds) of each rtimer process, from `timer` events. */
  firings: Map<number, number[]>;
  /** Requests the simulation received. */
  received: number;
}

/** The config's file name on both sides (Kamailio's absolute path is normalised to it). */
export const CONFIG_NAME = "kamailio.cfg";

/** Runs kamsim on a config and a checked plan, up to (not including) the plan's duration. */
export function runKamsim(config: string, plan: TrafficPlan, seed: number, forceSuspend = false): KamsimResult {
  const compiled = compileConfig(config, { name: CONFIG_NAME });
  if (!compiled.ok) {
    const errors = placeDiagnostics(compiled.diagnostics, compiled.front.files).filter((d) => d.severity === "error");
    throw new Error(`kamsim rejects the config:\n${errors.map(formatDiagnostic).join("\n")}`);
  }
  const lines: KamsimLine[] = [];
  const replies = new Map<number, string[]>();
  const firings = new Map<number, number[]>();
  let open: KamsimLine | undefined;
  let received = 0;
  const onEvent = (e: SimEvent) => {
    if (e.kind === "log") {
      if (open) open.text += e.line;
      else {
        open = e.req === undefined ? { t: e.t / 1e6, text: e.line } : { t: e.t / 1e6, text: e.line, req: e.req };
        lines.push(open);
      }
      if (e.nl) open = undefined;
    } else if (e.kind === "reply") {
      const list = replies.get(e.req) ?? [];
      list.push(e.code);
      replies.set(e.req, list);
    } else if (e.kind === "timer" && e.phase === "fired") {
      const list = firings.get(e.proc) ?? [];
      list.push(e.t / 1e6);
      firings.set(e.proc, list);
    } else if (e.kind === "request" && e.phase === "arrived") received++;
  };
  const sim = createSimulation(compiled, plan, {
    seed,
    forceSuspend,
    onEvent,
    wants: { route: false, mq: false, pike: false, proc: false },
  });
  sim.runUntil(plan.duration - 1);
  const workers = new Set(sim.processes.filter((p) => p.kind === "receiver").map((p) => p.index));
  return { lines, replies, workers, firings, received };
}
