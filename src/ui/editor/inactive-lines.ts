/**
 * Inactive `#!ifdef` regions: the lines the engine's preprocessor leaves unread with the defines
 * box's defines (ProgramInfo.inactiveLines, from the worker's last check), dimmed in the editor
 * and said in words beside the defines box (the dimming is no text for a screen reader).
 */
import type { LineRange } from "../../engine/index.js";
import { useStore } from "../store/store.js";
import { editorModel } from "./editor-models.js";
import { rangesWithin } from "./inactive-summary.js";
import type { monaco } from "./monaco.js";

/** Dims the config's inactive lines as each check reports them; returns the function that stops it. */
export function installInactiveLines(m: typeof monaco): () => void {
  const model = editorModel(m, "config");
  let ids: string[] = [];
  const draw = (ranges: readonly LineRange[]) => {
    ids = model.deltaDecorations(
      ids,
      rangesWithin(ranges, model.getLineCount()).map((r) => ({
        range: new m.Range(r.from, 1, r.to, model.getLineMaxColumn(r.to)),
        options: {
          isWholeLine: true,
          inlineClassName: "pp-inactive",
          linesDecorationsClassName: "pp-inactive-gutter",
          hoverMessage: { value: "Not read: `#!ifdef`/`#!ifndef`/`#!else` leave these lines out with these defines" },
        },
      })),
    );
  };
  draw(useStore.getState().program?.inactiveLines ?? []);
  const stop = useStore.subscribe((s, prev) => {
    if (s.program !== prev.program) draw(s.program?.inactiveLines ?? []);
  });
  return () => {
    stop();
    ids = model.deltaDecorations(ids, []);
  };
}
