/**
 * The config lines a traced message ran (the Trace pane, docs/trace.md), highlighted in the
 * editor the way inactive #!ifdef lines are dimmed (inactive-lines.ts): Monaco decorations on
 * whole lines, a band, a mark in the gutter (not colour alone) and a hover saying why.
 */
import { useTrace } from "../store/trace.js";
import { editorModel } from "./editor-models.js";
import type { monaco } from "./monaco.js";

/** Highlights the traced lines as the Trace pane sets them; returns the function that stops it. */
export function installTraceLines(m: typeof monaco): () => void {
  const model = editorModel(m, "config");
  let ids: string[] = [];
  const draw = (lines: readonly number[]) => {
    const count = model.getLineCount();
    ids = model.deltaDecorations(
      ids,
      lines
        .filter((n) => n >= 1 && n <= count)
        .map((n) => ({
          range: new m.Range(n, 1, n, model.getLineMaxColumn(n)),
          options: {
            isWholeLine: true,
            className: "trace-line-band",
            inlineClassName: "trace-line",
            linesDecorationsClassName: "trace-line-gutter",
            hoverMessage: { value: "Run for the traced message (see the Trace pane)" },
          },
        })),
    );
  };
  draw(useTrace.getState().lines);
  const stop = useTrace.subscribe((s, prev) => {
    if (s.lines !== prev.lines) draw(s.lines);
  });
  return () => {
    stop();
    ids = model.deltaDecorations(ids, []);
  };
}
