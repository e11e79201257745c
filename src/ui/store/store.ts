/**
 * The playground's one store, in slices that each own their keys: editor texts and diagnostics,
 * the simulation's state as the worker reports it, the log, and the page's own settings.
 * Components read through the selectors below; the bridge applies worker messages through the
 * actions. Nothing here touches the engine: only protocol data.
 */
import { create } from "zustand";
import type { PlacedDiagnostic, ProgramInfo, SimEvent } from "../../engine/index.js";
import type { AgentRow } from "../../protocol/agents.js";
import type { Counters, PikeRow, ProcessInfo, QueueInfo, StreamInfo, TimerInfo } from "../../protocol/messages.js";
import type { RegistrationsView, TransactionsView } from "../../protocol/views.js";
import { LadderRing } from "./ladder-ring.js";
import { LogRing } from "./log-ring.js";

export type SimStatus = "loading" | "ready" | "running" | "paused" | "ended" | "error";

/** One point of a series over virtual time. */
export interface Sample {
  t: number;
  v: number;
}

export interface TimerFiring {
  /** Virtual µs the firing started at. */
  t: number;
  /** Run time, once done. */
  duration?: number;
  proc: number;
}

/** Points kept per series (depth charts, busy lanes): enough for minutes of virtual time. */
export const SERIES_CAP = 4000;

export interface EditorSlice {
  /** The example the texts came from, if any (for the gallery's explanation). */
  example: string | undefined;
  config: string;
  traffic: string;
  seed: number;
  /** The defines box's text, as typed (`WITH_X Y=1` or `-D WITH_X`): parsed when sent to the worker. */
  defines: string;
  tab: "config" | "traffic";
  /** The texts differ from what the simulation runs. */
  dirty: boolean;
  configDiagnostics: PlacedDiagnostic[];
  trafficDiagnostics: PlacedDiagnostic[];
  /** What the config last checked declares (the engine's answer), for completion and go to definition. */
  program: ProgramInfo | undefined;
  setConfig(text: string): void;
  setTraffic(text: string): void;
  setDefines(text: string): void;
  setTab(tab: "config" | "traffic"): void;
  setDiagnostics(config: PlacedDiagnostic[], traffic: PlacedDiagnostic[], program?: ProgramInfo): void;
  markApplied(): void;
}

export interface SimSlice {
  status: SimStatus;
  /** Virtual µs now. */
  t: number;
  speed: number;
  processes: ProcessInfo[];
  queues: QueueInfo[];
  timers: TimerInfo[];
  streams: StreamInfo[];
  counters: Counters;
  busy: number[];
  rxQueued: number;
  pike: PikeRow[];
  /** Depth over time per queue. */
  queueSeries: Record<string, Sample[]>;
  /** Items in each queue now. */
  queueDepth: Record<string, number>;
  /** Routes that ran during the last frame (a new array per frame that has any). */
  routesRan: string[];
  /** Recent mq events (entering/leaving items), newest last. */
  queueItems: SimEvent[];
  /** Firings per timer (the recent ones: frames carry the newest only; see timerFirings). */
  firings: Record<string, TimerFiring[]>;
  /** Firings of each timer since t = 0, exact. */
  timerFirings: Record<string, number>;
  /** Busy processes over time (one sample per frame): [t, busy indexes]. */
  busySeries: { t: number; busy: number[] }[];
  /** Receive queue depth over time. */
  rxSeries: Sample[];
  /** Blocked addresses: ip → virtual µs it was blocked at. */
  blocked: Record<string, number>;
  /** pike's limit per window and window length (µs), when pike is loaded. */
  pikeSettings: { limit: number; windowUs: number } | undefined;
  /** Items each queue has dropped on overflow in this run. */
  queueDrops: Record<string, number>;
  /** Busy time per process over time: one sample per frame, µs busy during that frame. */
  busyTime: { t: number; dt: number; busyUs: Record<number, number> }[];
  /** usrloc's table as the worker last sent it; undefined when the config does not load usrloc. */
  registrations: RegistrationsView | undefined;
  /** tm's transactions as the worker last sent them; undefined when the config does not load tm. */
  transactions: TransactionsView | undefined;
  /** The traffic file's agents now, in file order (the Traffic panel's rows). */
  agents: AgentRow[];
  setSpeed(speed: number): void;
  setStatus(status: SimStatus): void;
}

export interface LogSlice {
  log: LogRing;
  /** Bumped on every change of the ring, so components re-render. */
  logVersion: number;
  levels: Record<string, boolean>;
  logFilter: string;
  /** The line whose details are shown, by its index in the whole run. */
  selectedLine: number | undefined;
  setLevel(level: string, on: boolean): void;
  setLogFilter(text: string): void;
  selectLine(index: number | undefined): void;
  /** The address whose story every view marks (see story.ts). */
  focusIp: string | undefined;
  setFocusIp(ip: string | undefined): void;
}

export interface LadderSlice {
  /** The SIP messages on the network (the newest LADDER_CAPACITY), for the Ladder. */
  ladder: LadderRing;
  /** Bumped on every change of the ladder, so the view re-renders (at the shown pace). */
  ladderVersion: number;
}

export interface UiSlice {
  theme: "light" | "dark";
  fontScale: number;
  helpOpen: boolean;
  notice: string | undefined;
  /** A button the notice offers (e.g. Undo after work was replaced). */
  noticeAction: NoticeAction | undefined;
  workerRestarts: number;
  setTheme(theme: "light" | "dark"): void;
  setFontScale(scale: number): void;
  setHelpOpen(open: boolean): void;
  setNotice(text: string | undefined, action?: NoticeAction): void;
}

export interface NoticeAction {
  label: string;
  run(): void;
}

export type PlaygroundState = EditorSlice & SimSlice & LogSlice & LadderSlice & UiSlice;

const LOG_CAPACITY = 20_000;
/** As many messages as the worker's ladder keeps (worker/ladder.ts). */
export const LADDER_CAPACITY = 20_000;

const EMPTY_COUNTERS: Counters = { received: 0, dropped: 0, refused: 0, queued: 0, alerts: 0, replies: 0, rate: 0 };

export const useStore = create<PlaygroundState>()((set) => ({
  // editor
  example: undefined,
  config: "",
  traffic: "",
  seed: 1,
  defines: "",
  tab: "config",
  dirty: false,
  configDiagnostics: [],
  trafficDiagnostics: [],
  program: undefined,
  setConfig: (config) => set({ config, dirty: true }),
  setTraffic: (traffic) => set({ traffic, dirty: true }),
  setDefines: (defines) => set({ defines, dirty: true }),
  setTab: (tab) => set({ tab }),
  setDiagnostics: (configDiagnostics, trafficDiagnostics, program) =>
    set({ configDiagnostics, trafficDiagnostics, program }),
  markApplied: () => set({ dirty: false }),
  // simulation
  status: "loading",
  t: 0,
  speed: 10,
  processes: [],
  queues: [],
  timers: [],
  streams: [],
  counters: EMPTY_COUNTERS,
  busy: [],
  rxQueued: 0,
  pike: [],
  queueSeries: {},
  queueDepth: {},
  routesRan: [],
  queueItems: [],
  firings: {},
  timerFirings: {},
  busySeries: [],
  rxSeries: [],
  blocked: {},
  pikeSettings: undefined,
  queueDrops: {},
  busyTime: [],
  registrations: undefined,
  transactions: undefined,
  agents: [],
  setSpeed: (speed) => set({ speed }),
  setStatus: (status) => set({ status }),
  // log
  log: new LogRing(LOG_CAPACITY),
  logVersion: 0,
  levels: {
    ALERT: true,
    BUG: true,
    CRITICAL: true,
    "": true,
    ERROR: true,
    WARNING: true,
    NOTICE: true,
    INFO: true,
    DEBUG: true,
  },
  logFilter: "",
  selectedLine: undefined,
  setLevel: (level, on) => set((s) => ({ levels: { ...s.levels, [level]: on } })),
  setLogFilter: (logFilter) => set({ logFilter }),
  selectLine: (selectedLine) => set({ selectedLine }),
  focusIp: undefined,
  setFocusIp: (focusIp) => set({ focusIp }),
  // ladder
  ladder: new LadderRing(LADDER_CAPACITY),
  ladderVersion: 0,
  // page
  theme: "light",
  fontScale: 1,
  helpOpen: false,
  notice: undefined,
  noticeAction: undefined,
  workerRestarts: 0,
  setTheme: (theme) => set({ theme }),
  setFontScale: (fontScale) => set({ fontScale }),
  setHelpOpen: (helpOpen) => set({ helpOpen }),
  setNotice: (notice, noticeAction) => set({ notice, noticeAction }),
}));

export { EMPTY_COUNTERS };
