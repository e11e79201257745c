/**
 * The Trace pane's state (issue 12 §2, docs/trace.md): which message is traced, its trace once
 * the worker has replayed the run to it, and the config lines the editor highlights. A store of
 * its own: a trace is asked for by the Ladder, the Log and the editor shows it; a new run drops it.
 */
import { create } from "zustand";
import type { MessageTrace, TraceTarget } from "../../protocol/trace.js";

export interface TraceState {
  /** What is traced, in words (`INVITE from alice`), and how to ask for it; undefined: the pane is closed. */
  label: string | undefined;
  target: TraceTarget | undefined;
  trace: MessageTrace | undefined;
  error: string | undefined;
  /** The kamailio.cfg lines the editor highlights (the trace's, or one route's). */
  lines: readonly number[];
  /** Asks counter: an answer to an older ask is dropped. */
  asked: number;
}

export const useTrace = create<TraceState>(() => ({
  label: undefined,
  target: undefined,
  trace: undefined,
  error: undefined,
  lines: [],
  asked: 0,
}));

/** Closes the pane and takes the highlight off the editor. */
export function closeTrace(): void {
  useTrace.setState((s) => ({
    label: undefined,
    target: undefined,
    trace: undefined,
    error: undefined,
    lines: [],
    asked: s.asked + 1,
  }));
}
