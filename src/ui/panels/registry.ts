/** The dashboard's views, by place. Each lives in its own folder under panels/. */
import type { ComponentType } from "react";
import { PikePanel } from "./pike/PikePanel.js";
import { ProcessesPanel } from "./processes/ProcessesPanel.js";
import { QueuesPanel } from "./queues/QueuesPanel.js";
import { RpcConsole } from "./rpc/RpcConsole.js";
import { TimersPanel } from "./timers/TimersPanel.js";
import { TrafficPanel } from "./traffic/TrafficPanel.js";
import "./panels.css";

export const PANELS: Record<"Traffic" | "Queues" | "Timers" | "Pike" | "Processes" | "Rpc", ComponentType> = {
  Traffic: TrafficPanel,
  Queues: QueuesPanel,
  Timers: TimersPanel,
  Pike: PikePanel,
  Processes: ProcessesPanel,
  Rpc: RpcConsole,
};
