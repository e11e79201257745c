/**
 * The simulation as the views show it: the store's state, taken at the pace the eye needs (see
 * pace.ts) — at once when anything but a running frame changed it, at most ten times a second
 * while a run runs. Views read frame-fed data (clock, counters, depths, busy shares…) through
 * `useShown` with a narrow selector and an equality, so a view renders only when what it shows
 * changed, and never more than ten times a second; controls and the user's own choices (status,
 * theme, focus) they read from the store itself, at once.
 */
import { useRef, useSyncExternalStore } from "react";
import { createPacer } from "./pace.js";
import { type PlaygroundState, useStore } from "./store.js";

/** Text that changes faster than this cannot be read (ms between two shows while running). */
export const SHOW_INTERVAL_MS = 100;

let shown: PlaygroundState = useStore.getState();
const listeners = new Set<() => void>();

const pacer = createPacer(
  SHOW_INTERVAL_MS,
  () => {
    shown = useStore.getState();
    for (const l of listeners) l();
  },
  {
    now: () => performance.now(),
    setTimer: (run, ms) => setTimeout(run, ms),
    clearTimer: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
  },
);
useStore.subscribe((now, prev) => pacer.changed(!(now.status === "running" && prev.status === "running")));

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The state the views show now. */
export function shownState(): PlaygroundState {
  return shown;
}

/**
 * `select` of the shown state; the component renders again only when `equal` says the selection
 * changed (a selector that builds an object or array needs an equality that looks inside).
 */
export function useShown<T>(select: (s: PlaygroundState) => T, equal: (a: T, b: T) => boolean = Object.is): T {
  const last = useRef<{ v: T } | undefined>(undefined);
  const snapshot = () => {
    const v = select(shown);
    const prev = last.current;
    if (prev && equal(prev.v, v)) return prev.v;
    last.current = { v };
    return v;
  };
  return useSyncExternalStore(subscribe, snapshot);
}

/** Same keys, same values (one level deep): for records of numbers such as the counters. */
export function shallowEqual<T extends object>(a: T, b: T): boolean {
  if (a === b) return true;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) if (!Object.is(a[k as keyof T], b[k as keyof T])) return false;
  return true;
}

/** Same length, same elements: for arrays and typed arrays of numbers. */
export function sameItems(a: ArrayLike<unknown>, b: ArrayLike<unknown>): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}
