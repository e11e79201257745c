/**
 * kamsim's engine: the public API. Front ends (the CLI, the playground's worker) use only what
 * is exported here: they compile a config, create a simulation and consume its events.
 */

import type { FrontEndOptions, FrontEndResult } from "./lang/compile.js";
import type { Diagnostic } from "./lang/diagnostics.js";
import { analyzeConfig } from "./link/analyze.js";
import { type ProgramInfo, programInfo } from "./program-info.js";
import { Simulation, type SimulationOptions } from "./simulation.js";
import type { TrafficPlan } from "./traffic/types.js";

export { lineColAt, type SourceFile, type Span } from "./base/source.js";
export { formatTimestamp, type Micros, seconds, toSeconds } from "./base/time.js";
export { type Catalog, type CatalogFunction, type CatalogModule, moduleCatalog } from "./catalog.js";
export type {
  AccEvent,
  AgentEvent,
  CfgtEvent,
  CfgtFlowEntry,
  CfgtValue,
  LogEvent,
  SimEvent,
  SimEventKind,
  SipEvent,
  StepEvent,
  TmEvent,
  UlEvent,
} from "./events.js";
export { createLogWriter, formatJsonLine, NO_EVENTS } from "./events.js";
export type { FrontEndOptions, FrontEndResult } from "./lang/compile.js";
export { type DefineArg, type DefinesText, parseDefineArg, parseDefinesText } from "./lang/define-args.js";
export {
  type Diagnostic,
  formatDiagnostic,
  InternalError,
  type PlacedDiagnostic,
  placeDiagnostics,
  type Severity,
  visible,
} from "./lang/diagnostics.js";
export { MAX_CONFIG_TEXT } from "./lang/preprocess.js";
export {
  FIRST_LINE,
  type LineState,
  type ScanKind,
  type ScanToken,
  type StringPv,
  scanLine,
  scanText,
  stringPvs,
} from "./lang/scan.js";
export { analyzeConfig } from "./link/analyze.js";
export type { RpcResult } from "./modules/runtime-types.js";
export { type PikeNodeInfo, pikeNodes } from "./pike-view.js";
export type {
  HtableInfo,
  LineRange,
  ModuleInfo,
  PikeInfo,
  ProgramInfo,
  QueueInfo,
  RouteInfo,
  RouteRef,
  RouteUseInfo,
  TimerInfo,
} from "./program-info.js";
export { cfgtReportPath, formatCfgtReport } from "./runtime/cfgt/report.js";
export { formatKamcmd, formatKamcmdError } from "./runtime/kamcmd.js";
export type { Simulation, SimulationOptions, ViewFigures } from "./simulation.js";
export { DEFAULT_TRAFFIC } from "./traffic/default-scenario.js";
export { MAX_DURATION_S, MAX_TEXT as MAX_TRAFFIC_TEXT } from "./traffic/limits.js";
export type { PlannedStream, TrafficError, TrafficPlan } from "./traffic/types.js";
export { parseTrafficText, validateTraffic } from "./traffic/validate.js";
export { answerLabel, type PlannedAction } from "./world/agents/index.js";

/** A config read and checked; it can run when it has no error. */
export interface CompiledConfig {
  front: FrontEndResult;
  diagnostics: Diagnostic[];
  ok: boolean;
  /** What it declares (modules, routes, queues, timers, tables, pike's settings), as plain data. */
  info: ProgramInfo;
}

/** Reads and checks a config. Never throws on user input. */
export function compileConfig(text: string, options: FrontEndOptions = {}): CompiledConfig {
  const front = analyzeConfig(text, options);
  return {
    front,
    diagnostics: front.diagnostics,
    ok: !front.diagnostics.some((d) => d.severity === "error"),
    info: programInfo(front),
  };
}

/** Creates a simulation of a compiled config (without errors) against a traffic plan. */
export function createSimulation(config: CompiledConfig, plan: TrafficPlan, options: SimulationOptions): Simulation {
  if (!config.ok) throw new Error("createSimulation: the config has errors");
  return new Simulation(config.front, plan, options);
}
