/** Runs a config against a traffic plan in-process and collects what comes out, for engine tests. */
import {
  compileConfig,
  createLogWriter,
  createSimulation,
  formatDiagnostic,
  parseTrafficText,
  placeDiagnostics,
  type SimEvent,
  seconds,
} from "../../src/engine/index.js";

export interface EngineRun {
  /** The text output, as `kamsim run` prints it. */
  text: string;
  /** Log lines without the time stamp. */
  lines: string[];
  events: SimEvent[];
}

export interface EngineOptions {
  /** Run in slices of this many virtual seconds (as the playground's worker does). */
  slice?: number;
  seed?: number;
  /** kamsim's per-run action limit. */
  stepBudget?: number;
  /** Compile every route as a coroutine (runtime/suspend.ts). */
  forceSuspend?: boolean;
}

export function runEngine(config: string, traffic: unknown, opts: EngineOptions = {}): EngineRun {
  const cfg = compileConfig(config, { name: "kamailio.cfg" });
  if (!cfg.ok) {
    const msgs = placeDiagnostics(cfg.diagnostics, cfg.front.files).map(formatDiagnostic);
    throw new Error(`config has errors:\n${msgs.join("\n")}`);
  }
  const t = parseTrafficText(
    typeof traffic === "string" ? traffic : JSON.stringify(traffic),
    opts.seed === undefined ? {} : { seed: opts.seed },
  );
  if ("errors" in t) throw new Error(`traffic has errors: ${JSON.stringify(t.errors)}`);
  const events: SimEvent[] = [];
  let text = "";
  const writeLog = createLogWriter((s) => {
    text += s;
  });
  const sim = createSimulation(cfg, t.plan, {
    ...(opts.stepBudget ? { stepBudget: opts.stepBudget } : {}),
    forceSuspend: opts.forceSuspend,
    onEvent: (e) => {
      events.push(e);
      if (e.kind === "log") writeLog(e);
    },
  });
  if (opts.slice) {
    for (let at = 0; at < t.plan.duration; at += seconds(opts.slice)) sim.runUntil(Math.min(at, t.plan.duration));
  }
  sim.runUntil(t.plan.duration);
  const lines = events.flatMap((e) => (e.kind === "log" ? [e.line] : []));
  return { text, lines, events };
}
