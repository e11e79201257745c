/** The dashboard's views, by place. Each lives in its own folder under panels/. */
import type { ComponentType } from "react";
import { createElement } from "react";
import { Placeholder } from "./placeholder/Placeholder.js";

const placeholder =
  (name: string): ComponentType =>
  () =>
    createElement(Placeholder, { name });

export const PANELS: Record<"Traffic" | "Queues" | "Timers" | "Pike" | "Processes" | "Rpc", ComponentType> = {
  Traffic: placeholder("Traffic"),
  Queues: placeholder("Queues"),
  Timers: placeholder("Timers"),
  Pike: placeholder("Pike"),
  Processes: placeholder("Processes"),
  Rpc: placeholder("RPC console"),
};
