/** The dashboard's views, by place. Each lives in its own folder under panels/. */
import type { ComponentType } from "react";
import { LadderPanel } from "./ladder/LadderPanel.js";
import { PikePanel } from "./pike/PikePanel.js";
import { ProcessesPanel } from "./processes/ProcessesPanel.js";
import { QueuesPanel } from "./queues/QueuesPanel.js";
import { RegistrationsPanel } from "./registrations/RegistrationsPanel.js";
import { RpcConsole } from "./rpc/RpcConsole.js";
import { TimersPanel } from "./timers/TimersPanel.js";
import { TrafficPanel } from "./traffic/TrafficPanel.js";
import { TransactionsPanel } from "./transactions/TransactionsPanel.js";
import "./panels.css";

type PanelName =
  | "Traffic"
  | "Queues"
  | "Timers"
  | "Pike"
  | "Processes"
  | "Ladder"
  | "Registrations"
  | "Transactions"
  | "Rpc";

export const PANELS: Record<PanelName, ComponentType> = {
  Traffic: TrafficPanel,
  Queues: QueuesPanel,
  Timers: TimersPanel,
  Pike: PikePanel,
  Processes: ProcessesPanel,
  Ladder: LadderPanel,
  Registrations: RegistrationsPanel,
  Transactions: TransactionsPanel,
  Rpc: RpcConsole,
};
