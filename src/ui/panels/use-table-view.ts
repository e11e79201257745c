/**
 * What a table view (Registrations, Transactions) draws: its latest view and the clock its
 * countdowns or ages are read at, stepped by `stepUs` (table-clock.ts). Scrolled out of sight,
 * the panel keeps what it last showed and follows no frame (use-on-screen.ts).
 */
import { type RefObject, useRef } from "react";
import { useShown } from "../store/shown.js";
import type { PlaygroundState } from "../store/store.js";
import { useStore } from "../store/store.js";
import { tableClock } from "./table-clock.js";
import { useOnScreen } from "./use-on-screen.js";

export function useTableView<V>(
  section: RefObject<HTMLElement | null>,
  pick: (s: PlaygroundState) => V | undefined,
  stepUs: number,
): { view: V | undefined; now: number } {
  const onScreen = useOnScreen(section);
  const held = useRef<{ view: V | undefined; now: number }>({ view: undefined, now: 0 });
  const view = useShown((s) => (onScreen ? pick(s) : held.current.view));
  const speed = useStore((s) => s.speed);
  const now = useShown((s) => (onScreen ? tableClock(s.t, s.status === "running", speed, stepUs) : held.current.now));
  held.current = { view, now };
  return held.current;
}
