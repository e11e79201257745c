/**
 * Runs one golden case (a folder with kamailio.cfg, traffic.json and optionally case.json) the
 * way `kamsim run` does, and renders what it observed: the log lines as Kamailio writes them,
 * plus, for the event kinds case.json asks for, one `[t] # {json}` line per event, in time order.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  compileConfig,
  createLogWriter,
  createSimulation,
  formatDiagnostic,
  formatJsonLine,
  formatTimestamp,
  parseTrafficText,
  placeDiagnostics,
  type SimEvent,
  type SimEventKind,
} from "../../src/engine/index.js";

export interface CaseOptions {
  /** Event kinds to show besides log lines. */
  events?: SimEventKind[];
  /** Defines, like -D. */
  defines?: Record<string, string>;
  /** Seed override. */
  seed?: number;
}

/** `forceSuspend`: compile every route as a coroutine (tests/engine/suspend-parity.test.ts). */
export function runCase(dir: string, forceSuspend = false): string {
  const opts: CaseOptions = existsSync(join(dir, "case.json"))
    ? JSON.parse(readFileSync(join(dir, "case.json"), "utf8"))
    : {};
  const config = compileConfig(readFileSync(join(dir, "kamailio.cfg"), "utf8"), {
    name: "kamailio.cfg",
    defines: opts.defines ?? {},
  });
  const out: string[] = [];
  for (const d of placeDiagnostics(config.diagnostics, config.front.files)) out.push(`# ${formatDiagnostic(d)}\n`);
  if (!config.ok) return out.join("");
  const traffic = parseTrafficText(
    readFileSync(join(dir, "traffic.json"), "utf8"),
    opts.seed === undefined ? {} : { seed: opts.seed },
  );
  if ("errors" in traffic) {
    for (const e of traffic.errors) out.push(`# traffic.json: ${e.path}: ${e.message}\n`);
    return out.join("");
  }
  const kinds = new Set<SimEventKind>(opts.events ?? []);
  const writeLog = createLogWriter((s) => out.push(s));
  const sim = createSimulation(config, traffic.plan, {
    forceSuspend,
    onEvent: (e: SimEvent) => {
      if (e.kind === "log") writeLog(e);
      else if (kinds.has(e.kind)) out.push(`[${formatTimestamp(e.t)}] # ${formatJsonLine(e)}\n`);
    },
    wants: {
      request: kinds.has("request"),
      reply: kinds.has("reply"),
      route: kinds.has("route"),
      mq: kinds.has("mq"),
      timer: kinds.has("timer"),
      pike: kinds.has("pike"),
      proc: kinds.has("proc"),
    },
  });
  for (const d of placeDiagnostics(sim.diagnostics, config.front.files)) out.push(`# ${formatDiagnostic(d)}\n`);
  sim.runUntil(traffic.plan.duration);
  return out.join("");
}
