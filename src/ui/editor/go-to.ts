/**
 * Going to a place of one of the editor's files from outside the editor (the Problems list, the
 * outline): the tab is switched in the store, and the editor — once it exists: Monaco loads in
 * a chunk of its own — shows the file, puts the cursor there, reveals the line and takes the
 * focus. A place asked for before the editor is ready is kept for it.
 */
import { useStore } from "../store/store.js";
import type { EditorTab } from "./problem-count.js";

export interface GoToTarget {
  tab: EditorTab;
  /** 1-based. */
  line: number;
  /** 1-based. */
  col: number;
}

type Handler = (t: GoToTarget) => void;

let handler: Handler | undefined;
let pending: GoToTarget | undefined;

/** Shows `t.tab` and, in the editor, the place. */
export function goTo(t: GoToTarget): void {
  if (handler) handler(t);
  else pending = t;
  useStore.getState().setTab(t.tab);
}

/** The editor's side: `h` shows places from now on (and the one asked for before). */
export function onGoTo(h: Handler): () => void {
  handler = h;
  const waiting = pending;
  pending = undefined;
  if (waiting) h(waiting);
  return () => {
    if (handler === h) handler = undefined;
  };
}
