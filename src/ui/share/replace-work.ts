/**
 * Replacing the editor's work as a whole (an example, a share link, a version from the history,
 * a file): the work it replaces goes into the history first — unless it is an example's own,
 * untouched texts, which the gallery still has — and a notice offers to undo the replacement.
 * So no choice in the page ever loses work (issue: "no work is ever lost").
 */
import { EXAMPLES } from "../examples/index.js";
import { useStore } from "../store/store.js";
import { keepCurrent, newVersion, type SavedWork, saveWork } from "./autosave.js";
import { sameTexts } from "./work-history.js";

/** The store's work now. */
export function currentWork(): SavedWork {
  const s = useStore.getState();
  const w: SavedWork = { config: s.config, traffic: s.traffic, seed: s.seed };
  if (s.defines) w.defines = s.defines;
  if (s.example) w.example = s.example;
  return w;
}

/** Whether `work` is worth keeping: it differs from every example's texts (an example has no defines). */
export function isOwnWork(work: SavedWork): boolean {
  return !!work.defines || !EXAMPLES.some((x) => x.config === work.config && x.traffic === work.traffic);
}

/**
 * Puts `next` in the editor as a new version (saved at once, so a reload shows it), keeping the
 * current work in the history. `load` then compiles it (not before the worker is started).
 * When work was kept, a notice says `message` and offers an "Undo" that brings that work back.
 * Returns the work that was replaced.
 */
export function replaceWork(next: SavedWork, message: string, load: () => void): SavedWork {
  const before = currentWork();
  const kept = isOwnWork(before) && !sameTexts(before, next);
  if (kept) keepCurrent(before);
  newVersion();
  useStore.setState({
    config: next.config,
    traffic: next.traffic,
    seed: next.seed,
    defines: next.defines ?? "",
    example: next.example,
  });
  saveWork(currentWork());
  load();
  if (kept)
    useStore.getState().setNotice(`${message} Your previous work is kept in History.`, {
      label: "Undo",
      run: () => replaceWork(before, "Undone.", load),
    });
  return before;
}
